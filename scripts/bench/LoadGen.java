import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator of the activity benchmark, a separate process: fires a burst of registrations (or voucher
 * claims) over HTTP/1.1 keep-alive connections with bearer tokens of distinct members, as the mobile app would,
 * and reports attempts per second and latency by outcome. Writes "memberNumber,targetId" for every 201 to --out,
 * for the exactness check.
 *
 * <p>Each of the {@code --concurrency} connections is a blocking socket driven by its own thread (closed loop:
 * the next attempt leaves when the previous answer is in). Plain sockets rather than java.net.http keep the load
 * generator's own CPU use small: it shares the machine with the service and the database.
 *
 * java LoadGen.java --base http://127.0.0.1:8080 --members 100000 --attempts 200000 --concurrency 128
 *     --kind register|voucher --targets 12,13,14 --out ok.csv [--seed 1] [--warmup yes]
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI base = URI.create(a.getOrDefault("base", "http://127.0.0.1:8080"));
        int members = Integer.parseInt(a.getOrDefault("members", "100000"));
        int attempts = Integer.parseInt(a.getOrDefault("attempts", "200000"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "128"));
        String kind = a.getOrDefault("kind", "register");
        long[] targets = Arrays.stream(a.get("targets").split(",")).mapToLong(Long::parseLong).toArray();
        Path out = Path.of(a.getOrDefault("out", "ok.csv"));
        Random random = new Random(Long.parseLong(a.getOrDefault("seed", "1")));

        // every member attempts attempts/members times, in a shuffled order
        int[] who = new int[attempts];
        for (int i = 0; i < attempts; i++) {
            who[i] = 1 + i % members;
        }
        for (int i = attempts - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = who[i];
            who[i] = who[j];
            who[j] = t;
        }
        long[] target = new long[attempts];
        for (int i = 0; i < attempts; i++) {
            target[i] = targets[random.nextInt(targets.length)];
        }

        // members open the activity page before the opening (untimed): connections, JIT and sign-in caches warm up
        if (a.containsKey("warmup")) {
            String path = kind.equals("voucher") ? "/api/v1/vouchers/offers" : "/api/v1/activities/" + targets[0];
            run(base, concurrency, members, m -> request("GET", path, m + 1, base));
        }

        String[] keys = new String[attempts];
        long[] nanos = new long[attempts];
        ConcurrentLinkedQueue<String> ok = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        run(base, concurrency, attempts, i -> {
            String path = kind.equals("voucher") ? "/api/v1/vouchers/offers/" + target[i] + "/claims"
                    : "/api/v1/activities/" + target[i] + "/registrations";
            return request("POST", path, who[i], base);
        }, (i, status, body, took) -> {
            nanos[i] = took;
            if (status < 0) {
                keys[i] = "error";
                errors.incrementAndGet();
            } else if (status == 201) {
                keys[i] = "201";
                ok.add(who[i] + "," + target[i]);
            } else {
                int c = body.indexOf("\"code\":\"");
                keys[i] = status + (c < 0 ? "" : " " + body.substring(c + 8, body.indexOf('"', c + 8)));
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            ok.forEach(w::println);
        }
        Map<String, List<Long>> byKey = new HashMap<>();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            byKey.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(nanos[i]);
            all.add(nanos[i]);
        }
        System.out.printf("attempts=%d seconds=%.2f attempts_per_s=%.0f median_ms=%.2f p99_ms=%.2f ok=%d errors=%d%n",
                attempts, seconds, attempts / seconds, pct(all, 50), pct(all, 99), ok.size(), errors.get());
        byKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(
                "  outcome=%-45s count=%7d median_ms=%8.2f p99_ms=%8.2f%n", e.getKey(), e.getValue().size(),
                pct(e.getValue(), 50), pct(e.getValue(), 99)));
        System.exit(0);
    }

    interface Request {
        byte[] of(int i);
    }

    interface Answer {
        void took(int i, int status, String body, long nanos);
    }

    static void run(URI base, int concurrency, int count, Request request) throws InterruptedException {
        run(base, concurrency, count, request, (i, status, body, nanos) -> {
        });
    }

    /** {@code count} requests over {@code concurrency} keep-alive connections, each its own thread. */
    static void run(URI base, int concurrency, int count, Request request, Answer answer) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                Connection c = null;
                try {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        byte[] bytes = request.of(i);
                        long sent = System.nanoTime();
                        int status = -1;
                        String body = "";
                        try {
                            if (c == null) {
                                c = new Connection(base);
                            }
                            c.out.write(bytes);
                            c.out.flush();
                            status = c.readResponse();
                            body = c.body;
                            if (c.close) {
                                c.closeQuietly();
                                c = null;
                            }
                        } catch (IOException | RuntimeException e) {
                            // counted as an error, never retried: a retried POST could hide an answer
                            if (c != null) {
                                c.closeQuietly();
                            }
                            c = null;
                        }
                        answer.took(i, status, body, System.nanoTime() - sent);
                    }
                } finally {
                    if (c != null) {
                        c.closeQuietly();
                    }
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
    }

    static byte[] request(String method, String path, int member, URI base) {
        return (method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer bench-token-" + String.format("%012d", member)
                + "\r\nAccept: application/json\r\nAccept-Language: en\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** One HTTP/1.1 connection: writes requests, reads responses (Content-Length or chunked). */
    static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        String body;
        boolean close;

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase();
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    bytes.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                bytes.write(in.readNBytes((int) length));
            }
            body = bytes.toString(StandardCharsets.UTF_8);
            return status;
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new java.io.EOFException();
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
