package dev.sqlstudy.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values as plain JSON of the domain records — never Java serialisation. Each value is read into
 * the one type its {@link Region} names; there is no polymorphic typing, so bytes in the cache
 * can never pick a class to instantiate. An absent row ({@code Optional.empty()}) is JSON {@code null}.
 */
public final class JsonCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            // Only the record components: ChildWithParent.isOrphan() is derived, not data.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * One reader per region, made once: a hit then skips the mapper's per-call type and root
     * deserializer look-ups (and, for a list, building its collection type). Readers are immutable
     * and thread-safe, and carry the mapper's features above.
     */
    private final Map<Region, ObjectReader> readers = new EnumMap<>(Region.class);

    public JsonCodec() {
        for (Region region : Region.values()) {
            readers.put(region, region.shape() == Region.Shape.LIST
                    ? mapper.readerFor(mapper.getTypeFactory().constructCollectionType(List.class, region.type()))
                    : mapper.readerFor(region.type()));
        }
    }

    public byte[] encode(Region region, Object value) {
        Object json = region.shape() == Region.Shape.OPTIONAL ? ((Optional<?>) value).orElse(null) : value;
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a " + region + " value: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value {@code json} holds, as {@code region}'s type.
     *
     * @throws IllegalArgumentException when the bytes are not exactly such a value
     */
    public Object decode(Region region, byte[] json) {
        return decode(region, json, 0, json == null ? 0 : json.length);
    }

    /**
     * The value the {@code length} bytes of {@code bytes} from {@code offset} hold, as
     * {@code region}'s type: read in place, not copied out first. The slice must be exactly one
     * value — anything after it within the slice is refused, as after a whole array.
     *
     * @throws IllegalArgumentException  when the bytes are not exactly such a value
     * @throws IndexOutOfBoundsException when the slice is not within {@code bytes} (a caller's bug, not a bad value)
     */
    public Object decode(Region region, byte[] bytes, int offset, int length) {
        if (bytes != null) {
            Objects.checkFromIndexSize(offset, length, bytes.length);
        }
        ObjectReader reader = readers.get(region);
        try {
            return switch (region.shape()) {
                case OPTIONAL -> Optional.ofNullable(reader.readValue(bytes, offset, length));
                case LIST -> {
                    List<?> list = reader.readValue(bytes, offset, length);
                    if (list == null) {
                        throw new IllegalArgumentException("a " + region + " value must be a JSON array");
                    }
                    yield List.copyOf(list);
                }
                case SCALAR -> {
                    Object scalar = reader.readValue(bytes, offset, length);
                    if (scalar == null) {
                        throw new IllegalArgumentException("a " + region + " value must not be null");
                    }
                    yield scalar;
                }
            };
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + region + " value: " + e.getMessage(), e);
        }
    }
}
