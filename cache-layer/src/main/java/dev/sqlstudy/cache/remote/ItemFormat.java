package dev.sqlstudy.cache.remote;

import dev.sqlstudy.cache.JsonCodec;
import dev.sqlstudy.cache.Region;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * The bytes a remote cache stores under our keys, and how anything else found there is told apart.
 * <ul>
 *   <li>a <b>value</b>: {@code SQS1}, the namespace generation it was filled under (8 bytes, big
 *       endian), then the JSON of one domain record ({@link JsonCodec});</li>
 *   <li>a <b>lease</b>: {@code SQSL} and 16 random bytes — the token a reader stores before its
 *       database read and must still find there when it fills;</li>
 *   <li>a <b>generation counter</b>: a decimal number in ASCII (what memcached's {@code incr} and
 *       Redis's {@code INCR} both keep);</li>
 *   <li>anything else is <b>foreign</b> (planted, or written by another program): it is reported,
 *       never decoded. The JSON is read into the one type the key's region names, so even a
 *       well-formed planted value can never pick a class to instantiate.</li>
 * </ul>
 */
public final class ItemFormat {

    private static final byte[] VALUE_MAGIC = {'S', 'Q', 'S', '1'};
    private static final byte[] LEASE_MAGIC = {'S', 'Q', 'S', 'L'};
    private static final int HEADER = VALUE_MAGIC.length + Long.BYTES;
    private static final int NONCE = 16;

    /**
     * What an item read under a key holds for the reader.
     *
     * @param value   the decoded value, or null
     * @param foreign why the item is not ours, or null when it is (a miss is both null)
     */
    public record Read(Object value, String foreign) {
        static final Read MISS = new Read(null, null);

        public boolean isHit() {
            return value != null;
        }

        public boolean isForeign() {
            return foreign != null;
        }
    }

    private final JsonCodec codec;

    public ItemFormat(JsonCodec codec) {
        this.codec = codec;
    }

    /** A fresh lease token: {@code SQSL} and 16 bytes of {@code random}. */
    public byte[] newLease(Random random) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] token = new byte[LEASE_MAGIC.length + NONCE];
        System.arraycopy(LEASE_MAGIC, 0, token, 0, LEASE_MAGIC.length);
        System.arraycopy(nonce, 0, token, LEASE_MAGIC.length, NONCE);
        return token;
    }

    /** The item holding {@code value} of {@code region}, tagged with {@code generation}. */
    public byte[] value(Region region, long generation, Object value) {
        byte[] json = codec.encode(region, value);
        return ByteBuffer.allocate(HEADER + json.length).put(VALUE_MAGIC).putLong(generation).put(json).array();
    }

    /**
     * What {@code item} (null: nothing stored) holds for a reader who sees the namespace at
     * {@code generation} (null: unknown): a hit, a miss (nothing, a lease, an older generation) or
     * a foreign item. The JSON is decoded only for a current value of ours.
     */
    public Read read(Region region, byte[] item, Long generation) {
        if (item == null || isLease(item)) {
            return Read.MISS;
        }
        if (!startsWith(item, VALUE_MAGIC) || item.length < HEADER) {
            return new Read(null, "not written by this cache");
        }
        if (generation == null || generationOf(item) != generation.longValue()) {
            return Read.MISS;
        }
        try {
            // The JSON is read where it lies, after the header: no copy of it per hit.
            return new Read(codec.decode(region, item, HEADER, item.length - HEADER), null);
        } catch (IllegalArgumentException e) {
            return new Read(null, e.getMessage());
        }
    }

    public boolean isLease(byte[] item) {
        return startsWith(item, LEASE_MAGIC);
    }

    /**
     * Must a reader leave {@code item} alone? Yes for another reader's lease and for a value of the
     * current {@code generation}; a stale value or a foreign item may be replaced by a lease.
     */
    public boolean isLeaseOrCurrent(byte[] item, Long generation) {
        boolean current = startsWith(item, VALUE_MAGIC) && item.length >= HEADER
                && generation != null && generationOf(item) == generation;
        return isLease(item) || current;
    }

    /**
     * A generation counter's value, or null when {@code counter} is missing or not a number.
     * Exactly {@code Long.parseLong(new String(counter, US_ASCII).strip())} (null where that throws),
     * read from the bytes without making the two strings — a counter is parsed on every hit.
     */
    public static Long generation(byte[] counter) {
        if (counter == null) {
            return null;
        }
        // memcached's incr pads a shorter number with spaces.
        int start = 0;
        int end = counter.length;
        while (start < end && isStripped(counter[start])) {
            start++;
        }
        while (end > start && isStripped(counter[end - 1])) {
            end--;
        }
        if (start == end) {
            return null;
        }
        // Long.parseLong's way: accumulate negatively, so Long.MIN_VALUE fits and overflow is caught.
        boolean negative = counter[start] == '-';
        if (negative || counter[start] == '+') {
            start++;
            if (start == end) {
                return null;
            }
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyMin = limit / 10;
        long result = 0;
        for (int i = start; i < end; i++) {
            int digit = counter[i] - '0';
            if (digit < 0 || digit > 9 || result < multiplyMin) {
                return null;
            }
            result *= 10;
            if (result < limit + digit) {
                return null;
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    /**
     * What {@link String#strip()} removes, for a byte read as US-ASCII: {@link Character#isWhitespace}
     * holds for 0x09–0x0D (tab to carriage return), 0x1C–0x1F and the space. A byte over 0x7F decodes
     * to U+FFFD, which is not whitespace (and is negative here, so never matches).
     */
    private static boolean isStripped(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F);
    }

    /** The counter bytes of {@code generation}. */
    public static byte[] counter(long generation) {
        return Long.toString(generation).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Where a missing counter (never used, or evicted) starts: a random non-negative value, so values
     * tagged with a generation of the lost counter never match again.
     */
    public static long startingGeneration(Random random) {
        return random.nextLong() & 0x3fff_ffff_ffff_ffffL;
    }

    private static long generationOf(byte[] item) {
        return ByteBuffer.wrap(item, VALUE_MAGIC.length, Long.BYTES).getLong();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
