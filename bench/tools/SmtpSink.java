import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server for the benchmarks that accepts every mail and keeps none, with only the JDK: the service's mail
 * then goes out as it does in production (a connection, a conversation, a 250), instead of failing against a closed
 * port and coming back as retries, or piling up in the mailer's in-memory mock. It speaks the commands the service's
 * mailer (the Vert.x mail client) sends, advertises no extension but 8BITMIME, and answers 500 to anything else.
 *
 * <pre>
 * java SmtpSink PORT COUNT-FILE     listen on 127.0.0.1:PORT; write the number of mails accepted to COUNT-FILE once a
 *                                   second (the benchmark reads it)
 * </pre>
 */
public class SmtpSink {

    private static final AtomicLong accepted = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path countFile = Path.of(args[1]);
        Thread counter = new Thread(() -> {
            long written = -1;
            while (true) {
                long now = accepted.get();
                if (now != written) {
                    try {
                        Files.writeString(countFile, now + "\n");
                        written = now;
                    } catch (IOException e) {
                        System.err.println("smtp-sink: " + e.getMessage());
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        counter.setDaemon(true);
        counter.start();
        try (ServerSocket server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                Thread conversation = new Thread(() -> converse(socket));
                conversation.setDaemon(true);
                conversation.start();
            }
        }
    }

    private static void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 127.0.0.1 bench sink");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-127.0.0.1\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with a dot");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the mail is read and dropped
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 OK kept nowhere");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "500 not here");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
