package dev.sqlstudy.cli;

import dev.sqlstudy.domain.InvalidInputException;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code hostname,ip_addr[,port]} lines for {@code hosts import}. A first line starting with
 * {@code hostname} is a header; blank lines are skipped; fields may be surrounded by spaces or
 * double quotes. Every line is validated before anything is written, and the first bad one is
 * reported with its line number and field.
 */
final class HostsCsv {

    /** One parsed line, with where it came from. */
    record Line(int number, NewHost host) {
    }

    private HostsCsv() {
    }

    static List<Line> parse(String source, String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < raw.length; i++) {
            int number = i + 1;
            String line = raw[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (lines.isEmpty() && i == firstNonBlank(raw) && unquote(fields[0]).toLowerCase(Locale.ROOT).equals("hostname")) {
                continue;
            }
            if (fields.length < 2 || fields.length > 3) {
                throw new InvalidInputException("line", source + " line " + number
                        + ": expected hostname,ip_addr[,port], found " + fields.length
                        + (fields.length == 1 ? " field" : " fields"));
            }
            lines.add(new Line(number, host(source, number, fields)));
        }
        return lines;
    }

    private static NewHost host(String source, int number, String[] fields) {
        String hostname = unquote(fields[0]);
        String ip = unquote(fields[1]);
        int port = Rules.DEFAULT_PORT;
        if (fields.length == 3 && !unquote(fields[2]).isEmpty()) {
            String text = unquote(fields[2]);
            try {
                port = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("port", source + " line " + number + ": '" + text + "' is not a number");
            }
        }
        try {
            return new NewHost(hostname, ip, port);
        } catch (InvalidInputException e) {
            String problem = e.getMessage().substring(("invalid " + e.field() + ": ").length());
            throw new InvalidInputException(e.field(), source + " line " + number + ": " + problem);
        }
    }

    private static int firstNonBlank(String[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (!raw[i].replace("\uFEFF", "").isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String field) {
        String value = field.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\"\"", "\"").strip();
        }
        return value;
    }
}
