package news.comments.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The outcome of a bulk decision, one line per id in the order given. {@code outcome} is {@code changed},
 * {@code unchanged} (it already had that status), {@code not-found} or {@code conflict} (someone changed it at the
 * same moment; reload and decide again).
 */
public record BulkResult(String action, List<Outcome> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(long id, String outcome, String status, Long version) {
    }
}
