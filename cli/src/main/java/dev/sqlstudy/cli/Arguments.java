package dev.sqlstudy.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line as the user typed it. The JVM decodes {@code main}'s arguments with the
 * locale's charset: under {@code LANG=C} (cron, CI runners, minimal containers) every non-ASCII
 * byte becomes U+FFFD, and {@code study family add 'Zoë 😀'} would silently store a mangled name.
 * On Linux the raw bytes are still in {@code /proc/self/cmdline}; when they are valid UTF-8 the
 * arguments are read again from there. Anything that does not line up leaves them as they were.
 */
final class Arguments {

    private static final char REPLACEMENT = '\uFFFD';

    private Arguments() {
    }

    /** {@code args}, re-read as UTF-8 from {@code /proc/self/cmdline} if the JVM's decoding lost characters. */
    static String[] asTyped(String[] args) {
        if (!lostCharacters(args)) {
            return args;
        }
        try {
            return recoverUtf8(args, Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException | RuntimeException e) {
            return args;
        }
    }

    static boolean lostCharacters(String[] args) {
        for (String arg : args) {
            if (arg.indexOf(REPLACEMENT) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the arguments holding U+FFFD with the UTF-8 decoding of the same argument in
     * {@code cmdline} (NUL-separated, the process's whole command line; {@code args} are its last
     * entries). Returns {@code args} unchanged when the two do not match argument for argument or
     * the raw bytes are not UTF-8 (then the locale's decoding was the right one).
     */
    static String[] recoverUtf8(String[] args, byte[] cmdline) {
        List<byte[]> raw = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                raw.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            raw.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
        }
        if (raw.size() < args.length) {
            return args;
        }
        List<byte[]> tail = raw.subList(raw.size() - args.length, raw.size());
        String[] recovered = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            String decoded;
            try {
                decoded = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(tail.get(i))).toString();
            } catch (CharacterCodingException e) {
                return args;
            }
            if (!sameApartFromLostCharacters(args[i], decoded)) {
                return args;
            }
            recovered[i] = args[i].indexOf(REPLACEMENT) >= 0 ? decoded : args[i];
        }
        return recovered;
    }

    /** Whether {@code decoded} is what the JVM turned into {@code given}: same ASCII, U+FFFD for the rest. */
    private static boolean sameApartFromLostCharacters(String given, String decoded) {
        StringBuilder ascii = new StringBuilder();
        decoded.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                ascii.append((char) cp);
            }
        });
        StringBuilder givenAscii = new StringBuilder();
        given.chars().filter(c -> c != REPLACEMENT).forEach(c -> givenAscii.append((char) c));
        return ascii.toString().equals(givenAscii.toString());
    }
}
