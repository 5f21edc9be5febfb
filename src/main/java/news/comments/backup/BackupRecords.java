package news.comments.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;

/** Small steps every part takes: times as ISO-8601 text, missing fields as null, both ways. */
public final class BackupRecords {

    private BackupRecords() {
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
