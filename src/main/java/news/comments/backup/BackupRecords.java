package news.comments.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** Small steps every part takes: times as ISO-8601 text, missing fields as null, both ways. */
public final class BackupRecords {

    private BackupRecords() {
    }

    /** What a part writes of one page of its rows. */
    @FunctionalInterface
    public interface PageWriter<T> {
        void write(List<T> page) throws IOException;
    }

    /**
     * A part's rows in pages of {@code size} by id, each read in a short transaction of its own ({@code page} answers
     * the rows after an id) and written as read: an export of millions holds one page in memory.
     */
    public static <T> void inPages(int size, LongFunction<List<T>> page, ToLongFunction<T> id, PageWriter<T> writer)
            throws IOException {
        for (long after = 0; after >= 0; ) {
            long from = after;
            List<T> rows = QuarkusTransaction.requiringNew().call(() -> page.apply(from));
            writer.write(rows);
            after = rows.size() < size ? -1 : id.applyAsLong(rows.get(rows.size() - 1));
        }
    }

    public static void time(JsonGenerator json, String field, Instant value) throws IOException {
        json.writeStringField(field, value == null ? null : value.toString());
    }

    public static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A time of the record, or null when it is missing or not ISO-8601. */
    public static Instant time(JsonNode record, String field) {
        String value = text(record, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static boolean flag(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.asBoolean(false);
    }
}
