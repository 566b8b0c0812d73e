import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fault ledger (issue 12 §3): steady, mixed traffic through the public APIs of the local stack with two replicas of
 * every service (registry commands, benefit applications, placement profiles, reporting reads, each request to the next
 * replica), real Keycloak tokens, while faults are injected one at a time. Every accepted command is written to the
 * ledger with the stream and version its ETag names; afterwards the whole {@code case-events} topic is read and every
 * accepted command's event must be on it (lost = 0), no stream version may carry two different events (duplicates = 0),
 * and no request may have answered a 5xx other than 503. Reporting's exactly-once is checked by a rebuild from offset 0
 * whose checksum must equal the live projection's.
 * <p>
 * Run by tools/chaos/run (which starts the stack with two replicas); the faults are carried out by that script's
 * functions, called back through {@code tools/chaos/fault <name>}.
 */
public class Chaos {

    record Entry(String phase, String service, String stream, long version, int status) {
    }

    record PhaseResult(String fault, String description, long accepted, long rejected, long unavailable, long avoidable5xx,
                       double recoverySeconds, double faultSeconds, double longestStall, String rejectedCodes, double lagSeconds,
                       String notes) {
    }

    /** What a fault must show besides the ledger (not-ready during F12, the refused second rebuild, ...); any entry fails the run. */
    final List<String> failures = new CopyOnWriteArrayList<>();

    /** Health and metrics answer on the management interface, at the instance's HTTP port + this (deploy/local/lib.sh). */
    static final int MANAGEMENT_OFFSET = 1100;
    static final String[][] SERVICES = {{"client-registry", "8081"}, {"benefit-calculation", "8082"}, {"job-placement", "8083"},
            {"reporting", "8084"}};
    static final Pattern GAUGE = Pattern.compile("(?m)^(aeh_outbox_lag_seconds|aeh_consumer_stalled_seconds|aeh_clock_skew_seconds)"
            + "(\\{[^}]*\\})?\\s+(\\S+)$");

