package dev.sqlstudy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {

    @Nested
    class Hostnames {

        @ParameterizedTest(name = "{0} is stored as {1}")
        @CsvSource({
                "localhost, localhost",
                "LocalHost, localhost",
                "ubuntu2, ubuntu2",
                "db-1.example.COM, db-1.example.com",
                "3com, 3com",
                "a, a"
        })
        void hostname_valid_isStoredLowerCase(String given, String stored) {
            assertThat(Rules.hostname(given)).isEqualTo(stored);
        }

        @Test
        void hostname_ofExactly64Characters_isAccepted() {
            String name = "a".repeat(63) + ".";
            String sixtyFour = "a".repeat(32) + "." + "b".repeat(31);
            assertThat(sixtyFour).hasSize(64);
            assertThat(Rules.hostname(sixtyFour)).isEqualTo(sixtyFour);
            assertThatThrownBy(() -> Rules.hostname(name)).isInstanceOf(InvalidInputException.class);
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"", "ubuntu_test", "-lead", "trail-", "a..b", ".a", "a.", "has space",
                "naïve", "semi;colon", "o'brien", "a%b", "back\\slash", "tab\there"})
        void hostname_notRfc1123_isRejectedNamingTheField(String given) {
            assertThatThrownBy(() -> Rules.hostname(given))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("invalid hostname")
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("hostname");
        }

        @Test
        void hostname_longerThan64_isRejected() {
            assertThatThrownBy(() -> Rules.hostname("a".repeat(32) + "." + "b".repeat(32)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 64");
        }

        @Test
        void hostname_labelLongerThan63_isRejected() {
            assertThatThrownBy(() -> Rules.hostname("a".repeat(64)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than 63");
        }
    }

    /** The list of a {@code hostname in (...)} look-up, normalised once for every implementation and cache. */
    @Nested
    class HostnameLists {

        @Test
        void hostnames_mixedCaseAndRepeats_areLowerCasedOnceEachInTheOrderFirstGiven() {
            assertThat(Rules.hostnames(List.of("ubuntu2", "LOCALHOST", "Ubuntu2", "absent", "localhost")))
                    .containsExactly("ubuntu2", "localhost", "absent");
        }

        @Test
        void hostnames_emptyCollection_isAnEmptyList() {
            assertThat(Rules.hostnames(Set.of())).isEmpty();
        }

        @Test
        void hostnames_oneInvalidName_rejectsTheWholeListNamingTheField() {
            assertThatThrownBy(() -> Rules.hostnames(List.of("ubuntu", "ubuntu_test")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("hostname"))
                    .hasMessageContaining("'ubuntu_test'");
        }

        @Test
        void hostnames_aNullName_isInvalidNotANullPointer() {
            assertThatThrownBy(() -> Rules.hostnames(Arrays.asList("ubuntu", null)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("invalid hostname: must not be empty");
        }

        @Test
        void hostnames_result_cannotBeChangedByTheCaller() {
            List<String> names = Rules.hostnames(new ArrayList<>(List.of("ubuntu")));
            assertThatThrownBy(() -> names.add("localhost")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class IpAddresses {

        @ParameterizedTest(name = "{0} is stored as {1}")
        @CsvSource({
                "127.0.0.1, 127.0.0.1",
                "192.168.2.243, 192.168.2.243",
                "0.0.0.0, 0.0.0.0",
                "255.255.255.255, 255.255.255.255",
                "::1, ::1",
                "0:0:0:0:0:0:0:1, ::1",
                "0:0::1, ::1",
                "::, ::",
                "2001:DB8::1, 2001:db8::1",
                "2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1",
                "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
                "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
                "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
                "fe80:0:0:0:0:0:0:0, fe80::",
                "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
                "::ffff:192.0.2.1, ::ffff:192.0.2.1",
                "::FFFF:c000:0201, ::ffff:192.0.2.1",
                "64:ff9b::192.0.2.33, 64:ff9b::c000:221"
        })
        void ipAddr_literal_isStoredInCanonicalForm(String given, String stored) {
            assertThat(Rules.ipAddr(given)).isEqualTo(stored);
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"", "localhost", "example.com", "256.0.0.1", "1.2.3", "1.2.3.4.5",
                "01.2.3.4", "1.2.3.04", "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ", "1::2::3", ":::1",
                "1:2:3:4:5:6:7:8:9", "12345::1", "fe80::1%eth0", "[::1]", "::1.2.3.4.5",
                "1.2.3.4::", "g::1", "1:2:3:4:5:6:7:8::"})
        void ipAddr_notALiteral_isRejectedNamingTheField(String given) {
            assertThatThrownBy(() -> Rules.ipAddr(given))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("invalid ip_addr");
        }
    }

    @Nested
    class Ports {

        @ParameterizedTest
        @ValueSource(ints = {1, 22, 20000, 65535})
        void port_inRange_isAccepted(int port) {
            assertThat(Rules.port(port)).isEqualTo(port);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE})
        void port_outOfRange_isRejected(int port) {
            assertThatThrownBy(() -> Rules.port(port))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("invalid port");
        }
    }

    @Nested
    class Names {

        @ParameterizedTest(name = "\"{0}\" is stored exactly")
        @ValueSource(strings = {"Mary", "O'Brien \"Bob\"", "Robert'); DROP TABLE child;--",
                "100% _under_ back\\slash", "👨‍👩‍👧 family", "张伟", " spaced "})
        void name_valid_isStoredExactlyAsGiven(String name) {
            assertThat(Rules.name("child.name", name)).isEqualTo(name);
        }

        @Test
        void name_of64EmojiCodePoints_isAccepted_65_isRejected() {
            String sixtyFour = "😀".repeat(64);
            assertThat(sixtyFour.length()).isEqualTo(128);
            assertThat(Rules.name("parent.name", sixtyFour)).isEqualTo(sixtyFour);
            assertThatThrownBy(() -> Rules.name("parent.name", sixtyFour + "😀"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("invalid parent.name: must have at most 64 characters, has 65");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "tab\there", "new\nline", "nul\u0000", "bell\u0007", "del\u007f", "lone\ud800"})
        void name_emptyOrWithControlCharacters_isRejected(String name) {
            assertThatThrownBy(() -> Rules.name("child.name", name))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("invalid child.name");
        }
    }

    @Test
    void newHost_withoutPort_defaultsTo22() {
        assertThat(NewHost.of("localhost", "127.0.0.1").port()).isEqualTo(22);
    }

    @Test
    void errorMessage_withControlCharactersInInput_staysOnOneLine() {
        assertThatThrownBy(() -> Rules.hostname("evil\nname"))
                .hasMessageNotContaining("\n")
                .hasMessageContaining("\\u000a");
    }
}
