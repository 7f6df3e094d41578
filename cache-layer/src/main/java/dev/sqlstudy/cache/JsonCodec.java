package dev.sqlstudy.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
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
        try {
            return switch (region.shape()) {
                case OPTIONAL -> Optional.ofNullable(mapper.readValue(json, region.type()));
                case LIST -> {
                    JavaType type = mapper.getTypeFactory().constructCollectionType(List.class, region.type());
                    List<?> list = mapper.readValue(json, type);
                    if (list == null) {
                        throw new IllegalArgumentException("a " + region + " value must be a JSON array");
                    }
                    yield List.copyOf(list);
                }
                case SCALAR -> {
                    Object scalar = mapper.readValue(json, region.type());
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
