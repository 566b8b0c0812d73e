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
 * HSK demo scenario: drives the public REST APIs exactly as case workers, a team lead and the district
 * admin would, with tokens of the local Keycloak. Seeded and reproducible, resumable (a state file
 * remembers finished cases and posted months), with a progress line (rate, ETA). It never writes to a
 * database or a topic itself.
 *
 *   java tools/demo/Demo.java [--cases 40] [--months 36] [--seed 42] [--state FILE]
 *
 * Story: cases are opened over the first two years in the 12 municipalities roughly by population;
 * households of realistic shapes declare housing costs and incomes; each applies and gets decisions
 * (back-dated ones wait for the four-eyes approval of the admin); over time more and more members find
 * work (income from a month on, so benefit-calculation amends the decisions by itself), some cases move
 * or end; every month is posted. Reporting then shows subsistence spending and long-term
 * beneficiaries falling year on year, computed from the events.
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
    final Map<String, String> employers = new HashMap<>();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern EMPLOYER_ID = Pattern.compile("\"employerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final String[] OCCUPATIONS = {"82102", "51312", "62102", "25212", "71302", "52122"};
    final Map<String, String[]> tokens = new HashMap<>();
    final int cases;
    final int months;
    final long seed;
    final Path stateFile;
    final Set<String> done = new LinkedHashSet<>();
    final YearMonth first;
    int requests;

    Demo(int cases, int months, long seed, Path stateFile) {
        this.cases = cases;
        this.months = months;
        this.seed = seed;
        this.stateFile = stateFile;
        this.first = YearMonth.now().minusMonths(months);
    }

    public static void main(String[] args) throws Exception {
        // usage: see the class comment
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path state = Path.of(o.getOrDefault("state", env("AEH_RUN_DIR", ".run") + "/demo-state.txt"));
        Demo d = new Demo(Integer.parseInt(o.getOrDefault("cases", "40")), Integer.parseInt(o.getOrDefault("months", "36")),
                Long.parseLong(o.getOrDefault("seed", "42")), state);
        d.run();
    }

    void run() throws Exception {
        if (Files.exists(stateFile)) {
            done.addAll(Files.readAllLines(stateFile));
        }
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        Instant start = Instant.now();
        int total = cases + months;
        int finished = 0;
        for (int i = 0; i < cases; i++) {
            if (!done.contains("case " + i)) {
                household(i);
                mark("case " + i);
            }
            finished++;
            progress("households", finished, total, start);
        }
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
        System.out.printf("%ndemo loaded: %d households, %d months posted, %d requests in %d s%n", cases, months, requests,
                Duration.between(start, Instant.now()).toSeconds());
    }

    void progress(String phase, int doneCount, int total, Instant start) {
        double seconds = Math.max(0.1, Duration.between(start, Instant.now()).toMillis() / 1000.0);
        double rate = doneCount / seconds;
        long eta = Math.round((total - doneCount) / Math.max(rate, 0.001));
        int width = 30;
        int filled = (int) Math.round(width * doneCount / (double) total);
        System.out.printf("\r[%s%s] %3d%% %-16s %5.1f steps/s  ETA %3d s ", "#".repeat(filled), ".".repeat(width - filled),
                100 * doneCount / total, phase, rate, eta);
        System.out.flush();
    }

    void mark(String what) throws IOException {
        done.add(what);
        Files.writeString(stateFile, what + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** One household's story, reproducible from the seed and its index. */
    void household(int index) throws Exception {
        Random r = new Random(seed * 1_000_003 + index);
        Town town = pick(r);
        String cw = town.user();
        // most cases open in the first year and a half (the district's stock of the past), fewer later, so the stock falls as
        // people find work
        int openOffset = (int) Math.min(months - 2, Math.floor(Math.pow(r.nextDouble(), 1.6) * Math.max(1, months / 2)));
        LocalDate opened = first.plusMonths(openOffset).atDay(1 + r.nextInt(27));
        String body = call(cw, "POST", registry + "/api/v1/cases", json("municipality", town.ags(), "openedOn", opened.toString()), null, 201);
        String caseId = match(CASE_ID, body);
        String surname = SURNAMES[r.nextInt(SURNAMES.length)];
        int shape = r.nextInt(100);
        boolean partner = shape >= 40 && shape < 75 || shape >= 85;
        int children = shape < 40 ? 0 : shape < 65 ? 1 + r.nextInt(2) : shape < 75 ? 0 : 1 + r.nextInt(3);
        boolean singleParent = !partner && children > 0;
        List<String[]> adults = new ArrayList<>();
        int headAge = 22 + r.nextInt(38);
        boolean female = singleParent || r.nextBoolean();
        String head = register(cw, caseId, "HEAD", female, surname, opened.minusYears(headAge).minusDays(r.nextInt(300)), true, singleParent,
                opened, r);
        adults.add(new String[] {head, "HEAD"});
        if (partner) {
            adults.add(new String[] {register(cw, caseId, "PARTNER", !female, surname, opened.minusYears(headAge - 3 + r.nextInt(7)),
                    r.nextInt(6) > 0, false, opened, r), "PARTNER"});
        }
        List<String> kids = new ArrayList<>();
        for (int k = 0; k < children; k++) {
            int age = r.nextInt(Math.max(1, Math.min(17, headAge - 18)));
            kids.add(register(cw, caseId, "CHILD", r.nextBoolean(), surname, opened.minusYears(age).minusDays(r.nextInt(300)), age >= 15,
                    false, opened, r));
        }
        int persons = 1 + (partner ? 1 : 0) + children;
        int rent = 280 + 90 * persons + r.nextInt(120);
        int heating = 50 + 20 * persons + r.nextInt(30);
        call(cw, "POST", registry + "/api/v1/cases/" + caseId + "/housing-costs", json("effectiveFrom", opened.withDayOfMonth(1).toString(),
                "rent", rent + ".00", "heating", heating + ".00", "utilities", (40 + 15 * persons) + ".00", "householdSize", persons), etag(cw, caseId), 200);
        for (String kid : kids) {
            call(cw, "POST", registry + "/api/v1/cases/" + caseId + "/incomes", json("personId", kid, "kind", "CHILD_BENEFIT", "fromMonth",
                    YearMonth.from(opened).toString(), "gross", "255.00", "net", "255.00", "socialContributions", "0.00"), etag(cw, caseId), 200);
        }
        if (r.nextInt(4) == 0) {
            // a minijob from the start
            call(cw, "POST", registry + "/api/v1/cases/" + caseId + "/incomes", json("personId", head, "kind", "EMPLOYMENT", "fromMonth",
                    YearMonth.from(opened).toString(), "gross", "520.00", "net", "520.00", "socialContributions", "0.00"), etag(cw, caseId), 200);
        }
        call(cw, "POST", registry + "/api/v1/cases/" + caseId + "/caseworkers", json("caseworkerId", "pv-" + cw.substring(3) + "-" + (1 + r.nextInt(3)),
                "function", "PLACEMENT", "effectiveFrom", opened.toString()), etag(cw, caseId), 200);
        // benefit-calculation learns the household from the registry's events
        awaitKnown(cw, caseId, persons);
        call(cw, "POST", benefits + "/api/v1/cases/" + caseId + "/benefits/application", json("receivedOn", opened.toString()), null, 201);
        LocalDate covered = decide(cw, caseId);
        // later: a job for an adult from a month on (more likely the longer the case runs), a move, or the end of the case
        YearMonth jobFrom = YearMonth.from(opened).plusMonths(6 + r.nextInt(20));
        boolean findsWork = jobFrom.isBefore(YearMonth.now()) && r.nextInt(100) < 65;
        while (covered != null && covered.isBefore(LocalDate.now())) {
            covered = decide(cw, caseId);
        }
        // placement: profile, cooperation plan and an activation measure for the head if employable
        String ags = town.ags();
        boolean headEmployable = true;
        if (headEmployable && awaitPlacement(cw, caseId)) {
            LocalDate start = opened.plusMonths(1);
            String occupation = OCCUPATIONS[r.nextInt(OCCUPATIONS.length)];
            call(cw, "PUT", placement + "/api/v1/cases/" + caseId + "/placement/persons/" + head + "/profile", "{\"qualifications\":[\"Berufsabschluss\"],"
                    + "\"occupationsSought\":[\"" + occupation + "\"],\"experienceYears\":" + r.nextInt(15) + ",\"languages\":[\"de\"],"
                    + "\"drivingLicence\":" + r.nextBoolean() + ",\"mobilityRadiusKm\":" + (15 + r.nextInt(30)) + ",\"maxHoursPerWeek\":"
                    + (singleParent ? "30.00" : "40.00") + "}", placementEtag(cw, caseId), 200);
            call(cw, "POST", placement + "/api/v1/cases/" + caseId + "/placement/persons/" + head + "/cooperation-plan",
                    "{\"goals\":[\"Beschäftigung als " + occupation + "\"],\"ownEfforts\":[\"zwei Bewerbungen im Monat\"],"
                            + "\"steps\":[\"Aktivierungsmaßnahme\",\"Vermittlungsvorschläge\"],\"agreedOn\":\"" + start
                            + "\",\"reviewBy\":\"" + start.plusMonths(5) + "\"}", null, 201);
            if (r.nextInt(3) > 0) {
                call(cw, "POST", placement + "/api/v1/cases/" + caseId + "/placement/persons/" + head + "/measures",
                        "{\"catalogueId\":\"activation-45\",\"provider\":\"Bildungszentrum Sauerland\",\"start\":\"" + start.plusMonths(1)
                                + "\",\"plannedEnd\":\"" + start.plusMonths(4) + "\",\"costs\":1200.00}", null, 201);
            }
            if (findsWork) {
                call(cw, "POST", placement + "/api/v1/cases/" + caseId + "/placement/persons/" + head + "/integrations",
                        "{\"kind\":\"EMPLOYMENT_SV\",\"startDate\":\"" + jobFrom.atDay(1) + "\",\"employerId\":\"" + employer(cw, ags)
                                + "\",\"hoursPerWeek\":" + (singleParent ? "30.00" : "39.00") + ",\"monthlyWage\":2400.00}", null, 201);
            }
        }
        if (findsWork) {
            String who = head;
            int gross = 1400 + r.nextInt(1600);
            call(cw, "POST", registry + "/api/v1/cases/" + caseId + "/incomes", json("personId", who, "kind", "EMPLOYMENT", "fromMonth",
                    jobFrom.toString(), "gross", gross + ".00", "net", Math.round(gross * 0.7) + ".00", "socialContributions",
                    Math.round(gross * 0.2) + ".00"), etag(cw, caseId), 200);
        }
        if (r.nextInt(12) == 0) {
            Town to = pick(r);
            LocalDate moved = opened.plusMonths(6 + r.nextInt(12));
            if (!to.ags().equals(town.ags()) && moved.isBefore(LocalDate.now())) {
                call(cw, "POST", registry + "/api/v1/cases/" + caseId + "/move", json("toMunicipality", to.ags(), "effectiveFrom", moved.toString()),
                        etag(cw, caseId), 200);
            }
        }
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
     * admin approves them once benefit-calculation has computed them (until three polls in a row find none).
     */
    void approvePending() throws Exception {
        int quiet = 0;
        for (int round = 0; round < 200 && quiet < 3; round++) {
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

    /** job-placement learns the case from the registry's events too. */
    boolean awaitPlacement(String cw, String caseId) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> res = send(cw, "GET", placement + "/api/v1/known-cases/" + caseId, null, null);
            if (res.statusCode() == 200) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    String placementEtag(String cw, String caseId) throws Exception {
        return call(cw, "GET", placement + "/api/v1/cases/" + caseId + "/placement", null, null, 200, true);
    }

    /** One employer per municipality, registered by its case worker on first use. */
    String employer(String cw, String ags) throws Exception {
        String id = employers.get(ags);
        if (id == null) {
            String body = call(cw, "POST", placement + "/api/v1/employers", json("name", "Sauerland Pflege und Handwerk " + ags.substring(5),
                    "municipality", ags, "industryCode", "87.10"), null, 201);
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
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> res = send(cw, "GET", benefits + "/api/v1/known-cases/" + caseId, null, null);
            if (res.statusCode() == 200 && count(PERSON_ID, res.body()) >= persons) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("benefit-calculation did not learn case " + caseId + " within 30 s");
    }

    String etag(String user, String caseId) throws Exception {
        return call(user, "GET", registry + "/api/v1/cases/" + caseId, null, null, 200, true);
    }

    String call(String user, String method, String url, String body, String ifMatch, int expected) throws Exception {
        return call(user, method, url, body, ifMatch, expected, false);
    }

    /** One request; on {@code etagOnly} the ETag header is returned instead of the body. */
    String call(String user, String method, String url, String body, String ifMatch, int expected, boolean etagOnly) throws Exception {
        HttpResponse<String> res = send(user, method, url, body, ifMatch);
        if (res.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + ": HTTP " + res.statusCode() + " " + res.body());
        }
        return etagOnly ? res.headers().firstValue("ETag").orElseThrow() : res.body();
    }

    HttpResponse<String> send(String user, String method, String url, String body, String ifMatch) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(user)).header("X-Purpose", "demo scenario");
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            requests++;
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 503 && attempt < 5) {
                Thread.sleep(500L * (attempt + 1));
                continue;
            }
            return res;
        }
    }

    /** Password grant of the public client aeh-cli with the local-only demo password; renewed after a minute. */
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

    static String json(Object... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(kv[i]).append("\":");
            Object v = kv[i + 1];
            if (v instanceof String s && !s.matches("-?[0-9]+\\.[0-9]{2}")) {
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
