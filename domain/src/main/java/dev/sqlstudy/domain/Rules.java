package dev.sqlstudy.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The input rules of the study, applied once, in the domain, so that no implementation can drift.
 * Every method returns the value in the form it is stored in, or throws
 * {@link InvalidInputException} naming the field.
 */
public final class Rules {

    /** The schema's {@code hostname varchar(64)}. */
    public static final int HOSTNAME_MAX_LENGTH = 64;
    /** RFC 1123 §2.1 / RFC 1035 §2.3.4: a label has 1 to 63 characters. */
    public static final int LABEL_MAX_LENGTH = 63;
    /** Parent and child names: {@code varchar(64)}, counted in Unicode code points. */
    public static final int NAME_MAX_CODE_POINTS = 64;
    public static final int PORT_MIN = 1;
    public static final int PORT_MAX = 65_535;
    /** The tutorial's {@code Column(Integer, default=22)}. */
    public static final int DEFAULT_PORT = 22;

    private Rules() {
    }

    /**
     * An RFC 1123 host name: dot-separated labels of ASCII letters, digits and hyphens, no label
     * starting or ending with a hyphen, at most 64 characters in all. Stored lower-case, so that
     * {@code LocalHost} and {@code localhost} are the same host.
     */
    public static String hostname(String value) {
        String field = "hostname";
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (value.length() > HOSTNAME_MAX_LENGTH) {
            throw new InvalidInputException(field, "must have at most " + HOSTNAME_MAX_LENGTH
                    + " characters, has " + value.length());
        }
        int labelStart = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '.') {
                checkLabel(value, labelStart, i);
                labelStart = i + 1;
                continue;
            }
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!allowed) {
                throw new InvalidInputException(field, Messages.quote(value)
                        + " may hold only letters, digits, hyphens and dots (found " + Messages.quote(String.valueOf(c)) + ")");
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * The names of a {@code hostname in (...)} look-up: each one checked and lower-cased as
     * {@link #hostname(String)} does, then de-duplicated, in the order of their first occurrence
     * ({@code [Ubuntu, localhost, UBUNTU]} gives {@code [ubuntu, localhost]}). An empty collection
     * gives an empty list, which callers answer without a statement. The first invalid name (a
     * {@code null} one included) fails the whole list, before any SQL.
     *
     * @return an unmodifiable list with no repeated name
     */
    public static List<String> hostnames(Collection<String> values) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            names.add(hostname(value));
        }
        return List.copyOf(names);
    }

    private static void checkLabel(String value, int start, int end) {
        String field = "hostname";
        if (start == end) {
            throw new InvalidInputException(field, Messages.quote(value) + " has an empty label (leading, trailing or double dot)");
        }
        if (end - start > LABEL_MAX_LENGTH) {
            throw new InvalidInputException(field, Messages.quote(value) + " has a label longer than " + LABEL_MAX_LENGTH + " characters");
        }
        if (value.charAt(start) == '-' || value.charAt(end - 1) == '-') {
            throw new InvalidInputException(field, Messages.quote(value) + " has a label that starts or ends with a hyphen");
        }
    }

    /**
     * An IPv4 or IPv6 literal, returned in canonical form (IPv4 dotted decimal; IPv6 per RFC 5952).
     * Parsed by hand: {@code InetAddress.getByName} would look a name up in DNS.
     */
    public static String ipAddr(String value) {
        return IpLiterals.canonical("ip_addr", value);
    }

    /** A TCP port, 1 to 65535. */
    public static int port(int value) {
        if (value < PORT_MIN || value > PORT_MAX) {
            throw new InvalidInputException("port", "must be between " + PORT_MIN + " and " + PORT_MAX + ", was " + value);
        }
        return value;
    }

    /**
     * A parent or child name: 1 to 64 Unicode code points, no control characters, no broken
     * surrogate pairs; returned exactly as given (emoji, quotes and spaces included).
     */
    public static String name(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        int codePoints = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isSurrogate((char) cp)) {
                throw new InvalidInputException(field, "is not valid Unicode (a lone surrogate at index " + i + ")");
            }
            if (Character.getType(cp) == Character.CONTROL) {
                throw new InvalidInputException(field, "must not contain control characters (found U+"
                        + String.format("%04X", cp) + ")");
            }
            codePoints++;
            i += Character.charCount(cp);
        }
        if (codePoints > NAME_MAX_CODE_POINTS) {
            throw new InvalidInputException(field, "must have at most " + NAME_MAX_CODE_POINTS
                    + " characters, has " + codePoints);
        }
        return value;
    }

    /** An id given by the user: ids start at 1. */
    public static int id(String field, int value) {
        if (value < 1) {
            throw new InvalidInputException(field, "must be a positive id, was " + value);
        }
        return value;
    }
}
