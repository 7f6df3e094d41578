package dev.sqlstudy.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.Host;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec reads exactly one value of a region's type — from a whole array or from a slice of a
 * larger one (a remote item after its header) — and refuses anything else with the same rules.
 */
class JsonCodecTest {

    private static final Host HOST = new Host(1, "localhost", "127.0.0.1", 22);
    private static final String HOST_JSON = "{\"id\":1,\"hostname\":\"localhost\",\"ipAddr\":\"127.0.0.1\",\"port\":22}";

    private final JsonCodec codec = new JsonCodec();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code json} between a header and a trailer that are not JSON, and the decode of just the JSON. */
    private Object decodeInside(Region region, String json) {
        byte[] item = utf8("SQS1\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0007" + json + "}}garbage");
        return codec.decode(region, item, 12, utf8(json).length);
    }

    @Test
    void decode_slice_readsOnlyTheSliceBetweenOtherBytes() {
        assertThat(decodeInside(Region.HOST_BY_ID, HOST_JSON)).isEqualTo(Optional.of(HOST));
    }

    @Test
    void decode_wholeArray_isTheSliceOfTheWholeArray() {
        byte[] json = utf8(HOST_JSON);

        assertThat(codec.decode(Region.HOST_BY_ID, json)).isEqualTo(Optional.of(HOST))
                .isEqualTo(codec.decode(Region.HOST_BY_ID, json, 0, json.length));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" 5", "{}", "[]", "null", "x", "\"tail\""})
    void decode_sliceWithTrailingTokens_isRefused(String trailing) {
        assertThatThrownBy(() -> decodeInside(Region.HOST_BY_ID, HOST_JSON + trailing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a id value: ");
    }

    @Test
    void decode_sliceWithTrailingWhitespace_isAccepted() {
        assertThat(decodeInside(Region.HOST_BY_ID, HOST_JSON + " \n")).isEqualTo(Optional.of(HOST));
    }

    @Test
    void decode_sliceCuttingTheValueShort_isRefused() {
        assertThatThrownBy(() -> decodeInside(Region.HOST_BY_ID, HOST_JSON.substring(0, HOST_JSON.length() - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a id value: ");
    }

    @Test
    void decode_unknownProperty_isRefused() {
        assertThatThrownBy(() -> decodeInside(Region.HOST_BY_ID, HOST_JSON.replace("}", ",\"extra\":1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a id value: ")
                .hasMessageContaining("extra");
    }

    @Test
    void decode_nullForAPrimitive_isRefused() {
        assertThatThrownBy(() -> decodeInside(Region.HOST_BY_ID, HOST_JSON.replace("\"port\":22", "\"port\":null")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a id value: ");
    }

    @Test
    void decode_emptySlice_isRefused() {
        assertThatThrownBy(() -> codec.decode(Region.HOST_BY_ID, utf8(HOST_JSON), 5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a id value: ");
    }

    @Test
    void decode_sliceOutsideTheArray_isTheCallersBug() {
        byte[] json = utf8(HOST_JSON);

        assertThatThrownBy(() -> codec.decode(Region.HOST_BY_ID, json, 1, json.length))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void decode_optionalNull_isEmpty() {
        assertThat(decodeInside(Region.HOST_BY_ID, "null")).isEqualTo(Optional.empty());
    }

    @Test
    void decode_list_isAnUnmodifiableListOfTheRegionsType() {
        Object page = decodeInside(Region.HOST_PAGE, "[" + HOST_JSON + "," + HOST_JSON + "]");

        assertThat(page).isEqualTo(List.of(HOST, HOST));
        assertThatThrownBy(() -> ((List<?>) page).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(decodeInside(Region.HOSTNAMES, "[\"a\",\"b\"]")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void decode_listNull_isRefused() {
        assertThatThrownBy(() -> decodeInside(Region.HOST_PAGE, "null"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a page value: a page value must be a JSON array");
    }

    @Test
    void decode_listHoldingNull_isRefused() {
        assertThatThrownBy(() -> decodeInside(Region.HOST_PAGE, "[null]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a page value: ");
    }

    @Test
    void decode_scalar_readsTheNumber() {
        assertThat(decodeInside(Region.HOST_COUNT, "42")).isEqualTo(42L);
    }

    @Test
    void decode_scalarNull_isRefused() {
        assertThatThrownBy(() -> decodeInside(Region.HOST_COUNT, "null"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a count value: a count value must not be null");
    }

    @Test
    void decode_otherRegionsType_isRefused() {
        assertThatThrownBy(() -> decodeInside(Region.HOST_COUNT, HOST_JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a count value: ");
    }

    @Test
    void decode_null_isRefusedAsNotAValue() {
        assertThatThrownBy(() -> codec.decode(Region.HOST_BY_ID, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a id value: ");
    }

    @Test
    void encodeThenDecode_everyShape_givesTheValueBack() {
        ChildWithParent orphan = new ChildWithParent(7, "Oliver", null);
        byte[] child = codec.encode(Region.CHILD, Optional.of(orphan));

        assertThat(new String(child, StandardCharsets.UTF_8)).as("isOrphan() is derived, not data").doesNotContain("orphan");
        assertThat(codec.decode(Region.CHILD, child)).isEqualTo(Optional.of(orphan));
        assertThat(codec.decode(Region.HOST_PAGE, codec.encode(Region.HOST_PAGE, List.of(HOST)))).isEqualTo(List.of(HOST));
        assertThat(codec.decode(Region.HOST_COUNT, codec.encode(Region.HOST_COUNT, 3L))).isEqualTo(3L);
        assertThat(codec.decode(Region.HOST_BY_ID, codec.encode(Region.HOST_BY_ID, Optional.empty()))).isEqualTo(Optional.empty());
    }
}
