package io.essays.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook target on loopback that records every request and answers from a script: a status, or {@code -1} to
 * hold the request longer than the sender's time-out. Once the script is used up it answers 204.
 */
public final class WebhookReceiver {
    public record Received(String signature, String event, String delivery, byte[] body, long receivedAtMillis) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("Essays-Signature"),
                    exchange.getRequestHeaders().getFirst("Essays-Event"),
                    exchange.getRequestHeaders().getFirst("Essays-Delivery"), body, System.currentTimeMillis()));
            Integer next;
            synchronized (script) {
                next = script.pollFirst();
            }
            int status = next == null ? 204 : next;
            if (status == -1) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The answers to give, in order, before answering 204. */
    public void script(Integer... statuses) {
        synchronized (script) {
            script.clear();
            script.addAll(List.of(statuses));
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    public void stop() {
        server.stop(0);
    }

}
