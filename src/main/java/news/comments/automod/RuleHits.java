package news.comments.automod;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The explanations of automatic decisions, stored and read back per comment or per page of comments. */
@ApplicationScoped
public class RuleHits implements PanacheRepository<RuleHitEntry> {

    private final MeterRegistry metrics;

    RuleHits(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Stores the hits and counts each ({@code comments_rule_hits_total{rule, effect}}, docs/metrics.md). */
    public void record(long commentId, List<Hit> hits) {
        for (Hit hit : hits) {
            metrics.counter("comments.rule.hits", "rule", hit.rule(), "effect", hit.effect().name().toLowerCase(
                    java.util.Locale.ROOT)).increment();
            store(commentId, hit);
        }
    }

    private void store(long commentId, Hit hit) {
        RuleHitEntry entry = new RuleHitEntry();
        entry.commentId = commentId;
        entry.rule = hit.rule();
        entry.effect = hit.effect();
        entry.detail = hit.detail();
        persist(entry);
    }

    /**
     * Stores the hits of a restored comment as its export had them; not counted again, as the service that exported
     * them counted them when they fired.
     */
    public void restore(long commentId, List<Hit> hits) {
        hits.forEach(hit -> store(commentId, hit));
    }

    /** Drops the hits of a comment whose row is being removed. */
    public void forgetComment(long commentId) {
        delete("commentId", commentId);
    }

    /**
     * Cuts an erased address out of the details of these comments' hits (a block list may name an address), with
     * {@code replacement} in its place.
     */
    public void redact(List<Long> commentIds, String address, String replacement) {
        if (commentIds.isEmpty()) {
            return;
        }
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(address),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        for (RuleHitEntry entry : list("commentId in ?1", commentIds)) {
            if (entry.detail != null && pattern.matcher(entry.detail).find()) {
                entry.detail = pattern.matcher(entry.detail).replaceAll(
                        java.util.regex.Matcher.quoteReplacement(replacement));
            }
        }
    }

    /** The hits of every comment of a page, in one query. */
    public Map<Long, List<Hit>> forComments(List<Long> commentIds) {
        Map<Long, List<Hit>> hits = new HashMap<>();
        if (commentIds.isEmpty()) {
            return hits;
        }
        for (RuleHitEntry entry : list("commentId in ?1 order by id", commentIds)) {
            hits.computeIfAbsent(entry.commentId, id -> new ArrayList<>()).add(entry.toHit());
        }
        return hits;
    }
}
