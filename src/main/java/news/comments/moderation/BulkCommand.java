package news.comments.moderation;

import news.comments.web.InvalidRequestException;

import java.util.LinkedHashSet;
import java.util.List;

/** A bulk request parsed at the door: one decision, 1 to {@link #MAX} distinct ids in the order given, a reason. */
record BulkCommand(Decision decision, List<Long> ids, String reason) {

    static final int MAX = 200;

    static BulkCommand parse(BulkRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("action", "must be one of approve, reject, spam");
        }
        Decision decision = Decision.parse("action", request.action());
        if (request.ids() == null || request.ids().isEmpty() || request.ids().size() > MAX
                || request.ids().contains(null)) {
            throw InvalidRequestException.of("ids", "must list 1 to " + MAX + " comment ids");
        }
        return new BulkCommand(decision, List.copyOf(new LinkedHashSet<>(request.ids())),
                DecisionReason.parse(request.reason()));
    }
}
