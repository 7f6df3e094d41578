package dev.sqlstudy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** {@code results.json}: the {@link Results} as they are, for scripts and for comparing runs. */
final class ResultsJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    static void write(Results results, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), results);
    }

    static Results read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Results.class);
    }
}
