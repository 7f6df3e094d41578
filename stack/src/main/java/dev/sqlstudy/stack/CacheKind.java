package dev.sqlstudy.stack;

import java.util.Arrays;
import java.util.Locale;

/** The {@code --cache} choice: no cache, Caffeine in-process, or memcached through spymemcached. */
public enum CacheKind {
    NONE("none"),
    CAFFEINE("caffeine"),
    MEMCACHED("memcached");

    private final String label;

    CacheKind(String label) {
        this.label = label;
    }

    public static CacheKind parse(String name) {
        for (CacheKind kind : values()) {
            if (kind.label.equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown cache '" + name + "' (one of "
                + String.join(", ", Arrays.stream(values()).map(CacheKind::toString).toList()) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
