package news.comments.moderation;

import java.util.List;

/** The names of the rules the queue can be filtered by ({@code GET /api/moderation/rules}), in the rules' order. */
public record RuleNames(List<String> rules) {
}
