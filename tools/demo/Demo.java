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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HSK demo scenario: drives the public REST APIs exactly as case workers and the district admin would, with tokens of
 * the local Keycloak. Seeded and reproducible, resumable (a state file remembers finished cases and posted months), with
 * a progress line (rate, ETA). It never writes to a database or a topic itself, and it never writes a figure: reporting
 * computes every indicator from the events the APIs record.
 *
 *   java tools/demo/Demo.java [--cases 40] [--months 46] [--seed 42] [--state FILE] [--dry-run]
 *   tuning (option, or environment variable AEH_DEMO_<NAME>; see docs/demo.md): --integration-rate, --integration-trend,
 *   --exit-rate, --inflow-trend, --stock-share, --relapse, --move-rate
 *
 * Story: the district's stock of cases is opened in the first three business months, new cases follow, fewer year by
 * year; the 12 municipalities get cases roughly by population, households of realistic shapes declare housing costs,
 * child benefit and minijobs; each applies and gets decisions for its approval periods (back-dated ones wait for the
 * admin's four-eyes approval). Placement: profile, cooperation plan, an activation measure (assigned, then started or
 * withdrawn, ended), a second measure for those still in need after a year (work opportunity, training, counselling),
 * placement proposals with their outcomes (applied, interview, rejected, declined, hired). Month by month a head takes up
 * work (more likely every business year: --integration-trend) or the household leaves for another reason (--exit-rate):
 * the integration is recorded, the decision terminated, the wage declared after the fact (a back-dated amendment) and the
 * case closed. Some first jobs end within six months (employment end, the case goes on). Some rents rise (back-dated
 * amendments), some cases move to another municipality. Every month is posted. Integrations and closures outpace the
 * falling inflow, so long-term beneficiaries (K3) and subsistence spending (K1) fall year on year.
 */
public class Demo {
    record Town(String ags, String user, int weight) {
    }

