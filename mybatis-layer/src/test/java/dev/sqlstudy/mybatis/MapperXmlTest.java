package dev.sqlstudy.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ibatis.cache.Cache;
import org.apache.ibatis.cache.impl.PerpetualCache;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.ResultMapping;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the mappers are written by, checked on the mapper files themselves and on the
 * configuration MyBatis builds from them: no text substitution, no MyBatis cache, no nested selects.
 */
class MapperXmlTest {

    /** MyBatis's text substitution: it splices a value into the SQL unescaped. */
    private static final String SUBSTITUTION = "$" + "{";

    private static Configuration configuration;

    @BeforeAll
    static void buildTheSessionFactory() {
        // Building the factory parses every mapper XML; no connection is opened until a session runs.
        configuration = SessionFactories.create(TestDatabase.H2.open().dataSource()).getConfiguration();
    }

    @Test
    void sourceTree_hasNoTextSubstitutionInAnyMapperOrJavaFile() throws IOException {
        List<Path> scanned = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            files.filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".java")).forEach(f -> {
                scanned.add(f);
                if (read(f).contains(SUBSTITUTION)) {
                    offenders.add(f.toString());
                }
            });
        }
        assertThat(scanned).as("the mapper XML files scanned")
                .anySatisfy(f -> assertThat(f).hasFileName("HostMapper.xml"))
                .anySatisfy(f -> assertThat(f).hasFileName("FamilyMapper.xml"));
        assertThat(offenders).as("files using text substitution instead of #{} parameters").isEmpty();
    }

    @Test
    void everyRegisteredMapper_hasItsXmlBesideTheInterfaceOnTheClassPath_withoutTextSubstitutionOrCache() {
        assertThat(configuration.getMapperRegistry().getMappers())
                .containsExactlyInAnyOrder(HostMapper.class, FamilyMapper.class)
                .allSatisfy(mapper -> {
                    String resource = mapper.getName().replace('.', '/') + ".xml";
                    String xml = classPathResource(resource);
                    assertThat(xml).as(resource).contains("namespace=\"" + mapper.getName() + "\"");
                    assertThat(xml).as(resource).doesNotContain(SUBSTITUTION);
                    // No <cache/> element: a mapper's statements refer to the cache the factory
                    // registers under their namespace (<cache-ref> to itself), which it builds.
                    assertThat(withoutComments(xml)).as(resource).doesNotContainPattern("<cache[\\s/>]")
                            .contains("<cache-ref namespace=\"" + mapper.getName() + "\"/>");
                });
    }

    @Test
    void everyStatement_refersToItsNamespacesCache_aBareOneTheDefaultFactoryNeverReads() {
        assertThat(configuration.getMappedStatements())
                .filteredOn(MappedStatement.class::isInstance)
                .isNotEmpty()
                .allSatisfy(statement -> assertThat(statement.getCache()).as(statement.getId())
                        .isInstanceOf(PerpetualCache.class)
                        .extracting(Cache::getId).isEqualTo(statement.getId().substring(0, statement.getId().lastIndexOf('.'))));
    }

    @Test
    void configuration_turnsBothMyBatisCachesOff() {
        // No caching executor: the statements' caches above are never read or filled.
        assertThat(configuration.isCacheEnabled()).as("second-level cache").isFalse();
        assertThat(configuration.getLocalCacheScope()).as("first-level cache scope").isEqualTo(LocalCacheScope.STATEMENT);
    }

    @Test
    void oneToManyAndBackReference_areNestedResultMapsOverAJoin_neverNestedSelects() {
        List<ResultMap> resultMaps = configuration.getResultMaps().stream()
                .filter(ResultMap.class::isInstance).map(ResultMap.class::cast).distinct().toList();
        assertThat(resultMaps).allSatisfy(map -> {
            List<ResultMapping> mappings = new ArrayList<>(map.getResultMappings());
            mappings.addAll(map.getConstructorResultMappings());
            assertThat(mappings).as(map.getId()).allSatisfy(m -> assertThat(m.getNestedQueryId()).isNull());
        });
        assertThat(configuration.getResultMap("dev.sqlstudy.mybatis.FamilyMapper.parentWithChildren").hasNestedResultMaps())
                .as("parent with children").isTrue();
        assertThat(configuration.getResultMap("dev.sqlstudy.mybatis.FamilyMapper.childWithParent").hasNestedResultMaps())
                .as("child with parent").isTrue();
    }

    private static String withoutComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classPathResource(String name) {
        try (InputStream in = MapperXmlTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("class path resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
