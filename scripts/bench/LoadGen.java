import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator of the activity benchmark, a separate process: fires a burst of registrations (or voucher
 * claims) over HTTP/1.1 keep-alive connections with bearer tokens of distinct members, as the mobile app would,
 * and reports attempts per second and latency by outcome. Writes "memberNumber,targetId" for every 201 to --out,
 * for the exactness check.
 *
 * <p>The {@code --concurrency} connections are closed loops (the next attempt leaves when the previous answer is
 * in), driven by {@code --threads} selector threads over non-blocking sockets. That keeps the load generator's own
 * CPU use small (it shares the machine with the service and the database): a thread per blocking socket cost a
 * thread switch per answer, java.net.http three times the CPU.
 *
 * <p>With {@code --service-pid} (one pid, or several separated by commas: the instances of a cluster) it also prints
 * the CPU time each service process spent per attempt during the burst (from /proc), beside its own, that of the
 * machine's other processes by name (postgres, nginx, redis-server …: every process whose name is not the
 * service's) and the share of the machine that was busy.
 *
 * java LoadGen.java --base http://127.0.0.1:8080 --members 100000 --attempts 200000 --concurrency 128
 *     --kind register|voucher --targets 12,13,14 --out ok.csv [--seed 1] [--warmup yes] [--threads 2]
 *     [--warmup-count 100000] [--service-pid 1234[,5678]]
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
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
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

        // members open the activity page before the opening (untimed): connections, JIT (the service's and this
        // process's own) and sign-in caches warm up
        if (a.containsKey("warmup")) {
            String path = kind.equals("voucher") ? "/api/v1/vouchers/offers" : "/api/v1/activities/" + targets[0];
            int count = Integer.parseInt(a.getOrDefault("warmup-count", String.valueOf(members)));
            run(base, concurrency, threads, count, m -> request("GET", path, m % members + 1, base));
        }

        String[] keys = new String[attempts];
        long[] nanos = new long[attempts];
        ConcurrentLinkedQueue<String> ok = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long[] servicePids = Arrays.stream(a.getOrDefault("service-pid", "-1").split(","))
                .mapToLong(Long::parseLong).toArray();
        long[] serviceTicks = Arrays.stream(servicePids).map(LoadGen::ticksOf).toArray();
        Map<String, Long> others = ticksByName(servicePids);
        long[] machine = machineTicks();
        long ownNanos = ownCpuNanos();
        long start = System.nanoTime();
        run(base, concurrency, threads, attempts, i -> {
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
        double ownCpuUs = (ownCpuNanos() - ownNanos) / 1e3 / attempts;
        double[] serviceCpuUs = new double[servicePids.length];
        for (int s = 0; s < servicePids.length; s++) {
            serviceCpuUs[s] = (ticksOf(servicePids[s]) - serviceTicks[s]) * 1e6 / TICKS_PER_SECOND / attempts;
        }
        Map<String, Long> othersAfter = ticksByName(servicePids);
        long[] machineAfter = machineTicks();
        double busy = machineAfter[1] == machine[1] ? 0
                : 1 - (double) (machineAfter[0] - machine[0]) / (machineAfter[1] - machine[1]);
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
        StringBuilder services = new StringBuilder();
        for (int s = 0; s < servicePids.length; s++) {
            services.append(s == 0 ? "" : "+").append(String.format("%.1f", servicePids[s] < 0 ? Double.NaN
                    : serviceCpuUs[s]));
        }
        System.out.printf("  cpu: service_us_per_attempt=%s loadgen_us_per_attempt=%.1f machine_busy=%.2f%n",
                services, ownCpuUs, busy);
        StringBuilder byName = new StringBuilder("  cpu of others, us per attempt:");
        othersAfter.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.entry(e.getKey(), e.getValue() - others.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .forEach(e -> byName.append(String.format(" %s=%.1f", e.getKey(),
                        e.getValue() * 1e6 / TICKS_PER_SECOND / attempts)));
        System.out.println(byName);
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

    static void run(URI base, int concurrency, int threads, int count, Request request) throws Exception {
        run(base, concurrency, threads, count, request, (i, status, body, nanos) -> {
        });
    }

    /**
     * {@code count} requests over {@code concurrency} keep-alive connections (closed loop: a connection sends its
     * next request when the answer to the previous one is in), driven by {@code threads} selector threads.
     */
    static void run(URI base, int concurrency, int threads, int count, Request request, Answer answer)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
        List<Thread> workers = new ArrayList<>();
        int loops = Math.max(1, Math.min(threads, concurrency));
        for (int t = 0; t < loops; t++) {
            int connections = concurrency / loops + (t < concurrency % loops ? 1 : 0);
            Thread thread = new Thread(() -> new Loop(address, connections, count, next, request, answer).run(),
                    "loadgen-" + t);
            thread.setDaemon(true);
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            thread.join();
        }
    }

    /** One selector thread driving its share of the connections. */
    static final class Loop implements Runnable {
        private final InetSocketAddress address;
        private final int connections;
        private final int count;
        private final AtomicInteger next;
        private final Request request;
        private final Answer answer;
        private Selector selector;
        private int busy;

        Loop(InetSocketAddress address, int connections, int count, AtomicInteger next, Request request,
                Answer answer) {
            this.address = address;
            this.connections = connections;
            this.count = count;
            this.next = next;
            this.request = request;
            this.answer = answer;
        }

        @Override
        public void run() {
            try {
                selector = Selector.open();
                for (int c = 0; c < connections; c++) {
                    busy++;
                    new Connection().sendNext();
                }
                while (busy > 0) {
                    selector.select(1000);
                    long now = System.nanoTime();
                    for (SelectionKey key : selector.selectedKeys()) {
                        ((Connection) key.attachment()).ready(key);
                    }
                    selector.selectedKeys().clear();
                    for (SelectionKey key : selector.keys()) {
                        Connection c = (Connection) key.attachment();
                        if (c.index >= 0 && now - c.sent > TIMEOUT_NANOS) {
                            c.failed();
                        }
                    }
                }
                selector.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** One HTTP/1.1 connection: sends a request, reads the response (Content-Length or chunked). */
        final class Connection {
            private SocketChannel channel;
            private SelectionKey key;
            private ByteBuffer out;
            private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            private byte[] received = new byte[16 * 1024];
            private int length;
            int index = -1;
            long sent;

            /** Sends request {@code i}, opening the connection first if need be; false when there are none left. */
            boolean send(int i) throws IOException {
                if (i >= count) {
                    index = -1;
                    close();
                    return false;
                }
                index = i;
                length = 0;
                out = ByteBuffer.wrap(request.of(i));
                sent = System.nanoTime();
                if (channel == null) {
                    channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    key = channel.register(selector, 0, this);
                    if (!channel.connect(address)) {
                        key.interestOps(SelectionKey.OP_CONNECT);
                        return true;
                    }
                }
                write();
                return true;
            }

            void ready(SelectionKey k) {
                try {
                    if (k.isConnectable()) {
                        channel.finishConnect();
                        write();
                    } else if (k.isWritable()) {
                        write();
                    } else if (k.isReadable()) {
                        read();
                    }
                } catch (IOException | RuntimeException e) {
                    failed();
                }
            }

            private void write() throws IOException {
                channel.write(out);
                key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }

            private void read() throws IOException {
                int n = channel.read(in);
                if (n < 0) {
                    throw new java.io.EOFException();
                }
                in.flip();
                if (length + in.remaining() > received.length) {
                    received = Arrays.copyOf(received, Math.max(received.length * 2, length + in.remaining()));
                }
                in.get(received, length, in.remaining());
                length += n;
                in.clear();
                Response response = Response.parse(received, length);
                if (response != null) {
                    finished(response.status, response.body, response.close);
                }
            }

            private void finished(int status, String body, boolean close) {
                answer.took(index, status, body, System.nanoTime() - sent);
                if (close) {
                    close();
                }
                sendNext();
            }

            /** Counted as an error, never retried: a retried POST could hide an answer. */
            void failed() {
                close();
                finished(-1, "", false);
            }

            /** The next request, if any is left; one that cannot even be sent is an error too. */
            void sendNext() {
                while (true) {
                    try {
                        if (!send(next.getAndIncrement())) {
                            busy--;
                        }
                        return;
                    } catch (IOException | RuntimeException e) {
                        close();
                        answer.took(index, -1, "", System.nanoTime() - sent);
                    }
                }
            }

            private void close() {
                if (channel != null) {
                    key.cancel();
                    try {
                        channel.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                    channel = null;
                }
            }
        }
    }

    /** USER_HZ: the unit of the CPU times in /proc on Linux. */
    static final double TICKS_PER_SECOND = 100;

    /** The user and system CPU time of process {@code pid}, in ticks, or 0 if unknown. */
    static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The user and system CPU ticks of every process but these and this one, summed by process name (a process
     * that started or ended between two calls counts from zero or is missed: the load generator's own is apart).
     */
    static Map<String, Long> ticksByName(long[] except) {
        Map<String, Long> ticks = new HashMap<>();
        long self = ProcessHandle.current().pid();
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.map(d -> d.getFileName().toString()).filter(d -> d.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> pid != self && Arrays.stream(except).noneMatch(e -> e == pid))
                    .forEach(pid -> {
                        try {
                            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                        } catch (IOException | RuntimeException e) {
                            // gone in between
                        }
                    });
        } catch (IOException e) {
            // no /proc: nothing to say
        }
        return ticks;
    }

    /** The machine's idle and total CPU ticks, summed over all cores. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {Long.parseLong(f[4]) + Long.parseLong(f[5]), total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static final long TIMEOUT_NANOS = 60_000_000_000L;

    static byte[] request(String method, String path, int member, URI base) {
        return (method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer bench-token-" + String.format("%012d", member)
                + "\r\nAccept: application/json\r\nAccept-Language: en\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A whole HTTP/1.1 response read from the first {@code length} bytes, or null while more are to come. */
    record Response(int status, String body, boolean close) {

        static Response parse(byte[] b, int length) {
            int headersEnd = indexOf(b, 0, length, "\r\n\r\n");
            if (headersEnd < 0) {
                return null;
            }
            String[] lines = new String(b, 0, headersEnd, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            boolean close = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase();
                String value = lines[i].substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            int start = headersEnd + 4;
            if (!chunked) {
                long end = start + Math.max(0, contentLength);
                return end > length ? null
                        : new Response(status, new String(b, start, (int) (end - start), StandardCharsets.UTF_8), close);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = start;
            while (true) {
                int lineEnd = indexOf(b, at, length, "\r\n");
                if (lineEnd < 0) {
                    return null;
                }
                int size = Integer.parseInt(new String(b, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                        .split(";")[0].trim(), 16);
                at = lineEnd + 2;
                if (size == 0) {
                    int trailersEnd = indexOf(b, at - 2, length, "\r\n\r\n");
                    return trailersEnd < 0 ? null : new Response(status, body.toString(StandardCharsets.UTF_8), close);
                }
                if (at + size + 2 > length) {
                    return null;
                }
                body.write(b, at, size);
                at += size + 2;
            }
        }

        private static int indexOf(byte[] b, int from, int length, String what) {
            outer:
            for (int i = from; i <= length - what.length(); i++) {
                for (int j = 0; j < what.length(); j++) {
                    if (b[i + j] != what.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
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
