package news.comments.comment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.comments.moderation.ModerationStream;
import news.comments.moderation.StreamEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static news.comments.TestApi.article;
import static news.comments.TestApi.publishedComment;
import static news.comments.TestApi.reader;
import static news.comments.TestApi.validComment;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an instance does with a change another instance committed. The PostgreSQL wire (pg_notify, LISTEN) is
 * checked with two real instances by .ci/checks/two-instances.sh in CI; this suite runs on H2 too, where the relay
 * itself is off and the receiving side is the same.
 */
@QuarkusTest
class ChangeRelayTest {

    @Inject
    CommentChangeRelay relay;
    @Inject
    Event<CommentChangedElsewhere> elsewhere;
    @Inject
    ModerationStream stream;
    @Inject
    EntityManager entityManager;

    @Test
    void shouldTakeAnotherInstancesChangeAndIgnoreItsOwnAndUnreadableMessages() {
        String other = relay.encode(new CommentChangeRelay.Message("another-instance", "relayed-article", 42,
                CommentStatus.PENDING, CommentStatus.APPROVED));
        assertEquals(new CommentChanged("relayed-article", 42, CommentStatus.PENDING, CommentStatus.APPROVED),
                relay.receive(other).orElseThrow());

        String own = relay.encode(new CommentChangeRelay.Message(relay.instance(), "relayed-article", 42,
                CommentStatus.PENDING, CommentStatus.APPROVED));
        assertTrue(relay.receive(own).isEmpty(), "an instance hears its own notifications too, and skips them");
        assertTrue(relay.receive("not json").isEmpty());
        assertTrue(relay.receive("{\"instance\":\"x\",\"commentId\":1,\"to\":\"SOMETHING\"}").isEmpty());
    }

    @Test
    void shouldCarryNoAuthorDataBetweenInstances() {
        String payload = relay.encode(new CommentChangeRelay.Message("i", "an-article", 7, null, CommentStatus.PENDING));
        assertEquals("{\"instance\":\"i\",\"articleId\":\"an-article\",\"commentId\":7,\"from\":null,"
                + "\"to\":\"PENDING\"}", payload);
    }

    @Test
    void shouldBeOffOnH2() {
        assertEquals(!isH2(), relay.enabled());
    }

    @Test
    void shouldDropTheArticlesCachedPagesWhenAnotherInstanceDecidesThere() {
        String article = article("PRE");
        Map<String, Object> comment = validComment();
        long id = publishedComment(article, comment);
        reader().get("/api/articles/{a}/comments", article).then().statusCode(200).body("total", equalTo(1));

        // another instance rejects it: the row changes, this instance's cache does not hear of it by itself
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update comment set status = 'REJECTED' where id = ?1")
                .setParameter(1, id).executeUpdate());
        reader().get("/api/articles/{a}/comments", article).then().body("total", equalTo(1));

        elsewhere.fire(new CommentChangedElsewhere(
                new CommentChanged(article, id, CommentStatus.APPROVED, CommentStatus.REJECTED)));
        reader().get("/api/articles/{a}/comments", article).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldShowAnotherInstancesChangeOnTheModeratorsLiveStream() throws Exception {
        CompletableFuture<StreamEvent> decided = stream.subscribe()
                .select().where(event -> "decided".equals(event.type())
                        && Long.valueOf(987_654).equals(event.commentId()))
                .toUni().subscribeAsCompletionStage();

        elsewhere.fire(new CommentChangedElsewhere(
                new CommentChanged("stream-article", 987_654, CommentStatus.PENDING, CommentStatus.SPAM)));

        StreamEvent event = decided.get(10, TimeUnit.SECONDS);
        assertEquals("stream-article", event.articleId());
        assertEquals("PENDING", event.from());
        assertEquals("SPAM", event.to());
    }

    private static boolean isH2() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.db-kind", String.class).equalsIgnoreCase("h2");
    }
}
