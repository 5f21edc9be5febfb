import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts comments for the durability and load checks, with only the JDK (run it as {@code java PostLoad.java ...}).
 *
 * <pre>
 * post   BASE ARTICLE WORKERS SECONDS LOG [PID AFTER]
 *                                           post distinct comments, each with its own Idempotency-Key; append
 *                                           "key status id" to LOG (status 0: no answer, e.g. the server died);
 *                                           with PID and AFTER: kill -9 the process PID once AFTER comments were
 *                                           answered 201, go on posting for one more second, and stop
 * retry  BASE ARTICLE LOG                   post again every key of LOG that got no answer, with the same body
 * verify BASE ARTICLE LOG USER:PASSWORD     every id answered 201 is stored with its body, and the article holds
 *                                           exactly one comment per key that got a 201: none lost, none twice
 * </pre>
 * Each comment's author email and body are derived from its key, so a retry sends the very same request.
 */
public class PostLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    /** How long a worker waits for an answer before it counts as none (status 0): -Dpostload.timeout=SECONDS. */
    private static final int TIMEOUT_SECONDS = Integer.getInteger("postload.timeout", 10);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "post" -> post(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]), args.length > 7 ? Long.parseLong(args[6]) : -1,
                    args.length > 7 ? Integer.parseInt(args[7]) : -1);
            case "retry" -> retry(args[1], args[2], Path.of(args[3]));
            case "verify" -> System.exit(verify(args[1], args[2], Path.of(args[3]), args[4]) ? 0 : 1);
            default -> throw new IllegalArgumentException("post, retry or verify");
        }
    }

    static void post(String base, String article, int workers, int seconds, Path log, long killPid, int killAfter)
            throws Exception {
        java.util.concurrent.atomic.AtomicLong end = new java.util.concurrent.atomic.AtomicLong(
                System.nanoTime() + seconds * 1_000_000_000L);
        AtomicInteger created = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        // a random start among 16.7 million addresses (ipOf): two runs in a row (a warm-up, then the measure) meet
        // addresses the other used within the flood window with a chance of about 0.2%; a 429 shows in "by status"
        AtomicInteger sequence = new AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24));
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end.get()) {
                    String key = run + "-" + sequence.incrementAndGet();
                    long sent = System.nanoTime();
                    Answer answer = send(base, article, key);
                    long took = System.nanoTime() - sent;
                    if (answer.status == 201) {
                        latencies.add(took);
                    }
                    if (answer.status != 0) {
                        answered.add(took);
                    }
                    if (answer.status == 201 && created.incrementAndGet() == killAfter) {
                        ProcessHandle.of(killPid).ifPresent(ProcessHandle::destroyForcibly);
                        System.out.println("post: killed process " + killPid + " with SIGKILL after " + killAfter
                                + " comments were created");
                        end.set(System.nanoTime() + 1_000_000_000L);
                    }
                    statuses.computeIfAbsent(answer.status, s -> new AtomicInteger()).incrementAndGet();
                    lines.add(key + " " + answer.status + " " + answer.id);
                    if (answer.status == 0) {
                        pause(100); // no server: a refused connection would otherwise come back at once
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Files.write(log, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.println("post: " + lines.size() + " requests in " + elapsedMs + " ms, by status " + statuses);
        List<Long> sorted = new ArrayList<>(latencies);
        java.util.Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("post: %.0f comments/s created; latency of a 201: p50 %.1f ms, p99 %.1f ms%n",
                    sorted.size() * 1000.0 / elapsedMs, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6);
        }
        int[] classes = new int[6];
        statuses.forEach((status, count) -> classes[status / 100] += count.get());
        List<Long> all = new ArrayList<>(answered);
        java.util.Collections.sort(all);
        long overTen = all.stream().filter(ns -> ns > 10_000_000_000L).count();
        System.out.printf("post: answers 2xx %d, 4xx %d, 5xx %d, none within %d s %d; every answer: p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms, %d over 10 s%n", classes[2], classes[4], classes[5],
                TIMEOUT_SECONDS, classes[0], all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6,
                all.isEmpty() ? 0 : all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6,
                all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e6, overTen);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void retry(String base, String article, Path log) throws IOException {
        List<String> out = new ArrayList<>();
        int retried = 0;
        for (String line : Files.readAllLines(log)) {
            String[] f = line.split(" ");
            if (!f[1].equals("0")) {
                out.add(line);
                continue;
            }
            Answer answer = send(base, article, f[0]);
            out.add(f[0] + " " + answer.status + " " + answer.id);
            retried++;
        }
        Files.write(log, out, StandardCharsets.UTF_8);
        System.out.println("retry: " + retried + " requests that had no answer were sent again");
    }

    static boolean verify(String base, String article, Path log, String credentials) throws Exception {
        Map<String, Long> answered = new HashMap<>();
        int unanswered = 0;
        int serverErrors = 0;
        for (String line : Files.readAllLines(log)) {
            String[] f = line.split(" ");
            if (f[1].equals("201")) {
                answered.put(f[0], Long.parseLong(f[2]));
            } else if (f[1].equals("0")) {
                unanswered++;
            } else if (f[1].startsWith("5")) {
                serverErrors++;
            }
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        Map<Long, String> stored = new HashMap<>();
        String after = null;
        do {
            String url = base + "/api/moderation/queue?limit=200&articleId=" + article
                    + (after == null ? "" : "&after=" + after);
            HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", auth).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher items = Pattern.compile("\\{\"id\":(\\d+),.*?\"body\":\"(durability [^\"]+)\"")
                    .matcher(page.body());
            while (items.find()) {
                stored.put(Long.parseLong(items.group(1)), items.group(2));
            }
            Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(page.body());
            after = next.find() ? next.group(1) : null;
        } while (after != null);

        List<String> problems = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (Map.Entry<String, Long> entry : answered.entrySet()) {
            String body = stored.get(entry.getValue());
            if (body == null) {
                problems.add("lost: key " + entry.getKey() + " got 201 with id " + entry.getValue());
            } else if (!body.equals(body(entry.getKey()))) {
                problems.add("wrong body for id " + entry.getValue());
            }
            if (!ids.add(entry.getValue())) {
                problems.add("two keys answered with one id " + entry.getValue());
            }
        }
        Set<String> bodies = new HashSet<>(stored.values());
        if (bodies.size() != stored.size()) {
            problems.add("duplicated: " + (stored.size() - bodies.size()) + " comments stored twice");
        }
        if (stored.size() != answered.size()) {
            problems.add("stored " + stored.size() + " comments but " + answered.size() + " keys got a 201");
        }
        if (serverErrors > 0) {
            problems.add(serverErrors + " answers were 5xx");
        }
        System.out.println("verify: " + answered.size() + " comments answered 201, " + stored.size()
                + " stored, " + unanswered + " still unanswered, " + problems.size() + " problems");
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        return problems.isEmpty() && unanswered == 0;
    }

    record Answer(int status, long id) {
    }

    /**
     * One keep-alive HTTP/1.1 connection per worker over a plain socket: the JDK's HttpClient spent a third of a core
     * at a few hundred requests a second, which the service, on the same two cores, then lacked.
     */
    private static final ThreadLocal<Connection> CONNECTION = new ThreadLocal<>();

    static Answer send(String base, String article, String key) {
        byte[] json = ("{\"authorName\":\"Load " + key + "\",\"authorEmail\":\"load-" + key
                + "@example.org\",\"body\":\"" + body(key) + "\"}").getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(base);
        String head = "POST /api/articles/" + article + "/comments HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key
                + "\r\nX-Forwarded-For: " + ipOf(key) + "\r\nContent-Length: " + json.length + "\r\n\r\n";
        Connection connection = CONNECTION.get();
        try {
            if (connection == null) {
                connection = new Connection(uri.getHost(), uri.getPort());
                CONNECTION.set(connection);
            }
            connection.out.write(head.getBytes(StandardCharsets.US_ASCII));
            connection.out.write(json);
            connection.out.flush();
            int status = connection.readStatus();
            String body = connection.readBody();
            if (connection.closeAfterBody) {
                connection.close();
                CONNECTION.remove();
            }
            Matcher id = ID.matcher(body);
            return new Answer(status, status == 201 && id.find() ? Long.parseLong(id.group(1)) : 0);
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            CONNECTION.remove();
            return new Answer(0, 0);
        }
    }

    static final class Connection {
        final java.net.Socket socket;
        final java.io.BufferedInputStream in;
        final java.io.OutputStream out;
        boolean closeAfterBody;
        int contentLength;
        boolean chunked;

        Connection(String host, int port) throws IOException {
            socket = new java.net.Socket();
            socket.connect(new java.net.InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(TIMEOUT_SECONDS * 1000);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
        }

        int readStatus() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            contentLength = 0;
            chunked = false;
            closeAfterBody = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfterBody = true;
                }
            }
            return status;
        }

        String readBody() throws IOException {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else {
                body.write(in.readNBytes(contentLength));
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /**
     * A distinct address in 10.0.0.0/8 per request, so no IP posts twice within the flood window. (198.18.0.0/15, the
     * range reserved for benchmarks, has 131,072 addresses: fewer than a warm-up of 150 s now posts, and the measured
     * run then met addresses the warm-up had just used, and 429s.)
     */
    static String ipOf(String key) {
        int n = Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    static String body(String key) {
        return "durability " + key;
    }
}