    /** Every instance by name (client-registry, client-registry-2, ...) and port. */
    Map<String, Integer> instances() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int k = 1; k <= replicas; k++) {
            for (String[] svc : SERVICES) {
                out.put(svc[0] + (k == 1 ? "" : "-" + k), Integer.parseInt(svc[1]) + 10 * (k - 1));
            }
        }
        return out;
    }

    /**
     * Watches every instance while a fault lasts: how long each was not ready, the lag gauges (never negative, also when
     * a replica's clock is off) and the largest clock skew a replica reported.
     */
    class Watch implements Runnable {
        final Map<String, Long> notReadyMillis = new ConcurrentHashMap<>();
        final Map<String, Double> skew = new ConcurrentHashMap<>();
        final List<String> negative = new CopyOnWriteArrayList<>();
        volatile boolean stop;

        public void run() {
            int round = 0;
            while (!stop) {
                long t0 = System.nanoTime();
                for (Map.Entry<String, Integer> i : instances().entrySet()) {
                    // health and metrics are on the management interface: the instance's port + 1100 (deploy/local/lib.sh)
                    String base = "http://127.0.0.1:" + (i.getValue() + MANAGEMENT_OFFSET);
                    int code = status(base + "/q/health/ready");
                    if (code != 200) {
                        notReadyMillis.merge(i.getKey(), 500L, Long::sum);
                    }
                    if (round % 4 == 0 && code != 0) {
                        String metrics = body(base + "/q/metrics");
                        Matcher m = GAUGE.matcher(metrics == null ? "" : metrics);
                        while (m.find()) {
                            double v;
                            try {
                                v = Double.parseDouble(m.group(3));
                            } catch (NumberFormatException e) {
                                continue;
                            }
                            if (m.group(1).equals("aeh_clock_skew_seconds")) {
                                skew.merge(i.getKey(), v, (a, b) -> Math.abs(a) >= Math.abs(b) ? a : b);
                            } else if (v < 0) {
                                negative.add(i.getKey() + " " + m.group(1) + " = " + v);
                            }
                        }
                    }
                }
                round++;
                long rest = 500 - (System.nanoTime() - t0) / 1_000_000;
                if (rest > 0) {
                    try {
                        Thread.sleep(rest);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    String body(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    /** Accepted-command times per phase (ns), for the longest stretch without any accepted command. */
    final Map<String, List<Long>> acceptedAt = new ConcurrentHashMap<>();
    final Map<String, Map<Integer, Long>> rejectedByCode = new ConcurrentHashMap<>();

    static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern PERSON_ID = Pattern.compile("\"personId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    static final Pattern STREAM_ID = Pattern.compile("\"streamid\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern STREAM_VERSION = Pattern.compile("\"streamversion\"\\s*:\\s*(\\d+)");
    static final Pattern ANY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    static final Pattern EQUAL = Pattern.compile("\"checksumsEqual\"\\s*:\\s*(true|false|null)");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final String keycloak = env("AEH_KEYCLOAK_URL", "http://127.0.0.1:8180");
    final int replicas = Integer.parseInt(env("AEH_CHAOS_REPLICAS", "2"));
    final Path repo = Path.of(env("AEH_REPO", "."));
    final List<Entry> ledger = new CopyOnWriteArrayList<>();
    final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    final AtomicLong turn = new AtomicLong();
    final AtomicBoolean running = new AtomicBoolean(true);
    volatile String phase = "warm-up";
    final Map<String, long[]> counts = new ConcurrentHashMap<>(); // phase -> accepted, rejected, 503, other 5xx / no answer at end
    final String today = LocalDate.now().toString();

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The base URL of the next instance of a service (port + 10 per replica). */
    String base(int port) {
        int k = (int) (turn.getAndIncrement() % replicas);
        return "http://127.0.0.1:" + (port + 10 * k);
    }

    // one token request at a time: Keycloak's brute-force detection (on in the realm) refuses concurrent logins of
    // the same user as a possible attack ("user_temporarily_disabled")
    synchronized String token(String user) throws Exception {
        String[] t = tokens.get(user);
        if (t != null && Instant.parse(t[1]).isAfter(Instant.now())) {
            return t[0];
        }
        String form = "grant_type=password&client_id=aeh-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo-local-only";
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/aus-einer-hand/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": HTTP " + res.statusCode());
        }
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(res.body());
        m.find();
        tokens.put(user, new String[] {m.group(1), Instant.now().plusSeconds(60).toString()});
        return m.group(1);
    }

    /** One request; a connection failure or timeout is status 0 (no answer). */
    HttpResponse<String> send(String user, String method, String url, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token(user));
            headers.forEach(b::header);
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    void count(int status) {
        long[] c = counts.computeIfAbsent(phase, k -> new long[4]);
        if (status >= 400 && status < 500 || status > 503 || status == 500 || status == 501 || status == 502) {
            rejectedByCode.computeIfAbsent(phase, k -> new ConcurrentHashMap<>()).merge(status, 1L, Long::sum);
        }
        synchronized (c) {
            if (status >= 200 && status < 300) {
                acceptedAt.computeIfAbsent(phase, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime());
                c[0]++;
            } else if (status == 503 || status == 0) {
                c[2]++;
            } else if (status >= 500) {
                c[3]++;
            } else {
                c[1]++;
            }
        }
    }

    static long etag(HttpResponse<String> r) {
        String e = r.headers().firstValue("ETag").orElse("\"-1\"").replaceAll("[^0-9-]", "");
        return Long.parseLong(e);
    }

    /**
     * A command with If-Match on a stream only this worker writes: on no answer or a 503 it reads the stream's version again;
     * one higher than before means the command took effect (accepted), else it is sent again, for at most 90 s.
     */
    long ifMatch(String user, String service, String stream, int port, String path, String method, String body, long version,
                 String versionUrlPath, String versionPort) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && running.get()) {
            HttpResponse<String> r = send(user, method, base(port) + path, body, Map.of("If-Match", "\"" + version + "\""));
            int status = r == null ? 0 : r.statusCode();
            count(status);
            if (status >= 200 && status < 300) {
                long v = etag(r);
                ledger.add(new Entry(phase, service, stream, v, status));
                return v;
            }
            if (status == 412 || status == 0 || status >= 500) {
                HttpResponse<String> now = send(user, "GET", base(Integer.parseInt(versionPort)) + versionUrlPath, null, Map.of());
                if (now != null && now.statusCode() == 200 && etag(now) == version + 1) {
                    ledger.add(new Entry(phase, service, stream, version + 1, 200));
                    return version + 1;
                }
                Thread.sleep(500);
                continue;
            }
            return -1; // a rejection (4xx): nothing may be on the topic for it
        }
        return -1;
    }

    void worker(int n) {
        String user = n % 2 == 0 ? "cw-meschede" : "cw-arnsberg";
        String ags = n % 2 == 0 ? "05958032" : "05958004";
        while (running.get()) {
            try {
                oneCase(user, ags);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // keep the traffic going; the counts show what failed
            }
        }
    }

    void oneCase(String user, String ags) throws InterruptedException {
        // open (Idempotency-Key): the key makes a retry after no answer safe
        String key = UUID.randomUUID().toString();
        HttpResponse<String> opened = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && running.get()) {
            opened = send(user, "POST", base(8081) + "/api/v1/cases", "{\"municipality\":\"" + ags + "\",\"openedOn\":\"" + today + "\"}",
                    Map.of("Idempotency-Key", key));
            int status = opened == null ? 0 : opened.statusCode();
            count(status);
            if (status == 201 || status == 200) {
                break;
            }
            if (status != 0 && status < 500) {
                return;
            }
            opened = null;
            Thread.sleep(500);
        }
        if (opened == null) {
            return;
        }
        String caseId = match(CASE_ID, opened.body());
        String stream = "case-" + caseId;
        long v = etag(opened);
        ledger.add(new Entry(phase, "client-registry", stream, v, 201));
        String casePath = "/api/v1/cases/" + caseId;
        v = ifMatch(user, "client-registry", stream, 8081, casePath + "/persons", "POST",
                "{\"role\":\"HEAD\",\"firstName\":\"Chaos\",\"lastName\":\"Test\",\"birthDate\":\"1985-05-05\",\"sex\":\"FEMALE\",\"employable\":true}",
                v, casePath, "8081");
        if (v < 0) {
            return;
        }
        HttpResponse<String> c = send(user, "GET", base(8081) + casePath, null, Map.of());
        String head = c == null ? null : match(PERSON_ID, c.body());
        v = ifMatch(user, "client-registry", stream, 8081, casePath + "/housing-costs", "POST",
                "{\"effectiveFrom\":\"" + today + "\",\"rent\":\"400.00\",\"heating\":\"80.00\",\"utilities\":\"0.00\",\"householdSize\":1}",
                v, casePath, "8081");
        if (v < 0 || head == null) {
            return;
        }
        // benefit application once benefit-calculation knows the case (Idempotency-Key)
        if (await(user, 8082, "/api/v1/known-cases/" + caseId)) {
            String bkey = UUID.randomUUID().toString();
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < until && running.get()) {
                HttpResponse<String> r = send(user, "POST", base(8082) + "/api/v1/cases/" + caseId + "/benefits/application",
                        "{\"receivedOn\":\"" + today + "\"}", Map.of("Idempotency-Key", bkey));
                int status = r == null ? 0 : r.statusCode();
                count(status);
                if (status >= 200 && status < 300) {
                    ledger.add(new Entry(phase, "benefit-calculation", "benefits-" + caseId, etag(r), status));
                    break;
                }
                if (status != 0 && status < 500) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        // placement profile (If-Match on the placement file)
        if (await(user, 8083, "/api/v1/known-cases/" + caseId)) {
            ifMatch(user, "job-placement", "placement-" + caseId, 8083, "/api/v1/cases/" + caseId + "/placement/persons/" + head + "/profile",
                    "PUT", "{\"qualifications\":[\"Pflegebasiskurs\"],\"occupationsSought\":[\"82102\"],\"mobilityRadiusKm\":25}", 0,
                    "/api/v1/cases/" + caseId + "/placement", "8083");
        }
        // an analyst's read
        HttpResponse<String> r = send("analyst", "GET", base(8084) + "/api/v1/stocks?month=" + today.substring(0, 7), null, Map.of());
        count(r == null ? 0 : r.statusCode());
    }

    boolean await(String user, int port, String path) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until && running.get()) {
            HttpResponse<String> r = send(user, "GET", base(port) + path, null, Map.of());
            if (r != null && r.statusCode() == 200) {
                return true;
            }
            Thread.sleep(300);
        }
        return false;
    }

    static String match(Pattern p, String s) {
        Matcher m = p.matcher(s == null ? "" : s);
        return m.find() ? m.group(1) : null;
    }

    /** Runs tools/chaos/fault with the fault's name; returns when the fault is over (the component is started again). */
    void fault(String name) throws Exception {
        Process p = new ProcessBuilder(repo.resolve("tools/chaos/fault").toString(), name).directory(repo.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("tools/chaos/fault " + name + " failed");
        }
    }

    /** Seconds until every instance is ready and a new case goes through the registry again. */
    double recovery(long restoredAt) throws Exception {
        int[] ports = {8081, 8082, 8083, 8084};
        long until = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        for (int k = 0; k < replicas; k++) {
            for (int port : ports) {
                while (System.nanoTime() < until) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 10 * k + MANAGEMENT_OFFSET) + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            break;
                        }
                    } catch (IOException e) {
                        // not yet
                    }
                    Thread.sleep(250);
                }
            }
        }
        return (System.nanoTime() - restoredAt) / 1e9;
    }

    public static void main(String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            System.out.println("CHAOS FAILED (" + e + ")");
            System.exit(2);
        });
        new Chaos().run(args.length > 0 ? List.of(args[0].split(",")) : List.of("F1", "F4", "F5", "F6", "F3", "F12", "F13", "F22", "F23"),
                args.length > 1 ? Integer.parseInt(args[1]) : 20);
    }

    static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("F1", "Kafka broker killed (SIGKILL), down 30 s, restarted");
        DESCRIPTIONS.put("F4", "a consumer replica (benefit-calculation-2) killed -9 mid-traffic, twice, restarted");
        DESCRIPTIONS.put("F5", "reporting-2 stopped and started three times (rebalance storm)");
        DESCRIPTIONS.put("F6", "PostgreSQL restarted under load");
        DESCRIPTIONS.put("F3", "the replica holding client-registry's relay lock killed -9");
        DESCRIPTIONS.put("F12", "a projection table of reporting (rp_membership) locked for 90 s");
        DESCRIPTIONS.put("F13", "a reporting rebuild started on both replicas at once under live traffic (F13/F14)");
        DESCRIPTIONS.put("F22", "client-registry-2's clock 5 minutes ahead (libfaketime) for 60 s of traffic");
        DESCRIPTIONS.put("F23", "client-registry's database refuses writes (read-only) for 30 s");
    }

    void run(List<String> faults, int steadySeconds) throws Exception {
        int workers = Integer.parseInt(env("AEH_CHAOS_WORKERS", "4"));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int n = i;
            Thread t = new Thread(() -> worker(n), "worker-" + i);
            t.setDaemon(true); // a run that fails half-way must not leave its traffic running
            t.start();
            threads.add(t);
        }
        Thread.sleep(steadySeconds * 1000L);
        List<PhaseResult> results = new ArrayList<>();
        for (String f : faults) {
            phase = f;
            System.out.println("== " + f + ": " + DESCRIPTIONS.getOrDefault(f, f));
            long faultStart = System.nanoTime();
            Watch watch = new Watch();
            Thread watcher = new Thread(watch, "watch-" + f);
            watcher.start();
            String notes = "";
            if (f.equals("F13")) {
                notes = rebuildFromBothReplicas();
            } else {
                fault(f);
            }
            long restored = System.nanoTime();
            double rec = recovery(restored);
            watch.stop = true;
            watcher.join(10_000);
            notes = judge(f, watch, notes);
            double lag = catchUpSeconds();
            Thread.sleep(steadySeconds * 1000L);
            long[] c = counts.getOrDefault(f, new long[4]);
            List<Long> times = new ArrayList<>(acceptedAt.getOrDefault(f, List.of()));
            Collections.sort(times);
            long prev = faultStart;
            long stall = 0;
            for (long t : times) {
                stall = Math.max(stall, t - prev);
                prev = t;
            }
            String codes = rejectedByCode.getOrDefault(f, Map.of()).toString();
            results.add(new PhaseResult(f, DESCRIPTIONS.getOrDefault(f, f), c[0], c[1], c[2], c[3], rec, (restored - faultStart) / 1e9,
                    stall / 1e9, codes, lag, notes));
            System.out.printf("   accepted %d, rejected %d %s, 503/no answer %d, other 5xx %d; fault %.1f s, longest stretch without an "
                    + "accepted command %.1f s, every instance ready %.1f s after the fault ended, consumers at the end of the log "
                    + "%.1f s later; %s%n", c[0], c[1], codes, c[2], c[3], (restored - faultStart) / 1e9, stall / 1e9, rec, lag, notes);
        }
        phase = "after";
        running.set(false);
        for (Thread t : threads) {
            t.join(120_000);
        }
        // every accepted command's event on the topic, no stream version with two events
        Thread.sleep(5_000);
        Map<String, Set<String>> onTopic = readTopic();
        long lost = 0;
        Map<String, Long> lostByPhase = new HashMap<>();
        for (Entry e : ledger) {
            if (!onTopic.containsKey(e.stream() + "@" + e.version())) {
                lost++;
                lostByPhase.merge(e.phase(), 1L, Long::sum);
                System.out.println("   LOST: " + e);
            }
        }
        long duplicates = onTopic.values().stream().filter(ids -> ids.size() > 1).count();
        String stores = storesAndConsumers(onTopic);
        boolean checksums = rebuildChecksumsEqual();
        StringBuilder md = new StringBuilder();
        md.append("| fault | what | fault lasted | accepted | rejected (4xx) | 503 / no answer | other 5xx | events lost | longest stall "
                + "| all ready after | consumer lag after | observed |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (PhaseResult r : results) {
            md.append(String.format("| %s | %s | %.0f s | %d | %d %s | %d | %d | %d | %.1f s | %.1f s | %.1f s | %s |%n", r.fault(),
                    r.description(), r.faultSeconds(), r.accepted(), r.rejected(), r.rejected() == 0 ? "" : r.rejectedCodes(),
                    r.unavailable(), r.avoidable5xx(), lostByPhase.getOrDefault(r.fault(), 0L), r.longestStall(), r.recoverySeconds(),
                    r.lagSeconds(), r.notes()));
        }
        md.append(String.format("%nLedger: %d accepted commands, %d of their events lost, %d stream versions with two different events; "
                + "reporting rebuild from offset 0: checksums %s.%n%n%s%n", ledger.size(), lost, duplicates, checksums ? "equal" : "DIFFERENT",
                stores));
        if (!failures.isEmpty()) {
            md.append("\nFailed checks:\n");
            failures.forEach(x -> md.append("- ").append(x).append('\n'));
        }
        System.out.println(md);
        Files.writeString(Path.of(env("AEH_CHAOS_REPORT", "chaos-report.md")), md.toString());
        long avoidable = results.stream().mapToLong(PhaseResult::avoidable5xx).sum();
        if (lost > 0 || duplicates > 0 || avoidable > 0 || !checksums || !failures.isEmpty()) {
            System.out.println("CHAOS FAILED");
            System.exit(1);
        }
        System.out.println("CHAOS PASSED");
        System.exit(0);
    }

    /** stream@version -> the event ids seen for it on case-events. */
    Map<String, Set<String>> readTopic() {
        Properties p = new Properties();
        p.put("bootstrap.servers", env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        Map<String, Set<String>> out = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor("case-events").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline && parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    String stream = match(STREAM_ID, r.value());
                    String version = match(STREAM_VERSION, r.value());
                    String id = match(ANY_ID, r.value());
                    if (stream != null && version != null) {
                        out.computeIfAbsent(stream + "@" + version, k -> new HashSet<>()).add(id == null ? "?" : id);
                    }
                }
            }
        }
        return out;
    }

    /** A reporting rebuild from offset 0 whose checksum equals the live projection's (every event applied exactly once). */
    boolean rebuildChecksumsEqual() throws Exception {
        HttpResponse<String> started = send("admin", "POST", "http://127.0.0.1:8084/api/v1/admin/rebuilds", null, Map.of());
        if (started == null || started.statusCode() >= 300) {
            System.out.println("   rebuild could not start: " + (started == null ? "no answer" : started.statusCode() + " " + started.body()));
            return false;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send("admin", "GET", "http://127.0.0.1:8084/api/v1/admin/rebuilds/current", null, Map.of());
            String status = r == null ? null : match(STATUS, r.body());
            if ("DONE".equals(status) || "FAILED".equals(status)) {
                String eq = match(EQUAL, r.body());
                System.out.println("   reporting rebuild " + status + ", checksums equal: " + eq + ("true".equals(eq) ? "" : " " + r.body()));
                return "DONE".equals(status) && "true".equals(eq);
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** What the watch and the fault showed, as a note for the report; a missing effect is a failure of the run. */
    String judge(String fault, Watch w, String notes) {
        List<String> out = new ArrayList<>();
        if (!notes.isEmpty()) {
            out.add(notes);
        }
        Map<String, Long> notReady = new java.util.TreeMap<>(w.notReadyMillis);
        if (!notReady.isEmpty()) {
            List<String> parts = new ArrayList<>();
            notReady.forEach((k, v) -> parts.add(k + " " + Math.round(v / 1000.0) + " s"));
            out.add("not ready: " + String.join(", ", parts));
        }
        if (fault.equals("F12")) {
            for (String r : instances().keySet()) {
                if (r.startsWith("reporting") && notReady.getOrDefault(r, 0L) == 0) {
                    failures.add("F12: " + r + " stayed ready while its projection table was locked");
                }
            }
        }
        if (fault.equals("F22")) {
            double s2 = w.skew.getOrDefault("client-registry-2", 0.0);
            out.add(String.format("clock skew reported by client-registry-2: %+.0f s", s2));
            if (s2 < 250) {
                failures.add("F22: client-registry-2 did not run 5 minutes ahead (skew " + s2 + " s): the fault did not take effect");
            }
        }
        if (!w.negative.isEmpty()) {
            failures.add(fault + ": negative lag gauges: " + w.negative.subList(0, Math.min(5, w.negative.size())));
            out.add(w.negative.size() + " negative lag gauge readings");
        }
        return String.join("; ", out);
    }

    /**
     * F13/F14: a rebuild requested from both reporting replicas at the same moment while the traffic goes on. Exactly one
     * may start (the other is refused with 409: advisory lock); reads from both replicas go on throughout and none may
     * fail; the rebuild must end DONE with checksums equal. Returns the note for the report.
     */
    String rebuildFromBothReplicas() throws Exception {
        String admin = token("admin");
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Map<Integer, Integer> codes = new ConcurrentHashMap<>();
        List<Thread> starters = new ArrayList<>();
        for (int k = 0; k < replicas; k++) {
            int port = 8084 + 10 * k;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/rebuilds"))
                            .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + admin)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    codes.put(port, r.statusCode());
                } catch (Exception e) {
                    codes.put(port, 0);
                }
            });
            t.start();
            starters.add(t);
        }
        // reads from both replicas, from the start of the rebuild to its end
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        Map<Integer, Long> failedReads = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> {
            int n = 0;
            while (reading.get()) {
                HttpResponse<String> r = send("analyst", "GET", "http://127.0.0.1:" + (8084 + 10 * (n++ % replicas)) + "/api/v1/stocks?month="
                        + today.substring(0, 7), null, Map.of());
                int st = r == null ? 0 : r.statusCode();
                reads.incrementAndGet();
                if (st != 200) {
                    failedReads.merge(st, 1L, Long::sum);
                }
            }
        });
        reader.start();
        go.countDown();
        for (Thread t : starters) {
            t.join(30_000);
        }
        long accepted = codes.values().stream().filter(c -> c >= 200 && c < 300).count();
        long refused = codes.values().stream().filter(c -> c == 409).count();
        int runningOn = codes.entrySet().stream().filter(e -> e.getValue() >= 200 && e.getValue() < 300).map(Map.Entry::getKey).findFirst()
                .orElse(8084);
        if (accepted != 1 || refused != replicas - 1) {
            failures.add("F13: rebuild requested on " + replicas + " replicas at once answered " + codes + " (one 2xx, the others 409 expected)");
        }
        String status = null;
        String last = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send("admin", "GET", "http://127.0.0.1:" + runningOn + "/api/v1/admin/rebuilds/current", null, Map.of());
            last = r == null ? "" : r.body();
            status = match(STATUS, last);
            if ("DONE".equals(status) || "FAILED".equals(status)) {
                break;
            }
            Thread.sleep(500);
        }
        reading.set(false);
        reader.join(30_000);
        String equal = match(EQUAL, last);
        String perSecond = match(Pattern.compile("\"eventsPerSecond\"\\s*:\\s*([0-9.]+)"), last);
        String events = match(Pattern.compile("\"events\"\\s*:\\s*(\\d+)"), last);
        if (!"DONE".equals(status) || !"true".equals(equal)) {
            failures.add("F13: the rebuild ended " + status + " with checksums equal = " + equal + ": " + last);
        }
        if (!failedReads.isEmpty()) {
            failures.add("F13: reads failed during the rebuild: " + failedReads);
        }
        return String.format("rebuild starts answered %s; %s, %s events at %s events/s, checksums equal: %s; %d reads during it, failed: %s",
                codes, status, events, perSecond == null ? "?" : String.valueOf(Math.round(Double.parseDouble(perSecond))), equal, reads.get(),
                failedReads.isEmpty() ? "0" : failedReads.toString());
    }

    /** Runs a query with psql as the local superuser; the rows, fields separated by '|'. */
    static List<String> psql(String db, String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-X", "-At", "-F", "|", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-c", sql)
                .redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql " + db + ": " + lines);
        }
        return lines;
    }

    static final List<String> CONSUMER_DATABASES = List.of("benefit_calculation", "job_placement", "reporting");
    static final List<String> WRITE_DATABASES = List.of("client_registry", "benefit_calculation", "job_placement");

    /** Partition -> end offset of case-events now. */
    Map<Integer, Long> endOffsets() {
        Properties p = new Properties();
        p.put("bootstrap.servers", env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor("case-events").stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            Map<Integer, Long> out = new HashMap<>();
            consumer.endOffsets(parts).forEach((tp, o) -> out.put(tp.partition(), o));
            return out;
        }
    }

    /**
     * Consumer lag as time: the end of the log is taken now, and the seconds until every consumer's checkpoints (in its own
     * database, written in the same transaction as its projection) have reached it. -1 when they do not within 120 s.
     */
    double catchUpSeconds() {
        try {
            Map<Integer, Long> end = endOffsets();
            long start = System.nanoTime();
            long deadline = start + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                boolean all = true;
                for (String db : CONSUMER_DATABASES) {
                    Map<Integer, Long> at = new HashMap<>();
                    for (String line : psql(db, "select partition, min(next_offset) from consumer_checkpoint where topic = 'case-events' "
                            + "group by partition")) {
                        String[] f = line.split("\\|");
                        at.put(Integer.parseInt(f[0]), Long.parseLong(f[1]));
                    }
                    for (Map.Entry<Integer, Long> e : end.entrySet()) {
                        if (e.getValue() > 0 && at.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                            all = false;
                        }
                    }
                }
                if (all) {
                    return (System.nanoTime() - start) / 1e9;
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            System.out.println("   consumer lag not measured: " + e.getMessage());
        }
        return -1;
    }

    /**
     * Nothing half-written, nothing stuck, every event applied by every consumer: each write service's stored events are on
     * the topic with the same event id and its outbox is empty; each consumer's inbox (written in the same transaction as
     * its projection, one row per event id) holds every event id of the topic, and no record was dead-lettered.
     */
    String storesAndConsumers(Map<String, Set<String>> onTopic) throws Exception {
        catchUpSeconds();
        StringBuilder out = new StringBuilder();
        for (String db : WRITE_DATABASES) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long outbox;
            do {
                outbox = Long.parseLong(psql(db, "select count(*) from es_outbox").get(0).trim());
                if (outbox > 0) {
                    Thread.sleep(500);
                }
            } while (outbox > 0 && System.nanoTime() < deadline);
            long stored = 0;
            long missing = 0;
            for (String line : psql(db, "select stream_id, stream_version, event_id from es_event")) {
                String[] f = line.split("\\|");
                stored++;
                Set<String> ids = onTopic.get(f[0] + "@" + f[1]);
                if (ids == null || !ids.contains(f[2])) {
                    missing++;
                    if (missing <= 3) {
                        System.out.println("   NOT ON THE TOPIC: " + db + " " + line);
                    }
                }
            }
            out.append(String.format("- %s: %d stored events, %d not on case-events, %d rows left in the outbox%n", db, stored, missing, outbox));
            if (missing > 0 || outbox > 0) {
                failures.add(db + ": " + missing + " stored events not on case-events, " + outbox + " rows stuck in the outbox");
            }
        }
        Set<String> topicIds = new HashSet<>();
        onTopic.values().forEach(topicIds::addAll);
        for (String db : CONSUMER_DATABASES) {
            Map<String, Set<String>> inbox = new HashMap<>();
            for (String line : psql(db, "select consumer, event_id from consumer_inbox")) {
                String[] f = line.split("\\|");
                inbox.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
            }
            long dead = Long.parseLong(psql(db, "select count(*) from consumer_dead_letter").get(0).trim());
            for (Map.Entry<String, Set<String>> e : inbox.entrySet()) {
                long notApplied = topicIds.stream().filter(id -> !e.getValue().contains(id)).count();
                out.append(String.format("- consumer %s: %d of %d events of the topic applied (each once: inbox), %d not applied, %d dead letters%n",
                        e.getKey(), topicIds.size() - notApplied, topicIds.size(), notApplied, dead));
                if (notApplied > 0) {
                    failures.add("consumer " + e.getKey() + ": " + notApplied + " events of the topic not applied");
                }
            }
            if (dead > 0) {
                failures.add(db + ": " + dead + " dead-lettered records");
            }
        }
        return out.toString();
    }
}
