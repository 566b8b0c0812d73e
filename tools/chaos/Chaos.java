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
                       double recoverySeconds, double faultSeconds, double longestStall, String rejectedCodes) {
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

    String token(String user) throws Exception {
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
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 10 * k) + "/q/health/ready"))
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
        new Chaos().run(args.length > 0 ? List.of(args[0].split(",")) : List.of("F1", "F4", "F5", "F6", "F3"),
                args.length > 1 ? Integer.parseInt(args[1]) : 20);
    }

    static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("F1", "Kafka broker killed (SIGKILL), down 30 s, restarted");
        DESCRIPTIONS.put("F4", "a consumer replica (benefit-calculation-2) killed -9 mid-traffic, twice, restarted");
        DESCRIPTIONS.put("F5", "reporting-2 stopped and started three times (rebalance storm)");
        DESCRIPTIONS.put("F6", "PostgreSQL restarted under load");
        DESCRIPTIONS.put("F3", "the replica holding client-registry's relay lock killed -9");
    }

    void run(List<String> faults, int steadySeconds) throws Exception {
        int workers = Integer.parseInt(env("AEH_CHAOS_WORKERS", "4"));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int n = i;
            Thread t = new Thread(() -> worker(n), "worker-" + i);
            t.start();
            threads.add(t);
        }
        Thread.sleep(steadySeconds * 1000L);
        List<PhaseResult> results = new ArrayList<>();
        for (String f : faults) {
            phase = f;
            System.out.println("== " + f + ": " + DESCRIPTIONS.getOrDefault(f, f));
            long faultStart = System.nanoTime();
            fault(f);
            long restored = System.nanoTime();
            double rec = recovery(restored);
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
                    stall / 1e9, codes));
            System.out.printf("   accepted %d, rejected %d %s, 503/no answer %d, other 5xx %d; fault %.1f s, longest stretch without an "
                    + "accepted command %.1f s, every instance ready %.1f s after the fault ended%n", c[0], c[1], codes, c[2], c[3],
                    (restored - faultStart) / 1e9, stall / 1e9, rec);
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
        boolean checksums = rebuildChecksumsEqual();
        StringBuilder md = new StringBuilder();
        md.append("| fault | what | fault lasted | accepted | rejected (4xx) | 503 / no answer | other 5xx | events lost | longest stall "
                + "| all ready after |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (PhaseResult r : results) {
            md.append(String.format("| %s | %s | %.0f s | %d | %d %s | %d | %d | %d | %.1f s | %.1f s |%n", r.fault(), r.description(),
                    r.faultSeconds(), r.accepted(), r.rejected(), r.rejected() == 0 ? "" : r.rejectedCodes(), r.unavailable(), r.avoidable5xx(),
                    lostByPhase.getOrDefault(r.fault(), 0L), r.longestStall(), r.recoverySeconds()));
        }
        md.append(String.format("%nLedger: %d accepted commands, %d of their events lost, %d stream versions with two different events; "
                + "reporting rebuild from offset 0: checksums %s.%n", ledger.size(), lost, duplicates, checksums ? "equal" : "DIFFERENT"));
        System.out.println(md);
        Files.writeString(Path.of(env("AEH_CHAOS_REPORT", "chaos-report.md")), md.toString());
        long avoidable = results.stream().mapToLong(PhaseResult::avoidable5xx).sum();
        if (lost > 0 || duplicates > 0 || avoidable > 0 || !checksums) {
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
}
