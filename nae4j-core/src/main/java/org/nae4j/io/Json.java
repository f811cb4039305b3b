package org.nae4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** JSON for run metadata ({@code summary.json}) and reports. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Writes a tree of maps, lists, strings, numbers and booleans atomically, pretty-printed. */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, toString(value) + "\n");
    }

    public static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise to JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a JSON object as a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), Map.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw InvalidInputException.of(file, "file not found");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw InvalidInputException.of(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + IoErrors.reason(e), e);
        }
    }
}
