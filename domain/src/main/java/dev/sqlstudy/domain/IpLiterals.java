package dev.sqlstudy.domain;

/**
 * IPv4 and IPv6 literal parsing and RFC 5952 canonical text. No look-up of any kind: a string that
 * is not a literal is rejected, never resolved.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    static String canonical(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        if (value.length() > 64) {
            throw new InvalidInputException(field, Messages.quote(value) + " is not an IPv4 or IPv6 address");
        }
        if (value.indexOf(':') >= 0) {
            int[] groups = parseIpv6(value);
            if (groups == null) {
                throw new InvalidInputException(field, Messages.quote(value) + " is not an IPv6 address");
            }
            return formatIpv6(groups);
        }
        int[] octets = parseIpv4(value);
        if (octets == null) {
            throw new InvalidInputException(field, Messages.quote(value)
                    + " is not an IPv4 address (four numbers 0-255, no leading zeros) or an IPv6 address");
        }
        return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
    }

    /** Four decimal octets 0-255; a leading zero is refused because tools disagree on octal. */
    private static int[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            for (int k = 0; k < p.length(); k++) {
                if (p.charAt(k) < '0' || p.charAt(k) > '9') {
                    return null;
                }
            }
            octets[i] = Integer.parseInt(p);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }

    /** Eight 16-bit groups, at most one {@code ::}, an optional dotted IPv4 tail; no zone id. */
    private static int[] parseIpv6(String s) {
        int[] groups = new int[8];
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        // A dotted IPv4 tail may only end the address: in the head only when there is no "::".
        int[] headGroups = parseGroups(head, doubleColon < 0);
        if (headGroups == null) {
            return null;
        }
        int[] tailGroups = doubleColon >= 0 ? parseGroups(tail, true) : new int[0];
        if (tailGroups == null) {
            return null;
        }
        if (doubleColon < 0) {
            if (headGroups.length != 8) {
                return null;
            }
            return headGroups;
        }
        // "::" stands for at least one group of zeros.
        if (headGroups.length + tailGroups.length > 7) {
            return null;
        }
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        return groups;
    }

    /** Colon-separated hex groups; when {@code ipv4TailAllowed} the last part may be dotted IPv4. */
    private static int[] parseGroups(String s, boolean ipv4TailAllowed) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int count = parts.length;
        String last = parts[count - 1];
        boolean ipv4Tail = last.indexOf('.') >= 0;
        int[] out = new int[count + (ipv4Tail ? 1 : 0)];
        for (int i = 0; i < count; i++) {
            String p = parts[i];
            if (i == count - 1 && ipv4Tail) {
                if (!ipv4TailAllowed) {
                    return null;
                }
                int[] v4 = parseIpv4(p);
                if (v4 == null) {
                    return null;
                }
                out[i] = (v4[0] << 8) | v4[1];
                out[i + 1] = (v4[2] << 8) | v4[3];
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (first on a tie) of 2+ zero groups as {@code ::}. */
    private static String formatIpv6(int[] g) {
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            // RFC 5952 §5: IPv4-mapped addresses keep their dotted tail.
            return "::ffff:" + (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
