package news.comments.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request queued longer than the bound is answered 503 overloaded at once; a shorter wait goes on. */
class QueueTimeoutTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final QueueTimeout timeout = new QueueTimeout(Duration.ofSeconds(10), now::get);

    @Test
    void shouldGoOnWhenTheRequestWaitedLessThanTheBound() {
        Map<String, Object> properties = new HashMap<>();
        timeout.arrived(FakeRequest.with(properties));
        now.addAndGet(Duration.ofSeconds(9).toNanos());

        assertTrue(timeout.waitedTooLong(FakeRequest.with(properties)).isEmpty());
    }

    @Test
    void shouldAnswerOverloadedWhenTheRequestWaitedLongerThanTheBound() {
        Map<String, Object> properties = new HashMap<>();
        timeout.arrived(FakeRequest.with(properties));
        now.addAndGet(Duration.ofSeconds(11).toNanos());

        Optional<Response> answer = timeout.waitedTooLong(FakeRequest.with(properties));

        assertTrue(answer.isPresent());
        assertEquals(503, answer.get().getStatus());
        assertEquals("5", answer.get().getHeaderString("Retry-After"));
        Problem problem = (Problem) answer.get().getEntity();
        assertEquals("/problems/overloaded", problem.type());
        assertEquals("Service busy", problem.title());
    }

    @Test
    void shouldGoOnWhenTheArrivalWasNotNoted() {
        assertTrue(timeout.waitedTooLong(FakeRequest.with(new HashMap<>())).isEmpty());
    }

    /** A request context that only keeps properties, which is all the filter uses. */
    private static final class FakeRequest {
        static ContainerRequestContext with(Map<String, Object> properties) {
            return (ContainerRequestContext) Proxy.newProxyInstance(QueueTimeoutTest.class.getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setProperty" -> properties.put((String) args[0], args[1]);
                        case "getProperty" -> properties.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
