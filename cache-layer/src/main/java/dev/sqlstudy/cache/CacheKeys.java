package dev.sqlstudy.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Turns logical keys into memcached keys that are always valid: prefixed, versioned, at most
 * 250 bytes, printable ASCII without spaces or control characters. A part that would break any
 * of these (a long, Unicode or spaced input) is replaced by {@code #} and the URL-safe Base64 of
 * its SHA-256, so distinct inputs stay distinct and a key never fails in the protocol.
 */
public final class CacheKeys {

    /** memcached's limit on a key's length, in bytes. */
    public static final int MAX_KEY_BYTES = 250;
    /** Bumped when the format of keys or values changes, so old entries are never read. */
    public static final String FORMAT_VERSION = "v1";
    /** The longest part kept as it is; longer ones are hashed (a hash is 44 characters). */
    static final int MAX_PART_LENGTH = 64;

    private CacheKeys() {
    }

    /** {@code prefix:v1:namespace:region:id}, each part made safe. */
    public static String memcached(String prefix, CacheKey key) {
        return join(prefix, key.namespace().toString(), key.region().toString(), key.id());
    }

    /** The generation counter of {@code namespace} on one memcached node ({@code slot} picks the node). */
    public static String generation(String prefix, Namespace namespace, int slot) {
        return join(prefix, namespace.toString(), "gen", Integer.toString(slot));
    }

    /**
     * Redis: {@code prefix:v1:{namespace:tag}:region:id}. The braces are a Redis Cluster hash tag:
     * only {@code namespace:tag} picks the slot, so a value and the generation counter that
     * validates it ({@link #redisGeneration}, same tag) always live in one slot and are read by one
     * {@code MGET}. The prefix is made brace-free so that ours is the first tag in the key.
     */
    public static String redis(String prefix, CacheKey key, int tag) {
        return join(redisPrefix(prefix), "{" + key.namespace() + ":" + tag + "}", key.region().toString(), key.id());
    }

    /** The generation counter of {@code namespace} for the keys of one hash {@code tag}. */
    public static String redisGeneration(String prefix, Namespace namespace, int tag) {
        return join(redisPrefix(prefix), "{" + namespace + ":" + tag + "}", "gen", "0");
    }

    private static String redisPrefix(String prefix) {
        String safe = safe(prefix);
        return safe.indexOf('{') < 0 && safe.indexOf('}') < 0 ? safe : "#" + sha256(prefix);
    }

    private static String join(String prefix, String namespace, String region, String id) {
        String key = safe(prefix) + ":" + FORMAT_VERSION + ":" + namespace + ":" + region + ":" + safe(id);
        // Every part is at most 64 characters, so this holds by construction; keep it checked.
        if (key.length() > MAX_KEY_BYTES) {
            throw new IllegalStateException("cache key longer than " + MAX_KEY_BYTES + " bytes: " + key);
        }
        return key;
    }

    /** True when memcached accepts {@code key}: 1 to 250 bytes of printable ASCII, no space. */
    public static boolean isValid(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_KEY_BYTES) {
            return false;
        }
        for (byte b : bytes) {
            if (b <= 0x20 || b >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    static String safe(String part) {
        boolean plain = !part.isEmpty() && part.length() <= MAX_PART_LENGTH && !part.startsWith("#");
        for (int i = 0; plain && i < part.length(); i++) {
            char c = part.charAt(i);
            plain = c > 0x20 && c < 0x7f;
        }
        return plain ? part : "#" + sha256(part);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