    static final List<Town> TOWNS = List.of(new Town("05958004", "cw-arnsberg", 75), new Town("05958008", "cw-bestwig", 11),
            new Town("05958012", "cw-brilon", 26), new Town("05958016", "cw-eslohe", 9), new Town("05958020", "cw-hallenberg", 4),
            new Town("05958024", "cw-marsberg", 20), new Town("05958028", "cw-medebach", 8), new Town("05958032", "cw-meschede", 30),
            new Town("05958036", "cw-olsberg", 15), new Town("05958040", "cw-schmallenberg", 25), new Town("05958044", "cw-sundern", 28),
            new Town("05958048", "cw-winterberg", 13));
    static final String[] SURNAMES = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Koch", "Bauer", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Hartmann", "Lange", "Krause", "Lehmann", "König"};
    static final String[] FIRST_F = {"Anna", "Clara", "Emma", "Greta", "Hannah", "Lea", "Mia", "Sophie", "Petra", "Sabine"};
    static final String[] FIRST_M = {"Ben", "David", "Felix", "Jonas", "Lukas", "Noah", "Paul", "Tim", "Jürgen", "Stefan"};
    static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern PERSON_ID = Pattern.compile("\"personId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern APPROVAL = Pattern.compile("\"approvalId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([0-9-]{10})\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String keycloak = env("AEH_KEYCLOAK_URL", "http://127.0.0.1:8180");
    final String registry = env("AEH_REGISTRY_URL", "http://127.0.0.1:8081");
    final String benefits = env("AEH_BENEFITS_URL", "http://127.0.0.1:8082");
    final String placement = env("AEH_PLACEMENT_URL", "http://127.0.0.1:8083");
    /**
     * Replicas (deploy/local/up --replicas N): AEH_DEMO_REPLICAS lists, per service, its instances' base URLs separated by
     * "|", services separated by ","; a request for the first instance goes to the next instance in turn (round robin).
     */
    final Map<String, List<String>> replicas = replicas(env("AEH_DEMO_REPLICAS", ""));
    final java.util.concurrent.atomic.AtomicLong turn = new java.util.concurrent.atomic.AtomicLong();

    static Map<String, List<String>> replicas(String spec) {
        Map<String, List<String>> out = new HashMap<>();
        for (String service : spec.split(",")) {
            List<String> urls = List.of(service.split("\\|"));
            if (urls.size() > 1) {
                out.put(urls.get(0), urls);
            }
        }
        return out;
    }

    /** The URL with its base replaced by the next replica of the same service (unchanged without replicas). */
    String spread(String url) {
        for (Map.Entry<String, List<String>> e : replicas.entrySet()) {
            if (url.startsWith(e.getKey() + "/")) {
                List<String> all = e.getValue();
                return all.get((int) (turn.getAndIncrement() % all.size())) + url.substring(e.getKey().length());
            }
        }
        return url;
    }
    final Map<String, String> employers = new HashMap<>();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern EMPLOYER_ID = Pattern.compile("\"employerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final String[] OCCUPATIONS = {"82102", "51312", "62102", "25212", "71302", "52122"};
    final Map<String, String[]> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    static final Pattern OPENED_ON = Pattern.compile("\"openedOn\"\\s*:\\s*\"([0-9-]{10})\"");
    static final Pattern OFFER_ID = Pattern.compile("\"offerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** The first month with a rule set in benefit-calculation: business time starts there at the earliest. */
    static final YearMonth FIRST_RULE_SET = YearMonth.of(2023, 1);
    final Map<String, String[]> offers = new HashMap<>();
    final int cases;
    final int months;
    final long seed;
    final double integrationRate;
    final double integrationTrend;
    final double exitRate;
    final double inflowTrend;
    final double stockShare;
    final double relapse;
    final double moveRate;
    final int workers;
    final Path stateFile;
    final Set<String> done = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    final YearMonth first;
    final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    Demo(int cases, int months, long seed, Path stateFile, Map<String, String> o) {
        this.cases = cases;
        YearMonth start = YearMonth.now().minusMonths(months);
        if (start.isBefore(FIRST_RULE_SET)) {
            System.out.printf("business time starts at %s, the first rule set (not %s)%n", FIRST_RULE_SET, start);
            start = FIRST_RULE_SET;
        }
        this.first = start;
        this.months = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, YearMonth.now());
        this.seed = seed;
        this.stateFile = stateFile;
        this.integrationRate = percent(o, "integration-rate", "2.2");
        this.integrationTrend = percent(o, "integration-trend", "20");
        this.exitRate = percent(o, "exit-rate", "0.8");
        this.inflowTrend = percent(o, "inflow-trend", "-30");
        this.stockShare = percent(o, "stock-share", "60");
        this.relapse = percent(o, "relapse", "15");
        this.moveRate = percent(o, "move-rate", "10");
        this.workers = Integer.parseInt(o.getOrDefault("workers", env("AEH_DEMO_WORKERS", "4")));
    }

    /** A tuning value in percent: the option, else the environment variable AEH_DEMO_<NAME>, else the default. */
    static double percent(Map<String, String> o, String name, String fallback) {
        return Double.parseDouble(o.getOrDefault(name, env("AEH_DEMO_" + name.toUpperCase().replace('-', '_'), fallback))) / 100.0;
    }

    String parameters() {
        return String.format(java.util.Locale.ROOT, "params from=%s months=%d seed=%d cases=%d integration-rate=%.4f integration-trend=%.4f "
                + "exit-rate=%.4f inflow-trend=%.4f stock-share=%.4f relapse=%.4f move-rate=%.4f", first, months, seed, cases, integrationRate,
                integrationTrend, exitRate, inflowTrend, stockShare, relapse, moveRate);
    }

    public static void main(String[] args) throws Exception {
        // usage: see the class comment
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("dry-run")) {
                o.put(name, "true");
            } else if (i + 1 < args.length) {
                o.put(name, args[++i]);
            }
        }
        Path state = Path.of(o.getOrDefault("state", env("AEH_RUN_DIR", ".run") + "/demo-state.txt"));
        Demo d = new Demo(Integer.parseInt(o.getOrDefault("cases", "40")), Integer.parseInt(o.getOrDefault("months", "46")),
                Long.parseLong(o.getOrDefault("seed", "42")), state, o);
        if (o.containsKey("dry-run")) {
            d.dryRun();
        } else {
            d.run();
        }
    }

    /** The story in numbers, without a single request: cases in need, long in need (21 months), in- and outflows of 12 months. */
    void dryRun() {
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            plans.add(new Plan(i));
        }
        System.out.println(parameters());
        System.out.println("month    in-need  need>=21m  opened(12m)  hired(12m)  other-exits(12m)  job-ended(12m)");
        List<Integer> points = new ArrayList<>();
        for (int t = months - 1; t >= 0; t -= 12) {
            points.add(0, t);
        }
        int moves = 0, measures = 0;
        for (Plan p : plans) {
            moves += p.moveTo != null ? 1 : 0;
            measures += p.measures.size();
        }
        for (int t : points) {
            int need = 0, lzb = 0, open12 = 0, hired = 0, other = 0, ended = 0;
            for (Plan p : plans) {
                if (p.inNeed(t)) {
                    need++;
                    boolean lz = true;
                    for (int k = t - 20; k <= t; k++) {
                        lz &= k >= 0 && p.inNeed(k);
                    }
                    lzb += lz ? 1 : 0;
                }
                open12 += p.openIdx > t - 12 && p.openIdx <= t ? 1 : 0;
                for (Job j : p.jobs) {
                    int m = index(YearMonth.from(j.start()));
                    hired += m > t - 12 && m <= t ? 1 : 0;
                    if (j.lastMonth() != null) {
                        int e = index(j.lastMonth());
                        ended += e > t - 12 && e <= t ? 1 : 0;
                    }
                }
                if (p.exit != null && !p.exitReason.startsWith("Erwerb")) {
                    int e = index(YearMonth.from(p.exit));
                    other += e > t - 12 && e <= t ? 1 : 0;
                }
            }
            System.out.printf("%s  %7d  %9d  %11d  %10d  %16d  %14d%n", month(t), need, lzb, open12, hired, other, ended);
        }
        System.out.printf("moves %d, measures %d%n", moves, measures);
    }

    int index(YearMonth m) {
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(first, m);
    }

    void run() throws Exception {
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        if (Files.exists(stateFile)) {
            done.addAll(Files.readAllLines(stateFile));
            String anchor = done.stream().filter(l -> l.startsWith("anchor ")).findFirst().orElse(null);
            if (anchor != null && send("admin", "GET", registry + "/api/v1/cases/" + anchor.substring(7), null, null).statusCode() == 404) {
                // the local data was wiped (deploy/local/down --purge) since this file was written: load afresh
                System.out.println("the cases of " + stateFile + " are gone (data wiped): loading afresh");
                done.clear();
                Files.delete(stateFile);
            }
            if (!done.isEmpty() && !done.contains(parameters())) {
                throw new IllegalStateException(stateFile + " belongs to a run with other parameters (" + done.iterator().next()
                        + "); continue that run with the same parameters, or wipe the data (deploy/local/down --purge) and the file");
            }
        }
        if (!done.contains(parameters())) {
            mark(parameters());
        }
        System.out.println(parameters());
        Instant start = Instant.now();
        int total = cases + months;
        // households are independent stories: a few at a time hide the waits for the services' consumers
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                if (!done.contains("case " + index)) {
                    abandon(index);
                    household(index);
                    mark("case " + index);
                }
                progress("households", count.incrementAndGet(), total, start);
                return null;
            }));
        }
        try {
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        pool.shutdown();
        int finished = cases;
        if (!done.contains("approved")) {
            approvePending();
            mark("approved");
        }
        for (YearMonth m = first; m.isBefore(YearMonth.now()); m = m.plusMonths(1)) {
            if (!done.contains("posted " + m)) {
                post(m);
                mark("posted " + m);
            }
            finished++;
            progress("monthly postings", finished, total, start);
        }
        System.out.printf("%ndemo loaded: %d households, %d months posted, %d requests in %d s%n", cases, months, requests.get(),
                Duration.between(start, Instant.now()).toSeconds());
    }

    synchronized void progress(String phase, int doneCount, int total, Instant start) {
        double seconds = Math.max(0.1, Duration.between(start, Instant.now()).toMillis() / 1000.0);
        double rate = doneCount / seconds;
        long eta = Math.round((total - doneCount) / Math.max(rate, 0.001));
        int width = 30;
        int filled = (int) Math.round(width * doneCount / (double) total);
        System.out.printf("\r[%s%s] %3d%% %-16s %5.1f steps/s  ETA %3d s ", "#".repeat(filled), ".".repeat(width - filled),
                100 * doneCount / total, phase, rate, eta);
        System.out.flush();
    }

    /**
     * A household an interrupted run left half-way is loaded again as a new case; the half one is withdrawn first: its
     * decisions terminated from their first day (so it never counts as in need) and the case closed, by the district admin.
     */
    void abandon(int index) throws Exception {
        String prefix = "started " + index + " ";
        List<String> started;
        synchronized (done) {
            started = done.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }
        for (String caseId : started) {
            HttpResponse<String> res = send("admin", "GET", benefits + "/api/v1/cases/" + caseId + "/benefits", null, null);
            if (res.statusCode() == 200) {
                Matcher m = DECISION.matcher(res.body());
                if (m.find()) {
                    terminate("admin", caseId, LocalDate.parse(m.group(2)), "irrtümlich angelegt (Demo unterbrochen)");
                }
            }
            HttpResponse<String> c = send("admin", "GET", registry + "/api/v1/cases/" + caseId, null, null);
            if (c.statusCode() == 200 && !c.body().contains("\"closedOn\":\"")) {
                HttpResponse<String> closed = send("admin", "POST", registry + "/api/v1/cases/" + caseId + "/close",
                        json("effectiveFrom", match(OPENED_ON, c.body()), "reason", "irrtümlich angelegt (Demo unterbrochen)"),
                        c.headers().firstValue("ETag").orElse(null), null);
                System.out.printf("%nhousehold %d: the half-loaded case %s is withdrawn (close: HTTP %d)%n", index, caseId, closed.statusCode());
            }
        }
    }

    /** The first case of a run: a resumed run checks that it still exists. */
    synchronized void anchor(String caseId) throws IOException {
        if (done.stream().noneMatch(l -> l.startsWith("anchor "))) {
            mark("anchor " + caseId);
        }
    }

    synchronized void mark(String what) throws IOException {
        done.add(what);
        Files.writeString(stateFile, what + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** A job in a household's story: from {@code start}; {@code lastMonth} and {@code endDate} set when it ends within six months. */
    record Job(LocalDate start, YearMonth lastMonth, LocalDate endDate, int gross, int failedProposals) {
    }

    /**
     * A measure in a household's story: assigned, then withdrawn before its start, or started (and ended unless it still runs).
     * {@code withdrawal} is the reason of a withdrawal, {@code result} the end result.
     */
    record Measure(String catalogueId, String provider, String costs, LocalDate assignedOn, LocalDate plannedStart, LocalDate plannedEnd,
            String withdrawal, LocalDate withdrawnOn, LocalDate started, LocalDate ended, String result) {
    }

    static final String[] EXIT_REASONS = {"Altersrente", "Einkommen des Partners deckt den Bedarf", "Wegzug aus dem Kreis",
            "Vorrangige Leistung (Wohngeld und Kinderzuschlag)", "Aufnahme einer Ausbildung mit BAB"};
    static final String[][] LATER_MEASURES = {{"work-opportunity-16d", "Stadt", "6", "2400.00"},
            {"further-training-81", "Berufskolleg Hochsauerland", "9", "6800.00"}, {"debt-counselling-16a", "Caritas Schuldnerberatung", "4", "450.00"},
            {"psychosocial-16a", "Diakonie Hochsauerland", "6", "900.00"}};

    /**
     * The whole story of one household in business time, drawn from the seed and its index only (never from API answers), so
     * that a run, a resumed run and a dry run tell the same story.
     */
    final class Plan {
        final int index;
        final Town town;
        final int openIdx;
        final LocalDate opened;
        final boolean partner;
        final boolean partnerEmployable;
        final boolean female;
        final boolean singleParent;
        final int headAge;
        final int partnerAgeDelta;
        final List<Integer> kidAges = new ArrayList<>();
        final int persons;
        final int rent;
        final int heating;
        final int utilities;
        final boolean minijob;
        final String occupation;
        final boolean drivingLicence;
        final int experience;
        final int radius;
        final LocalDate planOn;
        final List<Job> jobs = new ArrayList<>();
        LocalDate exit;
        String exitReason;
        Town moveTo;
        LocalDate movedOn;
        LocalDate rentRiseFrom;
        int rentRise;
        final List<Measure> measures = new ArrayList<>();
        LocalDate failedProposalOn;

        Plan(int index) {
            this.index = index;
            Random r = new Random(seed * 1_000_003 + index);
            town = pick(r);
            // the district's stock at the start of business time, then fewer new cases year by year
            openIdx = r.nextDouble() < stockShare ? r.nextInt(3) : 3 + inflowMonth(r);
            opened = month(openIdx).atDay(1 + r.nextInt(27));
            int shape = r.nextInt(100);
            partner = shape >= 40 && shape < 75 || shape >= 85;
            int children = shape < 40 ? 0 : shape < 65 ? 1 + r.nextInt(2) : shape < 75 ? 0 : 1 + r.nextInt(3);
            singleParent = !partner && children > 0;
            headAge = 22 + r.nextInt(38);
            female = singleParent || r.nextBoolean();
            partnerAgeDelta = -3 + r.nextInt(7);
            partnerEmployable = r.nextInt(6) > 0;
            for (int k = 0; k < children; k++) {
                kidAges.add(r.nextInt(Math.max(1, Math.min(17, headAge - 18))));
            }
            persons = 1 + (partner ? 1 : 0) + children;
            rent = 280 + 90 * persons + r.nextInt(120);
            heating = 50 + 20 * persons + r.nextInt(30);
            utilities = 40 + 15 * persons;
            minijob = r.nextInt(4) == 0;
            occupation = OCCUPATIONS[r.nextInt(OCCUPATIONS.length)];
            drivingLicence = r.nextBoolean();
            experience = r.nextInt(15);
            radius = 15 + r.nextInt(30);
            planOn = opened.plusDays(14 + r.nextInt(14));
            // month by month from the fourth month: the head takes up work (more likely year by year), or the household
            // leaves for another reason; a first job ends within six months for some, and the search goes on
            for (int t = openIdx + 3; t < months; t++) {
                int age = headAge + (t - openIdx) / 12;
                double hire = integrationRate * Math.pow(1 + integrationTrend, t / 12) * (singleParent ? 0.75 : 1) * (age >= 55 ? 0.4 : 1);
                double leave = exitRate * (age >= 60 ? 4 : 1);
                double x = r.nextDouble();
                if (x < hire) {
                    LocalDate start = month(t).atDay(1 + r.nextInt(20));
                    int failed = r.nextInt(3);
                    int gross = 1900 + 350 * (persons - 1) + r.nextInt(900);
                    if (jobs.isEmpty() && t + 7 < months && r.nextDouble() < relapse) {
                        int last = t + 1 + r.nextInt(4);
                        jobs.add(new Job(start, month(last), month(last).atEndOfMonth(), gross, failed));
                        t = last + 1;
                        continue;
                    }
                    jobs.add(new Job(start, null, null, gross, failed));
                    exit = month(t + 1).atDay(1);
                    exitReason = "Erwerbseinkommen deckt den Bedarf";
                    break;
                }
                if (x < hire + leave) {
                    exit = month(t).atDay(1 + r.nextInt(27));
                    exitReason = EXIT_REASONS[r.nextInt(EXIT_REASONS.length)];
                    break;
                }
            }
            LocalDate end = exit != null ? exit : LocalDate.now();
            if (r.nextDouble() < moveRate) {
                Town to = pick(r);
                LocalDate on = opened.plusMonths(4 + r.nextInt(18));
                if (!to.equals(town) && on.isBefore(end)) {
                    moveTo = to;
                    movedOn = on;
                }
            }
            LocalDate rise = month(openIdx + 12 + r.nextInt(6)).atDay(1);
            if (r.nextInt(10) < 4 && rise.isBefore(end)) {
                rentRiseFrom = rise;
                rentRise = 15 + r.nextInt(45);
            }
            // an activation measure soon after the plan, and for the long-term ones a second measure after a year
            if (r.nextInt(4) > 0) {
                LocalDate start = planOn.plusDays(14 + r.nextInt(14));
                measures.add(measure(r, "activation-45", "Bildungszentrum Sauerland", "1200.00", planOn, start, start.plusMonths(3)));
            }
            LocalDate later = month(openIdx + 13).atDay(3 + r.nextInt(10));
            String[] m = LATER_MEASURES[r.nextInt(LATER_MEASURES.length)];
            if (r.nextInt(10) < 6 && later.plusMonths(1).isBefore(end) && jobAt(later) == null) {
                LocalDate start = later.plusDays(10 + r.nextInt(10));
                measures.add(measure(r, m[0], m[1].equals("Stadt") ? "Stadt " + town.user().substring(3) : m[1], m[3], later, start,
                        start.plusMonths(Integer.parseInt(m[2]))));
            }
            // holistic support for those in need for two years (the long-term beneficiaries' activation, K3E2)
            LocalDate third = month(openIdx + 24).atDay(3 + r.nextInt(10));
            if (r.nextInt(10) < 7 && third.plusMonths(1).isBefore(end) && jobAt(third) == null) {
                LocalDate start = third.plusDays(7 + r.nextInt(10));
                measures.add(measure(r, "holistic-support-16k", "Ganzheitliche Betreuung HSK", "1800.00", third, start, start.plusMonths(9)));
            }
            LocalDate failed = planOn.plusMonths(3);
            if (jobs.isEmpty() && failed.isBefore(end)) {
                failedProposalOn = failed;
            }
        }

        /** What became of a measure: withdrawn before its start (work, plan change, provider), ended (early for work) or running. */
        Measure measure(Random r, String catalogueId, String provider, String costs, LocalDate assignedOn, LocalDate start, LocalDate plannedEnd) {
            Job next = jobs.stream().filter(j -> j.start().isAfter(assignedOn)).findFirst().orElse(null);
            LocalDate limit = next != null ? next.start() : exit != null ? exit : LocalDate.now();
            boolean cancelled = r.nextInt(10) == 0;
            boolean brokenOff = r.nextInt(12) == 0;
            if (!start.isBefore(limit)) {
                if (limit.isAfter(LocalDate.now().minusDays(1))) {
                    return new Measure(catalogueId, provider, costs, assignedOn, start, plannedEnd, null, null, null, null, null);
                }
                return new Measure(catalogueId, provider, costs, assignedOn, start, plannedEnd, next != null ? "TOOK_UP_WORK" : "PLAN_CHANGED",
                        limit.minusDays(1), null, null, null);
            }
            if (cancelled) {
                return new Measure(catalogueId, provider, costs, assignedOn, start, plannedEnd, "PROVIDER_CANCELLED", start.minusDays(3), null, null,
                        null);
            }
            LocalDate ended = plannedEnd.isBefore(limit) ? plannedEnd : limit.minusDays(1);
            if (!ended.isBefore(LocalDate.now())) {
                return new Measure(catalogueId, provider, costs, assignedOn, start, plannedEnd, null, null, start, null, null);
            }
            String result = next != null && ended.equals(limit.minusDays(1)) ? "ENDED_FOR_EMPLOYMENT" : brokenOff ? "BROKEN_OFF" : "COMPLETED";
            if (result.equals("BROKEN_OFF")) {
                ended = start.plusDays((ended.toEpochDay() - start.toEpochDay()) / 2);
            }
            return new Measure(catalogueId, provider, costs, assignedOn, start, plannedEnd, null, null, start, ended, result);
        }

        Job jobAt(LocalDate day) {
            for (Job j : jobs) {
                if (!day.isBefore(j.start()) && (j.endDate() == null || !day.isAfter(j.endDate()))) {
                    return j;
                }
            }
            return null;
        }

        boolean inNeed(int t) {
            LocalDate monthEnd = month(t).atEndOfMonth();
            return !opened.isAfter(monthEnd) && (exit == null || exit.isAfter(monthEnd)) && jobAt(monthEnd) == null;
        }
    }

    /** A month after the first three, weighted by (1 + inflowTrend) per business year. */
    int inflowMonth(Random r) {
        int span = Math.max(1, months - 5);
        double[] w = new double[span];
        double sum = 0;
        for (int i = 0; i < span; i++) {
            w[i] = Math.pow(1 + inflowTrend, (3 + i) / 12.0);
            sum += w[i];
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < span; i++) {
            x -= w[i];
            if (x < 0) {
                return i;
            }
        }
        return span - 1;
    }

    YearMonth month(int index) {
        return first.plusMonths(index);
    }

    /** One household's story through the APIs, in the order case workers would record it. */
    void household(int index) throws Exception {
        Plan p = new Plan(index);
        Random names = new Random(seed * 7_919 + index);
        String cw = p.town.user();
        LocalDate opened = p.opened;
        String body = call(cw, "POST", registry + "/api/v1/cases", json("municipality", p.town.ags(), "openedOn", opened.toString()), null, 201);
        String caseId = match(CASE_ID, body);
        anchor(caseId);
        mark("started " + index + " " + caseId);
        String surname = SURNAMES[names.nextInt(SURNAMES.length)];
        String head = register(cw, caseId, "HEAD", p.female, surname, opened.minusYears(p.headAge).minusDays(names.nextInt(300)), true,
                p.singleParent, opened, names);
        if (p.minijob) {
            // a minijob from the start, given up when the head takes up work
            YearMonth to = p.jobs.isEmpty() ? null : YearMonth.from(p.jobs.get(0).start()).minusMonths(1);
            registry(cw, caseId, "incomes", json("personId", head, "kind", "EMPLOYMENT", "fromMonth", YearMonth.from(opened).toString(), "toMonth",
                    to == null ? null : to.toString(), "gross", "520.00", "net", "520.00", "socialContributions", "0.00"));
        }
        registry(cw, caseId, "housing-costs", json("effectiveFrom", opened.withDayOfMonth(1).toString(), "rent", p.rent + ".00", "heating",
                p.heating + ".00", "utilities", p.utilities + ".00", "householdSize", p.persons));
        registry(cw, caseId, "caseworkers", json("caseworkerId", "pv-" + cw.substring(3) + "-" + (1 + p.index % 3), "function", "PLACEMENT",
                "effectiveFrom", opened.toString()));
        // the other members last: once benefit-calculation knows them all, it has read the facts declared before them (one
        // partition per case, in order), so the first decision never races with a declaration still on its way
        String partnerId = null;
        if (p.partner) {
            partnerId = register(cw, caseId, "PARTNER", !p.female, surname, opened.minusYears(p.headAge + p.partnerAgeDelta), p.partnerEmployable,
                    false, opened, names);
        }
        List<String> kids = new ArrayList<>();
        for (int age : p.kidAges) {
            kids.add(register(cw, caseId, "CHILD", names.nextBoolean(), surname, opened.minusYears(age).minusDays(names.nextInt(300)), age >= 15,
                    false, opened, names));
        }
        // benefit-calculation learns the household from the registry's events
        awaitKnown(cw, caseId, p.persons);
        call(cw, "POST", benefits + "/api/v1/cases/" + caseId + "/benefits/application", json("receivedOn", opened.toString()), null, 201);
        LocalDate until = p.exit != null ? p.exit : LocalDate.now();
        LocalDate covered = decide(cw, caseId);
        while (covered != null && covered.isBefore(until)) {
            covered = decide(cw, caseId);
        }
        if (p.exit != null) {
            terminate(cw, caseId, p.exit, p.exitReason);
        }
        // child benefit declared after the first decisions: amendments back to the opening (four-eyes, approved at the end)
        for (String kid : kids) {
            registry(cw, caseId, "incomes", json("personId", kid, "kind", "CHILD_BENEFIT", "fromMonth", YearMonth.from(opened).toString(), "gross",
                    "255.00", "net", "255.00", "socialContributions", "0.00"));
        }
        awaitPlacement(cw, caseId, head);
        placement(p, cw, caseId, head);
        // what the case worker learns after the fact: the wages (back-dated amendments, four-eyes), a higher rent, a move
        for (Job j : p.jobs) {
            registry(cw, caseId, "incomes", json("personId", head, "kind", "EMPLOYMENT", "fromMonth", YearMonth.from(j.start()).toString(),
                    "toMonth", j.lastMonth() == null ? null : j.lastMonth().toString(), "gross", j.gross() + ".00", "net",
                    money(j.gross() * 70 / 100), "socialContributions", money(j.gross() * 20 / 100)));
        }
        if (p.rentRiseFrom != null) {
            registry(cw, caseId, "housing-costs", json("effectiveFrom", p.rentRiseFrom.toString(), "rent", (p.rent + p.rentRise) + ".00", "heating",
                    p.heating + ".00", "utilities", p.utilities + ".00", "householdSize", p.persons));
        }
        // now and then the medical service finds a partner unable to work (§ 44a): no longer an eLb from then on
        // (children registered under 15 become eLb at their 15th birthday without any step: docs/demo.md)
        LocalDate finding = opened.plusMonths(8).withDayOfMonth(1);
        if (partnerId != null && p.partnerEmployable && p.index % 9 == 4 && finding.isBefore(until)) {
            registry(cw, caseId, "persons/" + partnerId + "/employability", json("employable", false, "effectiveFrom", finding.toString(),
                    "basis", "MEDICAL_FINDING"));
        }
        // circumstances that change the amount (§ 21): a pregnancy now and then (the 13th week begins 196 days before the
        // expected delivery, here a few days after the recording, so the first month is paid by day), and a medically
        // required costly diet; the health facts travel encrypted (docs/benefit-rules.md, "Facts from the registry")
        LocalDate told = opened.plusMonths(2).withDayOfMonth(1);
        String mother = p.female && p.headAge < 40 ? head : p.partner && !p.female && p.headAge + p.partnerAgeDelta < 40 ? partnerId : null;
        if (mother != null && p.index % 11 == 3 && told.isBefore(until)) {
            registry(cw, caseId, "persons/" + mother + "/circumstances", json("effectiveFrom", told.toString(), "health",
                    new Raw(json("expectedDelivery", told.plusDays(200).toString()))));
        }
        LocalDate certified = opened.plusMonths(5).withDayOfMonth(1);
        if (p.index % 13 == 6 && certified.isBefore(until)) {
            // 10 % of the standard need of level 1 (Deutscher Verein, recommendations 2020, e.g. renal insufficiency)
            registry(cw, caseId, "persons/" + head + "/circumstances", json("effectiveFrom", certified.toString(), "health",
                    new Raw(json("costlyDiet", "56.30"))));
        }
        if (p.moveTo != null) {
            registry(cw, caseId, "move", json("toMunicipality", p.moveTo.ags(), "effectiveFrom", p.movedOn.toString()));
            cw = p.moveTo.user(); // access moves with the case
        }
        if (p.exit != null) {
            registry(cw, caseId, "close", json("effectiveFrom", p.exit.toString(), "reason", p.exitReason));
        }
    }

    /** Profile, cooperation plan, measures (assignment, start or withdrawal, end), proposals and outcomes, integrations, employment ends. */
    void placement(Plan p, String cw, String caseId, String head) throws Exception {
        String base = placement + "/api/v1/cases/" + caseId + "/placement/persons/" + head;
        call(cw, "PUT", base + "/profile", "{\"qualifications\":[\"Berufsabschluss\"],\"occupationsSought\":[\"" + p.occupation + "\"],"
                + "\"experienceYears\":" + p.experience + ",\"languages\":[\"de\"],\"drivingLicence\":" + p.drivingLicence + ",\"mobilityRadiusKm\":"
                + p.radius + ",\"maxHoursPerWeek\":" + (p.singleParent ? "30.00" : "40.00") + "}", placementEtag(cw, caseId), 200);
        call(cw, "POST", base + "/cooperation-plan", "{\"goals\":[\"Beschäftigung als " + p.occupation + "\"],\"ownEfforts\":[\"zwei Bewerbungen im Monat\"],"
                + "\"steps\":[\"Aktivierungsmaßnahme\",\"Vermittlungsvorschläge\"],\"agreedOn\":\"" + p.planOn + "\",\"reviewBy\":\""
                + p.planOn.plusMonths(5) + "\"}", null, 201);
        for (Measure m : p.measures) {
            String id = match(ID, call(cw, "POST", base + "/measure-assignments", json("catalogueId", m.catalogueId(), "provider", m.provider(),
                    "assignedOn", m.assignedOn().toString(), "plannedStart", m.plannedStart().toString(), "plannedEnd", m.plannedEnd().toString(),
                    "plannedCosts", m.costs()), null, 201));
            if (m.withdrawal() != null) {
                placementCall(cw, caseId, base + "/measures/" + id + "/withdrawal", json("withdrawnOn", m.withdrawnOn().toString(), "reason",
                        m.withdrawal(), "remark", m.withdrawal().equals("TOOK_UP_WORK") ? "Arbeitsaufnahme vor Beginn" : "neu geplant"));
            } else if (m.started() != null) {
                placementCall(cw, caseId, base + "/measures/" + id + "/start", json("start", m.started().toString()));
                if (m.ended() != null) {
                    placementCall(cw, caseId, base + "/measures/" + id + "/end", json("end", m.ended().toString(), "result", m.result(),
                            "withoutImportantReason", false));
                }
            }
        }
        if (p.minijob) {
            call(cw, "POST", base + "/integrations", json("kind", "MINIJOB", "startDate", p.opened.toString(), "employerId", employer(cw, p.town.ags()),
                    "hoursPerWeek", "10.00", "monthlyWage", "520.00"), null, 201);
            if (!p.jobs.isEmpty()) {
                placementCall(cw, caseId, base + "/employment-end", json("endDate", YearMonth.from(p.jobs.get(0).start()).minusMonths(1).atEndOfMonth()
                        .toString(), "reason", "Minijob für die neue Stelle aufgegeben"));
            }
        }
        int slot = 0;
        if (p.failedProposalOn != null) {
            proposal(p, cw, caseId, base, slot++, p.failedProposalOn, false);
        }
        for (Job j : p.jobs) {
            for (int f = 0; f < j.failedProposals(); f++) {
                LocalDate on = j.start().minusDays(100 - 25L * f);
                proposal(p, cw, caseId, base, slot++, on.isAfter(p.planOn) ? on : p.planOn.plusDays(1 + f), false);
            }
            String employer = proposal(p, cw, caseId, base, slot++, j.start().minusDays(35), true);
            call(cw, "POST", base + "/integrations", json("kind", "EMPLOYMENT_SV", "startDate", j.start().toString(), "employerId", employer,
                    "hoursPerWeek", p.singleParent ? "30.00" : "39.00", "monthlyWage", j.gross() + ".00"), null, 201);
            if (j.endDate() != null) {
                placementCall(cw, caseId, base + "/employment-end", json("endDate", j.endDate().toString(), "reason", "in der Probezeit gekündigt"));
            }
        }
    }

    /** A placement proposal and what became of it; returns the offer's employer. */
    String proposal(Plan p, String cw, String caseId, String base, int slot, LocalDate on, boolean hired) throws Exception {
        String[] offer = offer(cw, p.town.ags(), p.occupation, slot);
        call(cw, "POST", base + "/proposals", json("offerId", offer[0], "proposedOn", on.toString()), null, 201);
        String outcome = base + "/proposals/" + offer[0] + "/outcome";
        if (hired) {
            placementCall(cw, caseId, outcome, json("outcome", "APPLIED", "occurredOn", on.plusDays(5).toString()));
            placementCall(cw, caseId, outcome, json("outcome", "INTERVIEW", "occurredOn", on.plusDays(14).toString()));
            placementCall(cw, caseId, outcome, json("outcome", "HIRED", "occurredOn", on.plusDays(25).toString()));
        } else if ((p.index + slot) % 7 == 3) {
            placementCall(cw, caseId, outcome, json("outcome", "DECLINED_BY_CLIENT", "occurredOn", on.plusDays(4).toString(), "reason",
                    "Kinderbetreuung zu den Arbeitszeiten nicht gesichert", "withoutImportantReason", false));
        } else {
            placementCall(cw, caseId, outcome, json("outcome", "APPLIED", "occurredOn", on.plusDays(4).toString()));
            if ((p.index + slot) % 2 == 0) {
                placementCall(cw, caseId, outcome, json("outcome", "INTERVIEW", "occurredOn", on.plusDays(12).toString()));
            }
            placementCall(cw, caseId, outcome, json("outcome", "REJECTED_BY_EMPLOYER", "occurredOn", on.plusDays(20).toString(), "reason",
                    "andere Bewerbung ausgewählt"));
        }
        return offer[1];
    }

    /** An open offer of the town's employer for the occupation (one per proposal slot, so a person never gets the same twice). */
    synchronized String[] offer(String cw, String ags, String occupation, int slot) throws Exception {
        String key = ags + "/" + occupation + "/" + slot;
        String[] o = offers.get(key);
        if (o == null) {
            String employer = employer(cw, ags);
            String body = call(cw, "POST", placement + "/api/v1/offers", json("employerId", employer, "occupationCode", occupation, "title",
                    "Fachkraft " + occupation + " (" + (slot + 1) + ")", "municipality", ags, "hoursPerWeek", "39.00", "wage", "15.50", "publishedOn",
                    first.atDay(1).toString(), "positions", 99, "languages", List.of("de")), null, 201, false,
                    "demo-offer-" + seed + "-" + key);
            o = new String[] {match(OFFER_ID, body), employer};
            offers.put(key, o);
        }
        return o;
    }

    /** An update with the placement file's ETag, fetched afresh (and again after a 412). */
    void placementCall(String cw, String caseId, String url, String body) throws Exception {
        withEtag(cw, placement + "/api/v1/cases/" + caseId + "/placement", url, body, 200);
    }

    /** A registry declaration with the case's current ETag. */
    void registry(String cw, String caseId, String what, String body) throws Exception {
        withEtag(cw, registry + "/api/v1/cases/" + caseId, registry + "/api/v1/cases/" + caseId + "/" + what, body, 200);
    }

    void withEtag(String user, String etagUrl, String url, String body, int expected) throws Exception {
        for (int attempt = 0; ; attempt++) {
            String etag = call(user, "GET", etagUrl, null, null, 200, true);
            HttpResponse<String> res = send(user, "POST", url, body, etag, null);
            if (res.statusCode() == expected || res.statusCode() == 201) {
                return;
            }
            if (res.statusCode() != 412 || attempt >= 10) {
                throw new IllegalStateException("POST " + url + " " + body + ": HTTP " + res.statusCode() + " " + res.body());
            }
            Thread.sleep(100);
        }
    }

    /** A decision not replaced by a final one (the view leaves out {@code replacedBy} when it is null, or shows it as null). */
    static final Pattern DECISION = Pattern.compile("\"decisionId\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"from\"\\s*:\\s*\"([0-9-]{10})\"\\s*,"
            + "\\s*\"to\"\\s*:\\s*\"([0-9-]{10})\"\\s*,\\s*\"provisional\"\\s*:\\s*(?:true|false)(?!\\s*,\\s*\"replacedBy\"\\s*:\\s*\")");

    /** Ends the decision in force on {@code from} (and any later one) from that day: the household no longer needs benefits. */
    void terminate(String cw, String caseId, LocalDate from, String reason) throws Exception {
        String view = call(cw, "GET", benefits + "/api/v1/cases/" + caseId + "/benefits", null, null, 200);
        Matcher m = DECISION.matcher(view);
        while (m.find()) {
            LocalDate to = LocalDate.parse(m.group(3));
            if (!to.isBefore(from)) {
                LocalDate start = LocalDate.parse(m.group(2));
                withEtag(cw, benefits + "/api/v1/cases/" + caseId + "/benefits", benefits + "/api/v1/cases/" + caseId + "/benefits/decisions/"
                        + m.group(1) + "/termination", json("effectiveFrom", (start.isAfter(from) ? start : from).toString(), "reason", reason), 200);
            }
        }
    }

    static String money(long euros) {
        return new java.math.BigDecimal(euros).setScale(2).toPlainString();
    }

    /** The next decision; a back-dated one waits for the admin's approval (four-eyes). Returns the last day covered. */
    LocalDate decide(String cw, String caseId) throws Exception {
        HttpResponse<String> res = null;
        for (int i = 0; i < 100; i++) {
            String etag = call(cw, "GET", benefits + "/api/v1/cases/" + caseId + "/benefits", null, null, 200, true);
            res = send(cw, "POST", benefits + "/api/v1/cases/" + caseId + "/benefits/decisions", "{\"provisional\": false}", etag);
            if (res.statusCode() != 422 || !res.body().contains("facts-incomplete")) {
                break;
            }
            Thread.sleep(200); // the housing costs are still on their way from the registry
        }
        if (res.statusCode() == 202) {
            call("admin", "POST", benefits + "/api/v1/benefit-approvals/" + match(APPROVAL, res.body()) + "/approve", null, null, 200);
        } else if (res.statusCode() != 201) {
            throw new IllegalStateException("decision for " + caseId + ": HTTP " + res.statusCode() + " " + res.body());
        }
        String view = call(cw, "GET", benefits + "/api/v1/cases/" + caseId + "/benefits", null, null, 200);
        Matcher m = TO.matcher(view);
        LocalDate last = null;
        while (m.find()) {
            LocalDate to = LocalDate.parse(m.group(1));
            if (last == null || to.isAfter(last)) {
                last = to;
            }
        }
        return last;
    }

    static final Pattern APPROVAL_ID = Pattern.compile("\"approvalId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /**
     * Back-dated amendments (new jobs recorded after the fact) wait for a second person; the district
     * admin approves them once benefit-calculation has computed them (until five polls in a row, a second apart, find none).
     */
    void approvePending() throws Exception {
        int quiet = 0;
        for (int round = 0; round < 200 && quiet < 5; round++) {
            String open = call("admin", "GET", benefits + "/api/v1/benefit-approvals", null, null, 200);
            Matcher m = APPROVAL_ID.matcher(open);
            int n = 0;
            while (m.find()) {
                HttpResponse<String> res = send("admin", "POST", benefits + "/api/v1/benefit-approvals/" + m.group(1) + "/approve", null, null);
                if (res.statusCode() != 200 && res.statusCode() != 422) {
                    throw new IllegalStateException("approval " + m.group(1) + ": HTTP " + res.statusCode() + " " + res.body());
                }
                n++;
            }
            quiet = n == 0 ? quiet + 1 : 0;
            Thread.sleep(n == 0 ? 1000 : 100);
        }
    }

    /**
     * job-placement learns the case and its members from the registry's events too; under load its
     * consumer may lag, so wait for the head (a case worker would simply look again), up to two minutes.
     */
    void awaitPlacement(String cw, String caseId, String head) throws Exception {
        for (int i = 0; i < 1200; i++) {
            HttpResponse<String> res = send(cw, "GET", placement + "/api/v1/known-cases/" + caseId, null, null);
            if (res.statusCode() == 200 && res.body().contains(head)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("job-placement did not learn " + head + " of case " + caseId + " within 2 minutes");
    }

    String placementEtag(String cw, String caseId) throws Exception {
        return call(cw, "GET", placement + "/api/v1/cases/" + caseId + "/placement", null, null, 200, true);
    }

    /** One employer per municipality, registered by its case worker on first use. */
    synchronized String employer(String cw, String ags) throws Exception {
        String id = employers.get(ags);
        if (id == null) {
            String body = call(cw, "POST", placement + "/api/v1/employers", json("name", "Sauerland Pflege und Handwerk " + ags.substring(5),
                    "municipality", ags, "industryCode", "87.10"), null, 201, false, "demo-employer-" + seed + "-" + ags);
            id = match(EMPLOYER_ID, body);
            employers.put(ags, id);
        }
        return id;
    }

    void post(YearMonth month) throws Exception {
        HttpResponse<String> res = send("admin", "POST", benefits + "/api/v1/posting-runs/" + month, null, null);
        if (res.statusCode() != 202 && res.statusCode() != 409) {
            throw new IllegalStateException("posting run " + month + ": HTTP " + res.statusCode() + " " + res.body());
        }
        for (int i = 0; i < 600; i++) {
            String status = match(STATUS, call("admin", "GET", benefits + "/api/v1/posting-runs/" + month, null, null, 200));
            if (status.equals("DONE")) {
                return;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("posting run " + month + " failed");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("posting run " + month + " did not finish in 2 minutes");
    }

    String register(String cw, String caseId, String role, boolean female, String surname, LocalDate born, boolean employable,
            boolean singleParent, LocalDate from, Random r) throws Exception {
        String first = female ? FIRST_F[r.nextInt(FIRST_F.length)] : FIRST_M[r.nextInt(FIRST_M.length)];
        String body = call(cw, "POST", registry + "/api/v1/cases/" + caseId + "/persons", json("role", role, "firstName", first, "lastName", surname,
                "birthDate", born.toString(), "sex", female ? "FEMALE" : "MALE", "employable", employable, "singleParent", singleParent,
                "effectiveFrom", from.toString()), etag(cw, caseId), 201);
        return match(PERSON_ID, body);
    }

    void awaitKnown(String cw, String caseId, int persons) throws Exception {
        for (int i = 0; i < 1200; i++) {
            HttpResponse<String> res = send(cw, "GET", benefits + "/api/v1/known-cases/" + caseId, null, null);
            if (res.statusCode() == 200 && count(PERSON_ID, res.body()) >= persons) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("benefit-calculation did not learn case " + caseId + " within 2 minutes");
    }

    String etag(String user, String caseId) throws Exception {
        return call(user, "GET", registry + "/api/v1/cases/" + caseId, null, null, 200, true);
    }

    String call(String user, String method, String url, String body, String ifMatch, int expected) throws Exception {
        return call(user, method, url, body, ifMatch, expected, false);
    }

    /** One request; on {@code etagOnly} the ETag header is returned instead of the body. */
    String call(String user, String method, String url, String body, String ifMatch, int expected, boolean etagOnly) throws Exception {
        return call(user, method, url, body, ifMatch, expected, etagOnly, null);
    }

    /** One request, with an Idempotency-Key if given (a retry, also of a resumed run, returns the first result). */
    String call(String user, String method, String url, String body, String ifMatch, int expected, boolean etagOnly, String key) throws Exception {
        HttpResponse<String> res = send(user, method, url, body, ifMatch, key);
        if (res.statusCode() != expected && !(key != null && res.statusCode() / 100 == 2)) {
            throw new IllegalStateException(method + " " + url + ": HTTP " + res.statusCode() + " " + res.body());
        }
        return etagOnly ? res.headers().firstValue("ETag").orElseThrow() : res.body();
    }

    HttpResponse<String> send(String user, String method, String url, String body, String ifMatch) throws Exception {
        return send(user, method, url, body, ifMatch, null);
    }

    HttpResponse<String> send(String user, String method, String url, String body, String ifMatch, String key) throws Exception {
        url = spread(url);
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token(user)).header("X-Purpose", "demo scenario");
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            requests.incrementAndGet();
            HttpResponse<String> res;
            try {
                res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                if (!method.equals("GET") || attempt >= 2) {
                    throw new IllegalStateException(method + " " + url + ": no answer in 120 s", e);
                }
                continue; // a read is safe to repeat; an update is not (a resumed run repeats the whole household)
            }
            if (res.statusCode() == 503 && attempt < 5) {
                Thread.sleep(500L * (attempt + 1));
                continue;
            }
            return res;
        }
    }

    /** Password grant of the public client aeh-cli with the local-only demo password; renewed after a minute. */
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
            throw new IllegalStateException("no token for " + user + ": HTTP " + res.statusCode() + " " + res.body());
        }
        String token = match(Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\""), res.body());
        tokens.put(user, new String[] {token, Instant.now().plusSeconds(60).toString()});
        return token;
    }

    static Town pick(Random r) {
        int total = TOWNS.stream().mapToInt(Town::weight).sum();
        int x = r.nextInt(total);
        for (Town t : TOWNS) {
            x -= t.weight();
            if (x < 0) {
                return t;
            }
        }
        return TOWNS.get(0);
    }

    /** A JSON value written as it is (a nested object). */
    record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    static String json(Object... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v == null) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(kv[i]).append("\":");
            if (v instanceof List<?> l) {
                sb.append(l.stream().map(x -> "\"" + x + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]")));
            } else if (v instanceof String s && !s.matches("-?[0-9]+\\.[0-9]{2}")) {
                sb.append('"').append(s.replace("\"", "\\\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }

    static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + s);
        }
        return m.group(1);
    }

    static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
