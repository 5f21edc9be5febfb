package news.comments.filter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.function.Consumer;

/** The admins' door to the learned filter: its status, a rebuild from every decided comment, and forgetting it. */
@ApplicationScoped
public class FilterService {

    /** Comments relearned per transaction during a retrain, and between two progress lines. */
    static final int RETRAIN_BATCH = 200;

    private final SpamModel model;
    private final FilterTrainer trainer;
    private final EntityManager entityManager;
    private final LearnedFilterConfig config;

    FilterService(SpamModel model, FilterTrainer trainer, EntityManager entityManager, LearnedFilterConfig config) {
        this.model = model;
        this.trainer = trainer;
        this.entityManager = entityManager;
        this.config = config;
    }

    public FilterStatus status() {
        SpamModel.Stats stats = model.stats();
        return new FilterStatus(stats.ham(), stats.spam(), stats.tokens(), config.maxTokens(),
                stats.trainedAt(), model.waiting());
    }

    /** Forgets everything learned and every decision waiting to be; from now on it learns from new decisions only. */
    public void forget() {
        QuarkusTransaction.requiringNew().run(model::forget);
    }

    /**
     * Forgets, then learns again from every comment a moderator decided (approved: ham, spam: spam, others teach
     * nothing but count as done), oldest first, in
     * transactions of {@link #RETRAIN_BATCH}, telling {@code progress} after each. Decisions made meanwhile are
     * learned as usual; relearning a comment twice changes nothing.
     */
    public void retrain(Consumer<RetrainProgress> progress) {
        QuarkusTransaction.requiringNew().run(model::forget);
        long total = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select count(c) from Comment c where c.moderatedBy is not null", Long.class).getSingleResult());
        long done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> batch = entityManager.createQuery("select c.id from Comment c where c.id > :after "
                                + "and c.moderatedBy is not null order by c.id", Long.class)
                        .setParameter("after", from).setMaxResults(RETRAIN_BATCH).getResultList();
                if (!batch.isEmpty()) {
                    trainer.learnFrom(batch);
                }
                entityManager.clear();
                return batch;
            });
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            done += ids.size();
            progress.accept(new RetrainProgress(Math.min(done, total), total, false, null));
        }
        model.prune(config.maxTokens());
        progress.accept(new RetrainProgress(total, total, true, status()));
    }
}
