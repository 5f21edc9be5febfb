package news.comments;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static news.comments.TestApi.reader;

/** Reading what the service sent to {@link MailServer}, as a reader's mail program would. */
public final class TestMail {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    private TestMail() {
    }

    /** The mails to this address so far. */
    public static List<MimeMessage> to(String address) {
        return MailServer.received().stream().filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
    }

    /** Waits (at most 30 s: a loaded CI machine) until {@code count} mails to this address have arrived. */
    public static List<MimeMessage> await(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = to(address);
            if (mails.size() >= count) {
                return mails;
            }
            sleep(100);
        }
        throw new AssertionError("expected " + count + " mails to " + address + ", got " + to(address).size()
                + "; the outbox holds for it: " + outboxRows(address));
    }

    /** What the outbox says of an address (status, attempts, last error), to tell why a mail did not come. */
    private static List<Object> outboxRows(String address) {
        List<Object> rows = new java.util.ArrayList<>();
        for (String status : new String[]{"PENDING", "FAILED", "SENT"}) {
            rows.addAll(TestApi.admin().queryParam("status", status).queryParam("limit", 200)
                    .get("/api/admin/outbox").then().extract().jsonPath()
                    .getList("items.findAll { it.recipient?.equalsIgnoreCase('" + address + "') }"));
        }
        return rows;
    }

    /** Waits (at most 30 s) until no mail waits in the outbox. */
    public static void awaitOutboxEmpty() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (TestApi.admin().queryParam("status", "PENDING").get("/api/admin/outbox").then().statusCode(200)
                    .extract().jsonPath().getList("items").isEmpty()) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("mail still waits in the outbox after 30 s");
    }

    /** Lets the outbox run for a while, so that a test asserting "no mail" has given it the chance to send one. */
    public static void settle() {
        sleep(2500);
    }

    /** The plain text part of a mail. */
    public static String text(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    public static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the (first) link in a mail's text. */
    public static String token(MimeMessage mail) {
        Matcher matcher = TOKEN.matcher(text(mail));
        if (!matcher.find()) {
            throw new AssertionError("no token link in: " + text(mail));
        }
        return matcher.group(1);
    }

    /**
     * Posts a first comment from this address if no verification mail came yet, follows the verification link as
     * the embed would, and answers the address's new commenterKey.
     */
    public static String verify(String address, String articleId) {
        int before = to(address).size();
        Map<String, Object> comment = TestApi.validComment();
        comment.put("authorEmail", address);
        TestApi.post(articleId, comment).statusCode(201);
        return confirm(await(address, before + 1).get(before));
    }

    /** Follows a verification mail's link as the embed would, and answers the new commenterKey. */
    public static String confirm(MimeMessage mail) {
        return reader().body(Map.of("token", token(mail))).post("/api/commenters/verify").then().statusCode(200)
                .extract().jsonPath().getString("commenterKey");
    }

    /** Everything a mail carries, headers included, as one text, for privacy sweeps. */
    public static String raw(MimeMessage mail) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            mail.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8) + "\n" + text(mail) + "\n" + html(mail);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
