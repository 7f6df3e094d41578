package dev.sqlstudy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every memcached key is valid — whatever the input — and distinct inputs keep distinct keys. */
class CacheKeysTest {

    private static final String LONG = "x".repeat(1_000);

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ubuntu", "2001:db8::1", "a b", "tab\there", "new\nline", "Ünïcødé 👪 家族", "", "#abc", "x"})
    void memcachedKey_fromAnyInput_isValid(String input) {
        String key = CacheKeys.memcached("sqlstudy", Region.PARENT.key(input));
        assertThat(key).startsWith("sqlstudy:v1:families:parent:").matches("[!-~]{1,250}");
        assertThat(CacheKeys.isValid(key)).isTrue();
    }

    @Test
    void memcachedKey_fromAThousandCharacters_isHashedUnder250Bytes() {
        String key = CacheKeys.memcached("sqlstudy", Region.HOST_PAGE.key(LONG));
        assertThat(key.length()).isLessThanOrEqualTo(CacheKeys.MAX_KEY_BYTES);
        assertThat(CacheKeys.isValid(key)).isTrue();
    }

    @Test
    void memcachedKey_prefixWithSpacesAndUnicode_isHashedToo() {
        String key = CacheKeys.memcached("my app 🚀", Region.HOST_BY_ID.key(1));
        assertThat(CacheKeys.isValid(key)).isTrue();
        assertThat(key).startsWith("#").endsWith(":v1:hosts:id:1");
    }

    @Test
    void memcachedKey_plainAsciiInput_staysReadable() {
        assertThat(CacheKeys.memcached("sqlstudy", Region.HOST_BY_HOSTNAME.key("ubuntu2")))
                .isEqualTo("sqlstudy:v1:host-index:hostname:ubuntu2");
    }

    @Test
    void memcachedKey_distinctInputs_giveDistinctKeys() {
        List<String> inputs = List.of("a b", "a\tb", "a_b", LONG, LONG + "y", "家族", "#" , "Ünïcødé", "ünïcødé");
        Set<String> keys = inputs.stream().map(i -> CacheKeys.memcached("p", Region.CHILD.key(i))).collect(Collectors.toSet());
        assertThat(keys).hasSameSizeAs(inputs).allMatch(CacheKeys::isValid);
    }

    @Test
    void isValid_rejectsWhatMemcachedRejects() {
        assertThat(CacheKeys.isValid("has space")).isFalse();
        assertThat(CacheKeys.isValid("ctl\u0001")).isFalse();
        assertThat(CacheKeys.isValid("é")).isFalse();
        assertThat(CacheKeys.isValid("k".repeat(251))).isFalse();
        assertThat(CacheKeys.isValid("")).isFalse();
    }

    @Test
    void keyOfAnInt_equalsTheKeyOfItsText_andIsReusedWhileItsSlotHoldsIt() {
        CacheKey first = Region.HOST_BY_ID.key(42);

        assertThat(first).isEqualTo(Region.HOST_BY_ID.key((Object) 42)).hasToString("hosts:id:42");
        assertThat(Region.HOST_BY_ID.key(42)).as("a recent id's key: no allocation").isSameAs(first);
        assertThat(Region.PARENT.key(42)).as("regions keep their own keys").isNotEqualTo(first);
    }

    @Test
    void keyOfAnInt_whoseSlotAnotherIdTook_isANewEqualKey() {
        CacheKey first = Region.HOST_BY_ID.key(7);
        CacheKey sharingTheSlot = Region.HOST_BY_ID.key(7 + Region.RECENT_ID_KEYS);

        assertThat(sharingTheSlot.id()).isEqualTo(String.valueOf(7 + Region.RECENT_ID_KEYS));
        assertThat(Region.HOST_BY_ID.key(7)).isEqualTo(first).isNotSameAs(first);
        assertThat(Region.HOST_BY_ID.key(-7)).isEqualTo(Region.HOST_BY_ID.key((Object) (-7)));
    }
}
