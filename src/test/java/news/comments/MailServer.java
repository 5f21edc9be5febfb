package news.comments;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * GreenMail, a real SMTP server, on a free loopback port for the whole test JVM (see {@link MailServerResource}):
 * mail tests read what the service really sent over SMTP. {@link #stop()} and {@link #start()} let a test take the
 * server away and bring it back on the same port.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static volatile int port;
    private static volatile GreenMail greenMail;

    @Override
    public synchronized Map<String, String> start() {
        if (port == 0) {
            port = freePort();
        }
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port));
    }

    @Override
    public synchronized void stop() {
        stopServer();
    }

    /** Takes the SMTP server away: connections are refused until {@link #startServer()}. */
    public static synchronized void stopServer() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /**
     * Brings the SMTP server (back) on the same port, with an empty mailbox, and returns once it greets a client as
     * SMTP servers do ({@code 220}), so a test that restarts it never races its start.
     */
    public static synchronized void startServer() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            awaitGreeting();
        }
    }

    private static void awaitGreeting() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(2000);
                String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                socket.getOutputStream().write("QUIT\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                if (greeting != null && greeting.startsWith("220")) {
                    return;
                }
            } catch (IOException e) {
                // not accepting yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the SMTP server on port " + port + " does not greet");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every message received so far, oldest first. */
    public static List<MimeMessage> received() {
        GreenMail server = greenMail;
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the SMTP server", e);
        }
    }
}
