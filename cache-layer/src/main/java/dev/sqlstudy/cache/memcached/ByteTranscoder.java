package dev.sqlstudy.cache.memcached;

import net.spy.memcached.CachedData;
import net.spy.memcached.transcoders.Transcoder;

/**
 * Bytes in, bytes out, under our own flags — instead of spymemcached's default transcoder, which
 * would Java-deserialise whatever carries its "serialised" flag. An item with other flags (written
 * by someone else) decodes to {@link #FOREIGN} and is never interpreted. Public so that a raw
 * client with the backend's own settings ({@link MemcachedBackend#clientSettings}) reads and writes
 * values the way the backend does.
 */
public final class ByteTranscoder implements Transcoder<byte[]> {

    /** "SQ" and format 1: marks an item this cache wrote. */
    public static final int FLAGS = 0x5351_0001;
    /** Returned for an item whose flags are not ours; compared by identity. */
    public static final byte[] FOREIGN = new byte[0];

    @Override
    public boolean asyncDecode(CachedData data) {
        return false;
    }

    @Override
    public CachedData encode(byte[] value) {
        return new CachedData(FLAGS, value, getMaxSize());
    }

    @Override
    public byte[] decode(CachedData data) {
        return data.getFlags() == FLAGS ? data.getData() : FOREIGN;
    }

    @Override
    public int getMaxSize() {
        return CachedData.MAX_SIZE;
    }
}
