package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.stack.DbTarget;
import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.stack.Stack;
import dev.sqlstudy.stack.StudyEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first rule of the README: results are identical across implementations and caches, element for element. One
 * script of commands runs on every implementation × every cache the stack can open here (a cache
 * not wired into the stack yet is left out), and every stack must print the same JSON and exit
 * codes as the first.
 */
class CrossStackIT {

    /** Reads, writes, failures and reads after writes, so a stale cache would show. */
    private static final List<List<String>> SCRIPT = List.of(
            List.of("hosts", "list"),
            List.of("hosts", "get", "1"),
            List.of("hosts", "find", "--hostname", "UBUNTU"),
            List.of("hosts", "find", "--ip", "192.168.2.244"),
            List.of("hosts", "add", "Web1", "10.0.0.1", "--port", "2222"),
            List.of("hosts", "add", "web1", "10.0.0.9"),
            List.of("hosts", "add", "bad_name", "10.0.0.9"),
            List.of("hosts", "update", "4", "--hostname", "web-one", "--ip", "fe80:0:0::1"),
            List.of("hosts", "get", "4"),
            List.of("hosts", "find", "--hostname", "web1"),
            List.of("hosts", "find", "--hostname", "web-one"),
            List.of("hosts", "find", "--in", "web-one,ubuntu,localhost,nowhere"),
            List.of("hosts", "list", "--order-by", "hostname", "--desc", "--offset", "1", "--limit", "2"),
            List.of("hosts", "list", "--order-by", "ip"),
            List.of("hosts", "names"),
            List.of("hosts", "set-port", "--id-gt", "2", "--port", "8022"),
            List.of("hosts", "get", "3"),
            List.of("hosts", "rollback-demo"),
            List.of("hosts", "delete", "4"),
            List.of("hosts", "get", "4"),
            List.of("hosts", "delete", "--id-gt", "2"),
            List.of("hosts", "list"),
            List.of("family", "list"),
            List.of("family", "add", "Ann", "Bob", "Cid"),
            List.of("family", "show", "4"),
            List.of("family", "child", "5"),
            List.of("family", "move", "5", "1"),
            List.of("family", "show", "1"),
            List.of("family", "show", "4"),
            List.of("family", "move", "6", "--orphan"),
            List.of("family", "child", "6"),
            List.of("family", "delete", "1"),
            List.of("family", "child", "1"),
            List.of("family", "show", "9"),
            List.of("joins", "inner"),
            List.of("joins", "left"),
            List.of("joins", "right"),
            List.of("joins", "counts"),
            List.of("family", "list"));

    @Test
    void script_printsIdenticalJsonOnEveryStack() {
        Map<String, List<String>> transcripts = new LinkedHashMap<>();
        for (Choice stack : stacks()) {
            Study study = stack.fresh();
            List<String> transcript = new ArrayList<>();
            for (List<String> command : SCRIPT) {
                Study.Outcome outcome = study.json(command.toArray(String[]::new));
                assertThat(outcome.err().isEmpty() || outcome.err().startsWith("error: "))
                        .as("%s %s: stderr %s", stack, command, outcome.err()).isTrue();
                transcript.add(String.join(" ", command) + " -> exit " + outcome.exitCode() + " " + outcome.out().strip());
            }
            transcripts.put(stack.toString(), transcript);
        }
        List<String> first = transcripts.values().iterator().next();
        transcripts.forEach((stack, transcript) -> assertThat(transcript).as(stack).containsExactlyElementsOf(first));
        assertThat(first).contains("hosts get 4 -> exit 1 ", "hosts add web1 10.0.0.9 -> exit 3 ");
    }

    @Test
    void demo_printsTheSameResultsOnEveryStack() {
        Map<String, List<JsonNode>> results = new LinkedHashMap<>();
        for (Choice stack : stacks()) {
            JsonNode demo = stack.fresh().json("demo").succeeds().json();
            List<JsonNode> stepResults = new ArrayList<>();
            ((ArrayNode) demo.get("steps")).forEach(step -> stepResults.add(step.get("result")));
            results.put(stack.toString(), stepResults);
        }
        List<JsonNode> first = results.values().iterator().next();
        results.forEach((stack, stepResults) -> assertThat(stepResults).as(stack).containsExactlyElementsOf(first));
    }

    /** One implementation × cache. */
    record Choice(Impl impl, CacheKind cache) {

        Study fresh() {
            if (cache == CacheKind.MEMCACHED) {
                // The tests reset the database under the cache; memcached outlives each run.
                flushMemcached();
            }
            return Study.fresh(impl, cache);
        }

        @Override
        public String toString() {
            return "impl=" + impl + ", cache=" + cache;
        }
    }

    /** Every implementation × every cache the stack opens here (jdbc × native is impossible: dropped). */
    static List<Choice> stacks() {
        List<Choice> stacks = new ArrayList<>();
        for (Impl impl : Impl.values()) {
            for (CacheKind cache : CacheKind.values()) {
                if (impl.supports(cache) && opens(impl, cache)) {
                    stacks.add(new Choice(impl, cache));
                }
            }
        }
        return stacks;
    }

    private static boolean opens(Impl impl, CacheKind cache) {
        StudyEnvironment environment = StudyEnvironment.system();
        try (Stack stack = Stack.open(DbTarget.parse("mem", null, null, environment), impl, cache, environment.cacheSettings())) {
            return stack != null;
        } catch (IllegalStateException notWiredYet) {
            return false;
        }
    }

    private static String memcachedServers() {
        return StudyEnvironment.system().cacheSettings().memcachedServers();
    }

    private static void flushMemcached() {
        for (String server : memcachedServers().split(",")) {
            String[] hostPort = server.strip().split(":");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write("flush_all\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.getInputStream().read(new byte[16]);
            } catch (IOException down) {
                // Down is fine: the cache fails open and the answers must still match.
            }
        }
    }
}
