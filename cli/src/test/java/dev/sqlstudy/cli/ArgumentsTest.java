package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Under {@code LANG=C} the JVM turns every non-ASCII byte of an argument into U+FFFD; {@code Main}
 * reads the arguments again, as UTF-8, from the process's raw command line.
 */
class ArgumentsTest {

    private static final String LOST = "\uFFFD";

    /** The NUL-separated command line of {@code java -jar study.jar args…}. */
    private static byte[] cmdline(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[] {"java", "-XX:+UseSerialGC", "-jar", "/x/sqlstudy-cli.jar"}) {
            out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        for (String arg : args) {
            out.writeBytes(arg.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    @Test
    void main_argumentsMangledByAPosixLocale_areReadAgainAsUtf8() {
        String[] mangled = {"--format", "json", "family", "add", "O'Brien " + LOST.repeat(4), "Zo" + LOST.repeat(2)};
        String[] recovered = Arguments.recoverUtf8(mangled,
                cmdline("--format", "json", "family", "add", "O'Brien 😀", "Zoë"));
        assertThat(recovered).containsExactly("--format", "json", "family", "add", "O'Brien 😀", "Zoë");
        assertThat(Arguments.lostCharacters(mangled)).isTrue();
    }

    @Test
    void main_argumentsDecodedWell_areLeftAsTheyAre() {
        String[] args = {"family", "add", "Zoë"};
        assertThat(Arguments.lostCharacters(args)).isFalse();
        assertThat(Arguments.asTyped(args)).isSameAs(args);
    }

    @Test
    void main_rawCommandLineThatDoesNotLineUp_leavesTheArgumentsAsTheyAre() {
        String[] mangled = {"family", "add", "Zo" + LOST};
        // Other ASCII around the lost character: not this argument.
        assertThat(Arguments.recoverUtf8(mangled, cmdline("family", "add", "Ann ë"))).isSameAs(mangled);
        // Not UTF-8 (a Latin-1 byte): the locale's decoding stands.
        byte[] latin1 = {'f', 'a', 'm', 'i', 'l', 'y', 0, 'a', 'd', 'd', 0, 'Z', 'o', (byte) 0xEB, 0};
        assertThat(Arguments.recoverUtf8(mangled, latin1)).isSameAs(mangled);
        // Fewer entries than arguments.
        assertThat(Arguments.recoverUtf8(mangled, new byte[0])).isSameAs(mangled);
    }
}
