package news.comments.commenter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.backup.BackupPart;
import news.comments.backup.BackupRecords;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Readers' addresses in the service's export: whether and since when each is verified, when a verification mail last
 * went out, whether it opted out of all mail, the hashes of the keys its browsers hold (a reader keeps their
 * {@code commenterKey} across a restore: keys are stored as plain SHA-256, the same on every service), and the
 * hashes of its mailed links (an unsubscribe link in an old mail keeps working). An address here already is merged:
 * the earlier verification, keys and links it lacks; the row counts as skipped.
 */
@ApplicationScoped
class CommenterBackup implements BackupPart {

    private static final int PAGE = 500;

    private final CommenterRecords records;

    CommenterBackup(CommenterRecords records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "commenters";
    }

    @Override
    public void export(JsonGenerator json, CommentKeys keys) throws IOException {
        for (String after = ""; after != null; ) {
            String from = after;
            CommenterRecords.Page page = QuarkusTransaction.requiringNew().call(() -> records.pageAfter(from, PAGE));
            Map<Long, String> commentKeys = keys.of(page.tokens().values().stream().flatMap(List::stream)
                    .map(CommenterRecords.Token::commentId).filter(Objects::nonNull).toList());
            for (CommenterRecords.Address address : page.addresses()) {
                json.writeStartObject();
                json.writeStringField("email", address.email());
                BackupRecords.time(json, "verifiedAt", address.verifiedAt());
                BackupRecords.time(json, "verificationSentAt", address.verificationSentAt());
                json.writeBooleanField("mailOptOut", address.mailOptOut());
                BackupRecords.time(json, "createdAt", address.createdAt());
                json.writeArrayFieldStart("keys");
                for (CommenterRecords.Key key : page.keys().getOrDefault(address.email(), List.of())) {
                    json.writeStartObject();
                    json.writeStringField("hash", key.hash());
                    BackupRecords.time(json, "createdAt", key.createdAt());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("tokens");
                for (CommenterRecords.Token token : page.tokens().getOrDefault(address.email(), List.of())) {
                    json.writeStartObject();
                    json.writeStringField("hash", token.hash());
                    json.writeStringField("purpose", token.purpose());
                    json.writeStringField("comment", token.commentId() == null ? null
                            : commentKeys.get(token.commentId()));
                    BackupRecords.time(json, "createdAt", token.createdAt());
                    BackupRecords.time(json, "expiresAt", token.expiresAt());
                    BackupRecords.time(json, "usedAt", token.usedAt());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            after = page.addresses().size() < PAGE ? null
                    : page.addresses().get(page.addresses().size() - 1).email();
        }
    }

    @Override
    public Restored restore(JsonNode record, Restore context, boolean dryRun) {
        String email = BackupRecords.text(record, "email");
        Instant created = BackupRecords.time(record, "createdAt");
        if (email == null || email.isBlank() || email.length() > 508 || created == null) {
            return Restored.failed("an address needs email and createdAt");
        }
        String address = Commenters.lower(email.strip());
        boolean exists = records.exists(address);
        if (dryRun) {
            return exists ? Restored.skipped("this address is here already: merged") : Restored.CREATED;
        }
        records.merge(new CommenterRecords.Address(address, BackupRecords.time(record, "verifiedAt"),
                BackupRecords.time(record, "verificationSentAt"), BackupRecords.flag(record, "mailOptOut"), created));
        Set<String> keys = new HashSet<>(records.keyHashes(address));
        for (JsonNode key : record.path("keys")) {
            String hash = BackupRecords.text(key, "hash");
            Instant at = BackupRecords.time(key, "createdAt");
            if (hash != null && at != null && keys.add(hash)) {
                records.addKey(new CommenterRecords.Key(hash, at), address);
            }
        }
        List<CommenterRecords.Token> tokens = new ArrayList<>();
        for (JsonNode token : record.path("tokens")) {
            String hash = BackupRecords.text(token, "hash");
            String purpose = BackupRecords.text(token, "purpose");
            Instant at = BackupRecords.time(token, "createdAt");
            Instant expires = BackupRecords.time(token, "expiresAt");
            if (hash != null && purpose != null && at != null && expires != null) {
                String comment = BackupRecords.text(token, "comment");
                tokens.add(new CommenterRecords.Token(hash, purpose, comment == null ? null
                        : context.commentId(comment).orElse(null), at, expires, BackupRecords.time(token, "usedAt")));
            }
        }
        records.addTokens(tokens, address);
        return exists ? Restored.skipped("this address is here already: merged") : Restored.CREATED;
    }
}
