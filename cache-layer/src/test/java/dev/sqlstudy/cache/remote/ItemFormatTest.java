package dev.sqlstudy.cache.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.JsonCodec;
import dev.sqlstudy.cache.Region;
import dev.sqlstudy.domain.Host;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The item format without any server: values read in place after their header, counters parsed from bytes. */
class ItemFormatTest {

    private static final Host HOST = new Host(1, "localhost", "127.0.0.1", 22);

    private final ItemFormat format = new ItemFormat(new JsonCodec());

    /** What {@link ItemFormat#generation} must equal: the parse it replaced. */
    private static Long reference(byte[] counter) {
        if (counter == null) {
            return null;
        }
        try {
            return Long.parseLong(new String(counter, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Counter texts, made bytes by ISO-8859-1: each char the one byte of the same value. */
    static Stream<String> counters() {
        return Stream.of(
                "1", "0", "42", "  42  ", "42 ", " 42", "00", "007", "+7", "-7", "+0", "-0", "", " ", "  ", "+", "-",
                "+-7", "-+7", "--7", "++7", "12a", "a12", "1 2", "1\t2", "1.0", "1e3", "0x1f", "١٢", "\u00ff", "5\u00ff",
                "\u00a05", "5\u0085", "\t5\n", "\r\n5\r\n", "\u000b5\f", "\u001c5\u001f", "\u001b5", "\u00005", "5\u0000",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "+9223372036854775807", "92233720368547758070", "18446744073709551616", "99999999999999999999",
                "0000000000000000000000000009223372036854775807", "-0000000000000000000000000009223372036854775808",
                "1234567890123456789", "  9223372036854775807                   ", "- 5", "+ 5", "5-", "5+");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("counters")
    void generation_anyCounter_isWhatLongParseLongOfTheStrippedStringGives(String text) {
        byte[] counter = text.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ItemFormat.generation(counter)).as(HexFormat.of().formatHex(counter)).isEqualTo(reference(counter));
    }

    @Test
    void generation_everyByteAloneAndAroundANumber_isWhatLongParseLongOfTheStrippedStringGives() {
        for (int b = 0; b < 256; b++) {
            char c = (char) b;
            for (String text : new String[] {String.valueOf(c), c + "5", "5" + c, c + "5" + c, "-" + c + "5", c + "-5"}) {
                byte[] counter = text.getBytes(StandardCharsets.ISO_8859_1);
                assertThat(ItemFormat.generation(counter)).as(HexFormat.of().formatHex(counter)).isEqualTo(reference(counter));
            }
        }
    }

    @Test
    void generation_randomCounters_matchLongParseLongOfTheStrippedString() {
        byte[] alphabet = " \t\n\r\u000b\f\u001c\u001f+-0123456789a.\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] high = {(byte) 0x80, (byte) 0xa0, (byte) 0xff};
        Random random = new Random(20_241_202L);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] counter = new byte[random.nextInt(24)];
            for (int j = 0; j < counter.length; j++) {
                int pick = random.nextInt(alphabet.length * 4 + 1);
                // Mostly digits and padding, now and then a byte over 0x7F.
                counter[j] = pick == 0 ? high[random.nextInt(high.length)]
                        : pick <= alphabet.length ? alphabet[pick - 1] : (byte) ('0' + random.nextInt(10));
            }
            if (!Objects.equals(ItemFormat.generation(counter), reference(counter))) {
                mismatches.add(HexFormat.of().formatHex(counter));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void generation_null_isNull() {
        assertThat(ItemFormat.generation(null)).isNull();
    }

    @Test
    void generation_memcachedPaddedCounter_isTheNumber() {
        assertThat(ItemFormat.generation("17                  ".getBytes(StandardCharsets.US_ASCII))).isEqualTo(17L);
    }

    @Test
    void generation_ofCounter_roundTrips() {
        for (long generation : new long[] {0, 1, -1, 4_611_686_018_427_387_903L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(ItemFormat.generation(ItemFormat.counter(generation))).isEqualTo(generation);
        }
    }

    @Test
    void read_currentValue_decodesTheJsonAfterTheHeader() {
        byte[] item = format.value(Region.HOST_BY_ID, 7L, Optional.of(HOST));

        ItemFormat.Read read = format.read(Region.HOST_BY_ID, item, 7L);

        assertThat(read.isHit()).isTrue();
        assertThat(read.value()).isEqualTo(Optional.of(HOST));
        assertThat(read.isForeign()).isFalse();
    }

    @Test
    void read_olderGenerationOrUnknownGeneration_isAMiss() {
        byte[] item = format.value(Region.HOST_BY_ID, 7L, Optional.of(HOST));

        assertThat(format.read(Region.HOST_BY_ID, item, 8L)).isEqualTo(ItemFormat.Read.MISS);
        assertThat(format.read(Region.HOST_BY_ID, item, null)).isEqualTo(ItemFormat.Read.MISS);
    }

    @Test
    void read_valueWithTrailingBytes_isForeign() {
        byte[] value = format.value(Region.HOST_BY_ID, 7L, Optional.of(HOST));
        byte[] item = Arrays.copyOf(value, value.length + 2);
        item[value.length] = ' ';
        item[value.length + 1] = '5';

        ItemFormat.Read read = format.read(Region.HOST_BY_ID, item, 7L);

        assertThat(read.isHit()).isFalse();
        assertThat(read.foreign()).startsWith("not a id value: ");
    }

    @Test
    void read_headerOnly_isForeign() {
        byte[] value = format.value(Region.HOST_BY_ID, 7L, Optional.of(HOST));
        byte[] header = Arrays.copyOf(value, 12);

        assertThat(format.read(Region.HOST_BY_ID, header, 7L).foreign()).startsWith("not a id value: ");
    }

    @Test
    void read_leaseOrNothing_isAMiss() {
        assertThat(format.read(Region.HOST_BY_ID, format.newLease(new Random(1)), 7L)).isEqualTo(ItemFormat.Read.MISS);
        assertThat(format.read(Region.HOST_BY_ID, null, 7L)).isEqualTo(ItemFormat.Read.MISS);
    }

    @Test
    void read_bytesWithoutOurHeader_isForeign() {
        byte[] json = "{\"id\":1,\"hostname\":\"evil\",\"ipAddr\":\"6.6.6.6\",\"port\":666}".getBytes(StandardCharsets.UTF_8);

        assertThat(format.read(Region.HOST_BY_ID, json, 7L).foreign()).isEqualTo("not written by this cache");
    }
}
