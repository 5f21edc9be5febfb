package news.comments.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An endpoint that accepts connections and never answers, as a receiver whose application hangs: every call to it
 * runs into the service's timeout. It notes when the first caller gave up (closed its connection). Closing it closes
 * every connection.
 */
final class HangingReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile Instant firstGivenUpAt;

    HangingReceiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.add(socket);
                    Thread reader = new Thread(() -> readUntilClosed(socket), "hanging-receiver-connection");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "hanging-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Reads and drops the request until the caller closes the connection, and notes the first such moment. */
    private void readUntilClosed(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // never answered
            }
        } catch (IOException e) {
            // closed by either side
        }
        if (firstGivenUpAt == null && !server.isClosed()) {
            firstGivenUpAt = Instant.now();
        }
    }

    /** When a caller first gave up waiting, or null while every call still waits. */
    Instant firstGivenUpAt() {
        return firstGivenUpAt;
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
    }

    /** Connections accepted so far, each a call that waits for an answer. */
    int connections() {
        return connections.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
