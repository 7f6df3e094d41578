package dev.sqlstudy.bench;

import java.util.Locale;

/** Numbers as people read them: times from nanoseconds, ratios, rates. */
final class Units {

    private Units() {
    }

    /** {@code 87 ns}, {@code 14.2 µs}, {@code 3.41 ms}, {@code 1.20 s}. */
    static String time(double ns) {
        if (Double.isNaN(ns)) {
            return "n/a";
        }
        double abs = Math.abs(ns);
        if (abs < 1_000) {
            return num(ns) + " ns";
        }
        if (abs < 1_000_000) {
            return num(ns / 1_000) + " µs";
        }
        if (abs < 1_000_000_000) {
            return num(ns / 1_000_000) + " ms";
        }
        return num(ns / 1_000_000_000) + " s";
    }

    /** Three significant digits. */
    static String num(double v) {
        double abs = Math.abs(v);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double r) {
        if (r < 0.01) {
            return String.format(Locale.ROOT, "%.4f×", r);
        }
        if (r >= 100) {
            return String.format(Locale.ROOT, "%,.0f×", r);
        }
        return String.format(Locale.ROOT, r >= 10 ? "%.1f×" : "%.2f×", r);
    }

    static String rate(double opsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", opsPerSecond);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    static String perOp(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
