import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator of the activity benchmark, a separate process: fires a burst of registrations (or voucher
 * claims) over HTTP with bearer tokens of distinct members, as the mobile app would, and reports attempts per
 * second and latency by outcome. Writes "memberNumber,targetId" for every 201 to --out, for the exactness check.
 *
 * java LoadGen.java --base http://127.0.0.1:8080 --members 100000 --attempts 200000 --concurrency 128
 *     --kind register|voucher --targets 12,13,14 --out ok.csv [--seed 1] [--warmup yes]
 */
public class LoadGen {

    record Outcome(String key, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = a.getOrDefault("base", "http://127.0.0.1:8080");
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

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(attempts);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ok = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();

        // members open the activity page before the opening (untimed): connections, JIT and sign-in caches warm up
        if (a.containsKey("warmup")) {
            String path = kind.equals("voucher") ? "/api/v1/vouchers/offers" : "/api/v1/activities/" + targets[0];
            CountDownLatch warm = new CountDownLatch(members);
            for (int m = 1; m <= members; m++) {
                inFlight.acquire();
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer bench-token-" + String.format("%012d", m))
                        .timeout(Duration.ofSeconds(60)).GET().build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, f) -> {
                    inFlight.release();
                    warm.countDown();
                });
            }
            warm.await();
        }
        long start = System.nanoTime();
        for (int i = 0; i < attempts; i++) {
            inFlight.acquire();
            int member = who[i];
            long t = target[i];
            String path = kind.equals("voucher") ? "/api/v1/vouchers/offers/" + t + "/claims"
                    : "/api/v1/activities/" + t + "/registrations";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer bench-token-" + String.format("%012d", member))
                    .header("Accept-Language", "en").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            long sent = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long nanos = System.nanoTime() - sent;
                String key;
                if (failure != null) {
                    key = "error";
                    errors.incrementAndGet();
                } else if (response.statusCode() == 201) {
                    key = "201";
                    ok.add(member + "," + t);
                } else {
                    String body = response.body();
                    int c = body.indexOf("\"code\":\"");
                    key = response.statusCode() + (c < 0 ? "" : " " + body.substring(c + 8, body.indexOf('"', c + 8)));
                }
                outcomes.add(new Outcome(key, nanos));
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            ok.forEach(w::println);
        }
        Map<String, List<Long>> byKey = new HashMap<>();
        List<Long> all = new ArrayList<>();
        for (Outcome o : outcomes) {
            byKey.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o.nanos());
            all.add(o.nanos());
        }
        System.out.printf("attempts=%d seconds=%.2f attempts_per_s=%.0f median_ms=%.2f p99_ms=%.2f ok=%d errors=%d%n",
                attempts, seconds, attempts / seconds, pct(all, 50), pct(all, 99), ok.size(), errors.get());
        byKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(
                "  outcome=%-45s count=%7d median_ms=%8.2f p99_ms=%8.2f%n", e.getKey(), e.getValue().size(),
                pct(e.getValue(), 50), pct(e.getValue(), 99)));
        System.exit(0);
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
