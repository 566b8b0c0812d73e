import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Constant-arrival-rate load driver for the REST APIs (open loop: request i is due at start + i/rate,
 * and its latency counts from that intended time, so a slow server cannot hide queueing by slowing
 * the driver down). Single-file Java, no build:
 *
 *   java tools/load/LoadDriver.java <scenario> --rate 200 --seconds 60 --warmup 10 --token "$TOKEN"
 *
 * Scenarios (client-registry on --base, default http://127.0.0.1:8081):
 *   get-case       GET /api/v1/cases/{id} on --cases N cases created first; or with --case ID [--expect STATUS] that
 *                  one case (a citizen's own, or another town's for a refused and audited read: --expect 404)
 *   open-register  POST a case, then two persons with If-Match: latency of the whole chain and of each request
 *   search         GET /api/v1/persons?lastName=<prefix> with random surname prefixes
 *   populate       create --persons N persons (2 per case) with --concurrency C, as fast as the server takes them
 * Every loop is bounded in count and time and targets loopback only.
 */
public class LoadDriver {

    static final String[] SURNAMES = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
            "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
            "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann",
            "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß",
            "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler",
            "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm",
            "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer",
            "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler",
            "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold",
            "Wolff", "Pfeiffer"};
    static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah", "Jonas",
            "Lea", "Lukas", "Mia", "Noah", "Paul", "Sophie", "Tim"};
    static final String[] AGS = {"05958004", "05958008", "05958012", "05958016", "05958020", "05958024",
            "05958028", "05958032", "05958036", "05958040", "05958044", "05958048"};
    static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    final String base;
    final String token;
    final Random random = new Random(42);
    int settleSeconds = 20;

    LoadDriver(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java tools/load/LoadDriver.java <get-case|open-register|search|populate> [--rate R] [--seconds S] [--warmup W] [--token T] [--base URL] [--cases N] [--persons N] [--concurrency C]");
            System.exit(2);
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String token = o.getOrDefault("token", System.getenv("TOKEN"));
        if (token == null || token.isBlank()) {
            System.err.println("a bearer token is needed: --token or $TOKEN (deploy/local/token admin)");
            System.exit(2);
        }
        LoadDriver d = new LoadDriver(o.getOrDefault("base", "http://127.0.0.1:8081"), token);
        d.settleSeconds = Integer.parseInt(o.getOrDefault("settle", "20"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        switch (args[0]) {
            case "get-case" -> {
                if (o.containsKey("case")) {
                    d.getOneCase(rate, seconds, warmup, o.get("case"), Integer.parseInt(o.getOrDefault("expect", "200")));
                } else {
                    d.getCase(rate, seconds, warmup, Integer.parseInt(o.getOrDefault("cases", "500")));
                }
            }
            case "open-register" -> d.openRegister(rate, seconds, warmup);
            case "search" -> d.search(rate, seconds, warmup);
            case "populate" -> d.populate(Integer.parseInt(o.getOrDefault("persons", "100000")),
                    Integer.parseInt(o.getOrDefault("concurrency", "8")));
            default -> {
                System.err.println("unknown scenario " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    CompletableFuture<HttpResponse<String>> post(String path, String body, String ifMatch) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> get(String path) {
        return http.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String caseBody() {
        return "{\"municipality\":\"" + AGS[ThreadLocalRandomHolder.next(AGS.length)] + "\",\"openedOn\":\"2026-01-05\"}";
    }

    String personBody(String role, String born) {
        String last = SURNAMES[random.nextInt(SURNAMES.length)];
        String first = FIRST[random.nextInt(FIRST.length)];
        return "{\"role\":\"" + role + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last
                + "\",\"birthDate\":\"" + born + "\",\"sex\":\"" + (random.nextBoolean() ? "FEMALE" : "MALE")
                + "\",\"employable\":" + (!role.equals("CHILD")) + "}";
    }

    /** Opens a case and registers a head and a child; completes with the case id. */
    CompletableFuture<String> household(List<long[]> perRequest, long due) {
        String head = personBody("HEAD", "1980-03-0" + (1 + random.nextInt(9)));
        String child = personBody("CHILD", "2015-07-1" + random.nextInt(10));
        return post("/api/v1/cases", caseBody(), null).thenCompose(r -> {
            check(r, 201);
            record(perRequest, due);
            String id = caseId(r.body());
            long t1 = System.nanoTime();
            return post("/api/v1/cases/" + id + "/persons", head, "\"1\"").thenCompose(r2 -> {
                check(r2, 201);
                record(perRequest, t1);
                long t2 = System.nanoTime();
                return post("/api/v1/cases/" + id + "/persons", child, "\"2\"").thenApply(r3 -> {
                    check(r3, 201);
                    record(perRequest, t2);
                    return id;
                });
            });
        });
    }

    static void record(List<long[]> into, long start) {
        if (into != null) {
            into.add(new long[] {System.nanoTime() - start});
        }
    }

    static void check(HttpResponse<String> r, int expected) {
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + " -> " + r.statusCode()
                    + " " + r.body());
        }
    }

    static String caseId(String body) {
        Matcher m = CASE_ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no caseId in " + body);
        }
        return m.group(1);
    }

    void getCase(double rate, int seconds, int warmup, int cases) throws Exception {
        System.out.printf("creating %d cases to read ...%n", cases);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            ids.add(household(null, System.nanoTime()).get(30, TimeUnit.SECONDS));
        }
        // let the other services consume the setup's events first, so they do not compete with the measurement
        System.out.printf("letting consumers settle for %d s ...%n", settleSeconds);
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(settleSeconds));
        run("GET /api/v1/cases/{id}", rate, seconds, warmup, (due, lat) -> get("/api/v1/cases/" + ids.get(random.nextInt(ids.size())))
                .thenAccept(r -> check(r, 200)));
    }

    /**
     * GET of one given case with this token, expecting {@code expect}: e.g. a citizen's own case (rate limiter on the
     * path) or, with a case worker of another town, 404 (a refused read, audited as denied in its own transaction).
     */
    void getOneCase(double rate, int seconds, int warmup, String caseId, int expect) throws Exception {
        run("GET /api/v1/cases/" + caseId + " (expect " + expect + ")", rate, seconds, warmup, (due, lat) -> get("/api/v1/cases/" + caseId)
                .thenAccept(r -> check(r, expect)));
    }

    void openRegister(double rate, int seconds, int warmup) throws Exception {
        List<long[]> perRequest = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger phase = new AtomicInteger();
        run("open case + register two persons (chain)", rate, seconds, warmup, (due, measuring) ->
                household(measuring ? perRequest : null, due).thenAccept(id -> { }));
        print("  each of its requests", perRequest.stream().mapToLong(a -> a[0]).toArray(), 0, 0);
    }

    void search(double rate, int seconds, int warmup) throws Exception {
        run("GET /api/v1/persons?lastName=<prefix>", rate, seconds, warmup, (due, m) -> {
            String name = SURNAMES[random.nextInt(SURNAMES.length)];
            String prefix = name.substring(0, Math.min(name.length(), 3 + random.nextInt(3)));
            return get("/api/v1/persons?limit=20&lastName=" + java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8))
                    .thenAccept(r -> check(r, 200));
        });
    }

    void populate(int persons, int concurrency) throws Exception {
        int households = (persons + 1) / 2;
        Semaphore permits = new Semaphore(concurrency);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < households; i++) {
            permits.acquire();
            household(null, System.nanoTime()).whenComplete((id, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
                long n = done.incrementAndGet();
                if (n % 2000 == 0) {
                    double s = (System.nanoTime() - start) / 1e9;
                    System.out.printf("  %d households (%d persons), %.0f persons/s, ETA %.0f s%n", n, 2 * n, 2 * n / s,
                            (households - n) / (n / s));
                }
                permits.release();
            });
        }
        permits.acquire(concurrency);
        System.out.printf("populated %d persons in %.0f s, %d failed households%n", 2 * done.get(),
                (System.nanoTime() - start) / 1e9, failed.get());
    }

    interface Call {
        CompletableFuture<Void> start(long dueNanos, boolean measuring);
    }

    /** Open-loop run: request i is due at start + i/rate; latency from the due time; errors counted. */
    void run(String name, double rate, int seconds, int warmup, Call call) throws Exception {
        long period = (long) (1e9 / rate);
        long total = (long) (rate * (seconds + warmup));
        long measureFrom = (long) (rate * warmup);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastError = new AtomicLong();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            boolean measuring = i >= measureFrom;
            CompletableFuture<Void> f;
            try {
                f = call.start(due, measuring);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            inFlight.add(f.whenComplete((v, e) -> {
                if (!measuring) {
                    return;
                }
                if (e != null) {
                    errors.incrementAndGet();
                    if (firstError[0] == null) {
                        firstError[0] = String.valueOf(e.getCause() == null ? e : e.getCause());
                    }
                } else {
                    latencies.add(System.nanoTime() - due);
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(new CompletableFuture[0])).handle((v, e) -> null).get(60, TimeUnit.SECONDS);
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("%s %s: %s at %.0f/s for %d s (after %d s warm-up)%n", Instant.now(), name,
                "constant arrival rate", rate, seconds, warmup);
        print("  latency from intended send time", l, errors.get(), lastError.get());
        if (firstError[0] != null) {
            System.out.println("  first error: " + firstError[0]);
        }
    }

    static void print(String label, long[] nanos, long errors, long unused) {
        Arrays.sort(nanos);
        System.out.printf("%s: n=%d errors=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", label, nanos.length,
                errors, pct(nanos, 50), pct(nanos, 90), pct(nanos, 99), pct(nanos, 100));
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    static final class ThreadLocalRandomHolder {
        static int next(int bound) {
            return java.util.concurrent.ThreadLocalRandom.current().nextInt(bound);
        }
    }
}
