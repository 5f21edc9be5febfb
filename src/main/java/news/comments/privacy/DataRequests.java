package news.comments.privacy;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.automod.FloodGuard;
import news.comments.comment.Actor;
import news.comments.commenter.Commenters;
import news.comments.config.SiteConfig;
import news.comments.outbox.Outbox;
import news.comments.outbox.OutgoingMail;
import news.comments.web.InvalidRequestException;
import news.comments.web.Problem;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reader's requests about their own data. Asking always succeeds the same way (202), known address or not, so the
 * form tells nobody who comments here; the answer goes by mail to the address, as a link to a small page
 * ({@code /api/commenters/data-page}) whose button exports or erases. The page never uses the token, since mail
 * scanners open links; the button does, once, within {@link Commenters#DATA_REQUEST_TTL}.
 */
@ApplicationScoped
class DataRequests {

    static final int EMAIL_MAX = 254;

    private final Commenters commenters;
    private final Erasure erasure;
    private final Outbox outbox;
    private final FloodGuard floodGuard;
    private final PrivacyConfig config;
    private final SiteConfig site;
    private final Clock clock;
    private final Template mailText;
    private final Template mailHtml;

    DataRequests(Commenters commenters, Erasure erasure, Outbox outbox, FloodGuard floodGuard, PrivacyConfig config,
                 SiteConfig site, Clock clock, @Location("mail/data-request.txt") Template mailText,
                 @Location("mail/data-request.html") Template mailHtml) {
        this.commenters = commenters;
        this.erasure = erasure;
        this.outbox = outbox;
        this.floodGuard = floodGuard;
        this.config = config;
        this.site = site;
        this.clock = clock;
        this.mailText = mailText;
        this.mailHtml = mailHtml;
    }

    /**
     * Mails the address a link for this request (at most one per kind per {@code comments.mail.verify-resend}).
     * A malformed request is refused, and a client ({@code ip}) asking more often than
     * {@code comments.privacy.data-request-every} (429); whether the address is known changes nothing the caller
     * can see.
     */
    @Transactional
    void request(DataRequest request, String ip) {
        String email = request == null || request.email() == null ? null : request.email().strip();
        String kind = request == null || request.kind() == null ? null : request.kind().strip();
        List<Problem.Violation> violations = new ArrayList<>();
        if (email == null || email.isEmpty() || email.length() > EMAIL_MAX || !email.matches("[^@\\s]+@[^@\\s]+")) {
            violations.add(new Problem.Violation("email", "must be an email address"));
        }
        if (!Commenters.EXPORT.equals(kind) && !Commenters.ERASE.equals(kind)) {
            violations.add(new Problem.Violation("kind", "must be export or erase"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        floodGuard.admitDataRequest(ip, config.dataRequestEvery(), clock.instant());
        String token = commenters.dataRequestToken(email, kind);
        if (token == null) {
            return;
        }
        boolean export = Commenters.EXPORT.equals(kind);
        Map<String, Object> data = Map.of(
                "link", site.publicUrl() + "/api/commenters/data-page?token=" + token,
                "export", export,
                "anonymize", erasure.mode() == EraseMode.ANONYMIZE,
                "hours", Commenters.DATA_REQUEST_TTL.toHours());
        outbox.mail(new OutgoingMail(email, export ? "Your comments: a copy of your data"
                : "Your comments: erase your data", mailText.data(data).render(), mailHtml.data(data).render(),
                Map.of()));
    }

    /** What a data-request link is for, without using it: {@code export}, {@code erase}, or empty if not valid. */
    @Transactional
    Optional<String> purposeOf(String token) {
        if (commenters.peekDataRequest(token, Commenters.EXPORT).isPresent()) {
            return Optional.of(Commenters.EXPORT);
        }
        return commenters.peekDataRequest(token, Commenters.ERASE).map(address -> Commenters.ERASE);
    }

    /** Uses an export link: every comment of its address. */
    @Transactional
    DataExport export(String token) {
        return erasure.export(commenters.useDataRequest(token, Commenters.EXPORT));
    }

    /** Uses an erase link: the address is erased. */
    @Transactional
    ErasedView erase(String token) {
        return erasure.erase(commenters.useDataRequest(token, Commenters.ERASE), Actor.AUTHOR);
    }

    /** An admin exports an address that asked by another channel. */
    @Transactional
    DataExport exportForAdmin(AddressRequest request) {
        return erasure.export(address(request));
    }

    /** An admin erases an address that asked by another channel; the history names the admin. */
    @Transactional
    ErasedView eraseForAdmin(AddressRequest request, String admin) {
        return erasure.erase(address(request), Actor.moderator(admin));
    }

    /** The mode erasure runs in, for the page that asks to confirm. */
    EraseMode eraseMode() {
        return erasure.mode();
    }

    private static String address(AddressRequest request) {
        String email = request == null || request.email() == null ? null : request.email().strip();
        if (email == null || email.isEmpty() || email.length() > EMAIL_MAX || !email.contains("@")) {
            throw InvalidRequestException.of("email", "must be an email address");
        }
        return email;
    }
}
