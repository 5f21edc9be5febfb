package news.comments.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.automod.AutoModerator;
import news.comments.report.ReportService;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules whose hits the queue can be filtered by: every auto-moderation rule bean, by its own name, and the
 * report threshold's {@code reports}. Derived from the beans, so that a new rule is filterable, and offered by the
 * console, without a list to update by hand.
 */
@ApplicationScoped
class QueueRules {

    private final List<String> names;

    QueueRules(AutoModerator autoModerator) {
        List<String> all = new ArrayList<>(autoModerator.ruleNames());
        all.add(ReportService.RULE);
        this.names = List.copyOf(all);
    }

    List<String> names() {
        return names;
    }
}
