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
            return new Read(codec.decode(region, Arrays.copyOfRange(item, HEADER, item.length)), null);
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

    /** A generation counter's value, or null when {@code counter} is missing or not a number. */
    public static Long generation(byte[] counter) {
        if (counter == null) {
            return null;
        }
        try {
            // memcached's incr pads a shorter number with spaces.
            return Long.parseLong(new String(counter, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            return null;
        }
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
