package news.comments.moderation;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import news.comments.comment.CommentChanged;
import news.comments.comment.CommentChangedElsewhere;

import java.time.Duration;

/**
 * Tells every open moderation console of new and decided comments. It listens to {@link CommentChanged} only after
 * the transaction committed, so a console never fetches a comment that was rolled back. On PostgreSQL it also hears
 * other instances' changes ({@code ChangeRelay}); a console reloads its list whenever it reconnects, which covers
 * what was missed while an instance could not hear the others.
 */
@ApplicationScoped
public class ModerationStream {

    /** Below the 30 to 60 seconds after which common proxies close an idle connection. */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** Events kept for a console that reads slowly; past that its stream fails and the console reconnects. */
    static final int BUFFER = 512;

    private final BroadcastProcessor<StreamEvent> processor = BroadcastProcessor.create();
    /** Observers run on the threads that committed, possibly at once; the processor needs one caller at a time. */
    private final SerializedProcessor<StreamEvent, StreamEvent> input = processor.serialized();

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged changed) {
        input.onNext(StreamEvent.of(changed));
    }

    /** A change another instance committed (PostgreSQL, {@code ChangeRelay}). */
    void onChangeElsewhere(@Observes CommentChangedElsewhere relayed) {
        input.onNext(StreamEvent.of(relayed.change()));
    }

    /**
     * A new console's stream: changes from now on, a heartbeat, and first of all {@code connected}, emitted after the
     * changes are subscribed so that nothing that happens after a console saw it can be missed.
     */
    public Multi<StreamEvent> subscribe() {
        Multi<StreamEvent> changes = processor.onOverflow().buffer(BUFFER);
        Multi<StreamEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .onOverflow().drop()
                .map(tick -> StreamEvent.heartbeat());
        Multi<StreamEvent> connected = Multi.createFrom().item(StreamEvent.connected());
        return Multi.createBy().merging().streams(changes, heartbeats, connected);
    }
}
