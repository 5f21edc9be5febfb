package news.comments.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 that receives webhook calls as a newsroom tool would: it keeps every call's
 * headers, raw body and time of arrival, and answers the status codes it was told to (then 204).
 */
final class WebhookReceiver implements AutoCloseable {

    record Call(Map<String, String> headers, String body, java.time.Instant receivedAt) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            try (InputStream in = exchange.getRequestBody()) {
                calls.add(new Call(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        java.time.Instant.now()));
            }
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next calls are answered with these statuses, in order. */
    void answer(int... statuses) {
        for (int status : statuses) {
            answers.add(status);
        }
    }

    /** Waits until {@code count} calls match, and answers them. */
    List<Call> await(Predicate<Call> matching, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> found = calls.stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " matching calls, got "
                + calls.stream().filter(matching).count() + " of " + calls.size());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
