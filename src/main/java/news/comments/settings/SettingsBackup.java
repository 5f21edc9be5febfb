package news.comments.settings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.backup.BackupPart;
import news.comments.backup.BackupRecords;
import news.comments.web.InvalidRequestException;

import java.io.IOException;
import java.time.Instant;

/**
 * The settings document in the service's export (the rules, articles' {@code closeAfterDays} and
 * {@code defaultModeration}, the reports' threshold, the learned filter's), with who saved it and when. A restore
 * takes it only into a service whose settings nobody has saved yet; else the service keeps its own (skipped).
 */
@ApplicationScoped
class SettingsBackup implements BackupPart {

    private final SettingsService settings;
    private final ObjectMapper mapper;

    SettingsBackup(SettingsService settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public void export(JsonGenerator json, CommentKeys keys) throws IOException {
        SettingsService.Stored stored = settings.stored();
        json.writeStartObject();
        json.writeFieldName("document");
        json.writeTree(mapper.valueToTree(stored.document()));
        json.writeStringField("updatedBy", stored.updatedBy());
        BackupRecords.time(json, "updatedAt", stored.updatedAt());
        json.writeEndObject();
    }

    @Override
    public Restored restore(JsonNode record, Restore context, boolean dryRun) {
        String by = BackupRecords.text(record, "updatedBy");
        Instant at = BackupRecords.time(record, "updatedAt");
        if (by == null || at == null || !record.path("document").isObject()) {
            return Restored.failed("settings need a document, updatedBy and updatedAt");
        }
        try {
            SettingsDocument document = mapper.treeToValue(record.get("document"), SettingsDocument.class);
            return settings.restore(document, by, at, dryRun) ? Restored.CREATED
                    : Restored.skipped("this service's settings were saved here: kept");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Restored.failed("the settings document is not readable");
        } catch (InvalidRequestException e) {
            return Restored.failed("the settings document is invalid here: " + e.getMessage());
        }
    }
}
