import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The Hochsauerlandkreis at its real size as a migration file (docs/migration.md, docs/demo.md "The district at its real
 * size"): one household per line (JSON Lines), valid against libs/migration-format's household.schema.json and the
 * HouseholdValidator, seeded and deterministic (the same options give a byte-identical file). Single-file Java 17, no
 * dependencies:
 *
 *   java tools/demo/District.java [--seed 42] [--out .run/district.jsonl] [--from 2021-01] [--until YYYY-MM]
 *                                 [--scale 1.0] [--summary OUT.summary.json]
 *
 * --until is the last month the old system recorded (the cut-over day is its last day); default the month before the
 * current month, read once from the system clock and printed. Every household's story is drawn from the seed and its
 * index alone and written as soon as it is told (streamed). Each household carries the facts its decisions were computed
 * from (housing costs, earnings, child benefit), so that benefit-calculation can recompute it. The summary file holds the
 * generator's own count of the last 24 months (households with a decision in force, eLb, LZB, LLU, KdU, integrations per
 * municipality and the district) with reporting's definitions (docs/reporting.md), and the headline figures K1, K2, K3
 * of the last month, computed from the households written, independently of the system under test.
 */
public class District {

    // ------------------------------------------------------------------------------------------------ reference data

    record Town(int index, String ags, String name, String slug, int population, String[] postcodes, String rentFactor) {
    }

    /** The 12 municipalities (domain.md) with about their population (end of 2023, ~261,600) and a rent level. */
    static final Town[] TOWNS = {
            new Town(0, "05958004", "Arnsberg", "arnsberg", 75000, new String[] {"59755", "59757", "59759", "59821", "59823"}, "1.06"),
            new Town(1, "05958008", "Bestwig", "bestwig", 10700, new String[] {"59909"}, "0.95"),
            new Town(2, "05958012", "Brilon", "brilon", 25500, new String[] {"59929"}, "1.00"),
            new Town(3, "05958016", "Eslohe (Sauerland)", "eslohe", 8800, new String[] {"59889"}, "0.95"),
            new Town(4, "05958020", "Hallenberg", "hallenberg", 4500, new String[] {"59969"}, "0.93"),
            new Town(5, "05958024", "Marsberg", "marsberg", 19500, new String[] {"34431"}, "0.96"),
            new Town(6, "05958028", "Medebach", "medebach", 7900, new String[] {"59964"}, "0.93"),
            new Town(7, "05958032", "Meschede", "meschede", 30000, new String[] {"59872"}, "1.03"),
            new Town(8, "05958036", "Olsberg", "olsberg", 14600, new String[] {"59939"}, "0.98"),
            new Town(9, "05958040", "Schmallenberg", "schmallenberg", 24800, new String[] {"57392"}, "1.00"),
            new Town(10, "05958044", "Sundern (Sauerland)", "sundern", 27500, new String[] {"59846"}, "1.00"),
            new Town(11, "05958048", "Winterberg", "winterberg", 12800, new String[] {"59955"}, "1.02")};
    static final int POPULATION = java.util.Arrays.stream(TOWNS).mapToInt(Town::population).sum();
    static final int DISTRICT = TOWNS.length;

    static final String[] STREETS = {"Hauptstraße", "Bahnhofstraße", "Kirchstraße", "Schulstraße", "Gartenstraße", "Ringstraße",
            "Lindenstraße", "Mühlenweg", "Am Markt", "Ruhrstraße", "Brückenstraße", "Feldstraße", "Waldstraße", "Bergstraße",
            "Sauerlandstraße", "Am Hang", "Rosenweg", "Birkenweg", "Wiesenweg", "Burgstraße", "Talstraße", "Schützenstraße",
            "Im Siepen", "Auf der Lied", "Hennestraße", "Lennestraße", "Kapellenweg", "Steinweg", "Zum Sportplatz", "Eichenweg"};

    /** First names by origin and birth cohort (before 1976, 1976–1995, from 1996). */
    static final String[][] DE_F = {
            {"Sabine", "Petra", "Andrea", "Claudia", "Susanne", "Birgit", "Martina", "Monika", "Karin", "Gabriele", "Heike", "Anja",
                    "Silke", "Ute", "Elke", "Renate", "Marion", "Doris"},
            {"Julia", "Katharina", "Sarah", "Jennifer", "Christina", "Melanie", "Nadine", "Jessica", "Vanessa", "Stefanie", "Nicole",
                    "Sandra", "Daniela", "Kathrin", "Tanja", "Jana", "Anna", "Lisa"},
            {"Mia", "Emma", "Hannah", "Sophie", "Lea", "Lena", "Marie", "Emilia", "Lina", "Leonie", "Clara", "Ella", "Mila", "Amelie",
                    "Johanna", "Luisa", "Paula", "Lara", "Charlotte", "Laura"}};
    static final String[][] DE_M = {
            {"Thomas", "Michael", "Andreas", "Stefan", "Frank", "Jürgen", "Uwe", "Ralf", "Peter", "Klaus", "Matthias", "Dirk", "Jörg",
                    "Markus", "Bernd", "Holger", "Wolfgang", "Detlef"},
            {"Daniel", "Christian", "Tobias", "Sebastian", "Dennis", "Patrick", "Marcel", "Sven", "Florian", "Kevin", "Alexander", "Jan",
                    "Philipp", "Dominik", "Marco", "Benjamin", "Timo", "Mario"},
            {"Ben", "Paul", "Leon", "Finn", "Noah", "Elias", "Luis", "Felix", "Jonas", "Lukas", "Emil", "Henry", "Theo", "Maximilian",
                    "Luca", "Niklas", "Moritz", "Jakob", "Mats", "Anton"}};
    static final String[] DE_LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
            "Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Hartmann", "Lange", "Krause",
            "Lehmann", "König", "Schulte", "Schütte", "Hesse", "Hömberg", "Kemper", "Droste", "Wiegelmann", "Stratmann", "Vogt",
            "Brüggemann", "Kersting", "Hennecke", "Tillmann", "Rüther", "Kötter", "Hengesbach", "Schmelter", "Störmann", "Wrede",
            "Henke", "Kaiser", "Funke", "Voß", "Sauer", "Linn", "Menke", "Plümper", "Gerlach", "Heimes", "Bathe", "Rinke", "Nolte",
            "Kramer", "Winkelmann", "Hanses", "Tigges", "Föster"};
    static final String[] TR_F = {"Ayşe", "Elif", "Fatma", "Zeynep", "Emine", "Merve", "Amina", "Fatima", "Layla", "Nour", "Yasmin",
            "Hiba", "Rana", "Dilan"};
    static final String[] TR_M = {"Mehmet", "Ahmet", "Mustafa", "Ali", "Yusuf", "Omar", "Mohammed", "Khaled", "Hassan", "Ibrahim", "Emre",
            "Murat", "Karim", "Samir"};
    static final String[] TR_LAST = {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Haddad", "Khalil",
            "Mansour", "Nasser", "Saleh", "Youssef", "Hamdan", "Othman", "Barakat"};
    static final String[] EE_F = {"Natalia", "Katarzyna", "Agnieszka", "Irina", "Swetlana", "Elena", "Olga", "Monika", "Ioana", "Maria"};
    static final String[] EE_M = {"Piotr", "Tomasz", "Krzysztof", "Andrzej", "Sergej", "Alexej", "Dmitrij", "Viktor", "Andrei", "Marius"};
    static final String[] EE_LAST = {"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Popescu", "Ionescu",
            "Petrov", "Iwanow", "Schmidt", "Becker", "Wolkow", "Horvat"};
    static final String[] UA_F = {"Olena", "Oksana", "Iryna", "Tetiana", "Nataliia", "Yuliia", "Kateryna", "Anastasiia", "Viktoriia",
            "Sofiia", "Halyna", "Liudmyla"};
    static final String[] UA_M = {"Oleksandr", "Andrii", "Serhii", "Dmytro", "Mykola", "Volodymyr", "Maksym", "Artem", "Bohdan", "Taras",
            "Yurii", "Ivan"};
    static final String[] UA_LAST = {"Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Oliinyk",
            "Lysenko", "Moroz", "Savchenko", "Rudenko", "Marchenko", "Ponomarenko", "Kovalchuk", "Polishchuk"};

    /** job-placement's measure catalogue (services/job-placement/src/main/resources/reference/measures.json). */
    record Catalogue(String id, String legalBasis, String category, int minMonths, int maxMonths, int minCost, int maxCost) {
    }

    static final Catalogue PLACEMENT_BUDGET = new Catalogue("placement-budget-44", "§ 16(1) SGB II i.V.m. § 44 SGB III", "ACTIVE_LABOUR_MARKET", 0, 0, 40, 450);
    static final Catalogue ACTIVATION = new Catalogue("activation-45", "§ 16(1) SGB II i.V.m. § 45 SGB III", "ACTIVE_LABOUR_MARKET", 2, 6, 900, 3800);
    static final Catalogue TRAINING = new Catalogue("further-training-81", "§ 16(1) SGB II i.V.m. § 81 SGB III", "ACTIVE_LABOUR_MARKET", 4, 12, 3000, 14000);
    static final Catalogue HOLISTIC = new Catalogue("holistic-support-16k", "§ 16k SGB II", "ACTIVE_LABOUR_MARKET", 6, 12, 1500, 5000);
    static final Catalogue SUBSIDY_88 = new Catalogue("integration-subsidy-88", "§ 16(1) SGB II i.V.m. § 88 SGB III", "WAGE_SUBSIDY", 6, 12, 3000, 12000);
    static final Catalogue LTU_16E = new Catalogue("long-term-unemployed-16e", "§ 16e SGB II", "WAGE_SUBSIDY", 24, 24, 12000, 30000);
    static final Catalogue START_UP_16B = new Catalogue("start-up-grant-16b", "§ 16b SGB II", "WAGE_SUBSIDY", 6, 12, 1200, 4000);
    static final Catalogue WORK_OPP_16D = new Catalogue("work-opportunity-16d", "§ 16d SGB II", "SUBSIDISED_PUBLIC_EMPLOYMENT", 6, 12, 1500, 4500);
    static final Catalogue PARTICIPATION_16I = new Catalogue("participation-16i", "§ 16i SGB II", "SUBSIDISED_PUBLIC_EMPLOYMENT", 24, 60, 30000, 95000);
    static final Catalogue CHILDCARE = new Catalogue("childcare-16a", "§ 16a Nr. 1 SGB II", "MUNICIPAL_SUPPORT", 3, 12, 300, 2500);
    static final Catalogue DEBT = new Catalogue("debt-counselling-16a", "§ 16a Nr. 2 SGB II", "MUNICIPAL_SUPPORT", 3, 9, 200, 900);
    static final Catalogue PSYCHOSOCIAL = new Catalogue("psychosocial-16a", "§ 16a Nr. 3 SGB II", "MUNICIPAL_SUPPORT", 3, 12, 400, 2400);
    static final Catalogue ADDICTION = new Catalogue("addiction-counselling-16a", "§ 16a Nr. 4 SGB II", "MUNICIPAL_SUPPORT", 3, 12, 400, 2000);

    static final String[] PROVIDERS = {"Bildungswerk Sauerland gGmbH", "Qualifizierungszentrum Hochsauerland", "Berufsbildungszentrum Meschede",
            "Sauerländer Bildungsakademie", "Arbeit und Qualifizierung Ruhr-Lenne e. V.", "Beratungszentrum Hochsauerland", "Jugendwerkstatt Brilon",
            "Fachdienst Schuldnerberatung HSK", "Suchtberatung Sauerland", "Kita-Verbund Arnsberg"};

    // ------------------------------------------------------------------------------------------------ rules (data)

    /** Regelbedarf levels 1–6 (§ 20, § 23 SGB II; RBEG and the yearly RBSFV), by year; 2024–2026 unchanged. */
    static int[] standardNeeds(int year) {
        return switch (Math.max(2018, Math.min(year, 2026))) {
            case 2018 -> new int[] {416, 374, 332, 316, 296, 240};
            case 2019 -> new int[] {424, 382, 339, 322, 302, 245};
            case 2020 -> new int[] {432, 389, 345, 328, 308, 250};
            case 2021 -> new int[] {446, 401, 357, 373, 309, 283};
            case 2022 -> new int[] {449, 404, 360, 376, 311, 285};
            case 2023 -> new int[] {502, 451, 402, 420, 348, 318};
            default -> new int[] {563, 506, 451, 471, 390, 357};
        };
    }

    /** § 72 SGB II child supplement for levels 3–6 in the parents' household: 20 € from 2022-07, 25 € from 2025-01. */
    static int childSupplement(int month) {
        return month >= mi(2025, 1) ? 25 : month >= mi(2022, 7) ? 20 : 0;
    }

    /** Kindergeld per child and month (1st, 2nd, 3rd, 4th and further child until 2022; one amount from 2023). */
    static int childBenefit(int year, int order) {
        if (year >= 2026) {
            return 259;
        }
        if (year == 2025) {
            return 255;
        }
        if (year >= 2023) {
            return 250;
        }
        int[] a = year >= 2021 ? new int[] {219, 219, 225, 250} : year >= 2019 ? new int[] {204, 204, 210, 235} : new int[] {194, 194, 200, 225};
        return a[Math.min(order, 3)];
    }

    /** Minijob threshold (§ 8(1a) SGB IV). */
    static int minijobThreshold(int month) {
        return month >= mi(2026, 1) ? 603 : month >= mi(2025, 1) ? 556 : month >= mi(2024, 1) ? 538 : month >= mi(2022, 10) ? 520 : 450;
    }

    /** Statutory minimum wage per hour, in cents (for § 16i jobs). */
    static int minimumWageCents(int month) {
        return month >= mi(2026, 1) ? 1390 : month >= mi(2025, 1) ? 1282 : month >= mi(2024, 1) ? 1241 : month >= mi(2022, 10) ? 1200
                : month >= mi(2022, 7) ? 1045 : month >= mi(2021, 7) ? 960 : 950;
    }

    /** Rent level of a year relative to 2024 (rents, utilities and the heating costs of 2022/2023). */
    static BigDecimal rentIndex(int year) {
        return new BigDecimal(switch (Math.max(2018, Math.min(year, 2026))) {
            case 2018 -> "0.88";
            case 2019 -> "0.89";
            case 2020 -> "0.90";
            case 2021 -> "0.91";
            case 2022 -> "0.94";
            case 2023 -> "0.99";
            case 2024 -> "1.00";
            case 2025 -> "1.03";
            default -> "1.05";
        });
    }

    /** Warm rent (gross cold rent + heating) of a flat for n residents, € per month at the 2024 level: low and high end. */
    static final int[][] RENT = {{0, 0}, {370, 520}, {450, 610}, {530, 700}, {610, 790}, {690, 870}};

    /** A period of approval is split where the law changed the amounts: every 1 January and 2022-07-01 (child supplement). */
    static boolean ruleChange(int month) {
        return month % 12 == 0 || month == mi(2022, 7);
    }

    // ------------------------------------------------------------------------------------------------ model parameters

    /** Monthly chance of leaving benefits without work (partner's income, moving away, priority benefits, …). */
    static double otherExit(int year, boolean longTerm) {
        int y = Math.max(2020, Math.min(year, 2026)) - 2020;
        double[] shortTerm = {0.023, 0.023, 0.023, 0.024, 0.024, 0.024, 0.024};
        double[] longTermRate = {0.0055, 0.0055, 0.0055, 0.0060, 0.0065, 0.0080, 0.0100};
        return longTerm ? longTermRate[y] : shortTerm[y];
    }

    /** Share of long-term households among new households. */
    static final double NEW_LONG_TERM = 0.34;

    /** Households in need at the start of the history (scale 1). */
    static final int INITIAL_STOCK = 8000;

    /** New households (applications granted) per month, scale 1, by year; 2022/2023 plus the refugees from Ukraine. */
    static double inflow(int month) {
        int y = month / 12;
        int m = month % 12 + 1;
        double base = switch (Math.max(2018, Math.min(y, 2026))) {
            case 2018, 2019, 2020, 2021 -> 212;
            case 2022 -> 210;
            case 2023 -> 228;
            case 2024 -> 232;
            case 2025 -> 240;
            default -> 242;
        };
        double season = switch (m) {
            case 1 -> 1.10;
            case 7, 8 -> 0.92;
            case 12 -> 0.90;
            default -> 1.0;
        };
        return base * season + ukraine(month);
    }

    /** Refugees from Ukraine entered SGB II from June 2022 (Rechtskreiswechsel). */
    static double ukraine(int month) {
        if (month == mi(2022, 6)) {
            return 230;
        }
        if (month >= mi(2022, 7) && month <= mi(2022, 12)) {
            return 70;
        }
        if (month >= mi(2023, 1) && month <= mi(2023, 12)) {
            return 22;
        }
        if (month >= mi(2024, 1)) {
            return 8;
        }
        return 0;
    }

    /** Monthly chance that an employable head or partner of a household in need takes up work that ends the need, by year. */
    static double workRate(int year, boolean longTerm) {
        int y = Math.max(2020, Math.min(year, 2026)) - 2020;
        double[] shortTerm = {0.062, 0.062, 0.062, 0.062, 0.060, 0.058, 0.055};
        double[] longTermRate = {0.0095, 0.0095, 0.0100, 0.0110, 0.0130, 0.0165, 0.0210};
        return longTerm ? longTermRate[y] : shortTerm[y];
    }

    /** Change of the chance of a job held while in need (minijob, part-time, § 16i) by year. */
    static double workTrend(int year) {
        return workRate(year, true) / workRate(2022, true);
    }

    // ------------------------------------------------------------------------------------------------ options, run

    final long seed;
    final Path out;
    final Path summaryPath;
    final int fromM;
    final int untilM;
    final double scale;
    final LocalDate cutOver;
    final int[][] staff = new int[TOWNS.length][3];
    long customerCounter = 0;

    District(long seed, Path out, Path summary, YearMonth from, YearMonth until, double scale) {
        this.seed = seed;
        this.out = out;
        this.summaryPath = summary;
        this.fromM = mi(from.getYear(), from.getMonthValue());
        this.untilM = mi(until.getYear(), until.getMonthValue());
        this.scale = scale;
        this.cutOver = last(untilM);
        for (Town t : TOWNS) {
            double share = (double) t.population() / POPULATION;
            staff[t.index()][0] = Math.max(1, (int) Math.round(share * 7600 * scale / 130)); // benefits officers, ~130 households each
            staff[t.index()][1] = Math.max(1, (int) Math.round(share * 10000 * scale / 140)); // placement officers, ~1:140
            staff[t.index()][2] = Math.max(1, (int) Math.round(share * 2000 * scale / 75)); // case managers, 1:75
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: java tools/demo/District.java [--seed 42] [--out .run/district.jsonl] [--from 2021-01] "
                        + "[--until YYYY-MM] [--scale 1.0] [--summary FILE]");
                System.exit(1);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        for (String k : o.keySet()) {
            if (!List.of("seed", "out", "from", "until", "scale", "summary").contains(k)) {
                System.err.println("unknown option --" + k);
                System.exit(1);
            }
        }
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        Path out = Path.of(o.getOrDefault("out", ".run/district.jsonl"));
        String outName = out.getFileName().toString();
        Path summary = Path.of(o.getOrDefault("summary",
                out.resolveSibling((outName.endsWith(".jsonl") ? outName.substring(0, outName.length() - 6) : outName) + ".summary.json").toString()));
        YearMonth from = YearMonth.parse(o.getOrDefault("from", "2021-01"));
        YearMonth until;
        if (o.containsKey("until")) {
            until = YearMonth.parse(o.get("until"));
        } else {
            until = YearMonth.now().minusMonths(1);
            System.out.println("--until not given: the month before the current month from the system clock, " + until);
        }
        double scale = Double.parseDouble(o.getOrDefault("scale", "1.0"));
        if (from.isBefore(YearMonth.of(2018, 1)) || !until.isAfter(from) || scale <= 0 || scale > 100) {
            System.err.println("need 2018-01 <= --from < --until and 0 < --scale <= 100");
            System.exit(1);
        }
        new District(seed, out, summary, from, until, scale).run();
    }

    // counts for the report line
    long nHouseholds, nMembers, nDecisions, nTerminations, nPostings, nMeasures, nMeasureEnds, nIntegrations, nEmploymentEnds, nMoves,
            nCaseworkers, nUnemploymentStarts, nUnemploymentEnds, nLeaves, nCloses, nSpells, nEmployability, nCircumstances, nBirths;
    final Map<String, Long> integrationKinds = new TreeMap<>();
    final Map<String, Long> shapes = new TreeMap<>();

    void run() throws IOException {
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "district: seed %d, scale %s, history %s to %s (cut-over %s), out %s, summary %s%n", seed,
                BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString(), ym(fromM), ym(untilM), cutOver, out, summaryPath);
        // the plan: the stock at the start, then the inflow month by month (fractions carried, so any scale is exact)
        List<int[]> plan = new ArrayList<>(); // {openMonth or -1 for the stock}
        int stock = (int) Math.round(INITIAL_STOCK * scale);
        for (int i = 0; i < stock; i++) {
            plan.add(new int[] {-1});
        }
        double carry = 0;
        for (int m = fromM + 1; m <= untilM; m++) {
            carry += inflow(m) * scale;
            int n = (int) Math.floor(carry);
            carry -= n;
            for (int i = 0; i < n; i++) {
                plan.add(new int[] {m});
            }
        }
        Summary summary = new Summary();
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        long bytes = 0;
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            for (int i = 0; i < plan.size(); i++) {
                Household h = new Story(i, plan.get(i)[0]).tell();
                String line = h.json();
                w.write(line);
                w.write('\n');
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                summary.add(h);
                count(h);
                if (System.console() != null && ((i + 1) % 2000 == 0 || i + 1 == plan.size())) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.out.printf(Locale.ROOT, "\rhouseholds %,d / %,d (%.0f%%), %,.0f/s, %.1f s ", i + 1, plan.size(), 100.0 * (i + 1) / plan.size(),
                            (i + 1) / s, s);
                    System.out.flush();
                }
            }
        }
        if (System.console() != null) {
            System.out.println();
        }
        String json = summary.json();
        Files.writeString(summaryPath, json, StandardCharsets.UTF_8);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "wrote %s: %,d bytes (%.1f MB) in %.1f s%n", out, bytes, bytes / 1e6, secs);
        System.out.printf(Locale.ROOT, "households %,d (applications %,d), members %,d (births %,d), decisions %,d (terminated %,d), postings %,d, "
                        + "measures %,d (ended %,d), integrations %,d (employments ended %,d), moves %,d%n", nHouseholds, nSpells, nMembers, nBirths,
                nDecisions, nTerminations, nPostings, nMeasures, nMeasureEnds, nIntegrations, nEmploymentEnds, nMoves);
        System.out.println("shapes " + shapes + "; integrations by kind " + integrationKinds);
        long registry = nHouseholds + nMembers + nMoves + nCaseworkers + nUnemploymentStarts + nUnemploymentEnds + nEmployability + nCircumstances
                + nLeaves + nCloses;
        long benefits = nSpells + nDecisions + nTerminations + nPostings;
        long placement = nMeasures + nMeasureEnds + nIntegrations + nEmploymentEnds;
        System.out.printf(Locale.ROOT, "estimated events: registry %,d (cases opened %,d, persons %,d, moves %,d, case workers %,d, unemployment %,d + %,d, "
                        + "employability %,d, circumstances %,d, leaves %,d, closed %,d); benefits %,d (applications %,d, decisions %,d, terminations %,d, "
                        + "postings %,d); placement %,d (measures started %,d, ended %,d, integrations %,d, employments ended %,d); total %,d%n",
                registry, nHouseholds, nMembers, nMoves, nCaseworkers, nUnemploymentStarts, nUnemploymentEnds, nEmployability, nCircumstances, nLeaves,
                nCloses, benefits, nSpells, nDecisions, nTerminations, nPostings, placement, nMeasures, nMeasureEnds, nIntegrations, nEmploymentEnds,
                registry + benefits + placement);
        summary.printHistory();
        summary.printHeadline();
    }

    void count(Household h) {
        nHouseholds++;
        nSpells += h.spells;
        shapes.merge(h.shape, 1L, Long::sum);
        for (Person p : h.members) {
            nMembers++;
            nUnemploymentStarts += p.unemployment.size();
            for (LocalDate[] u : p.unemployment) {
                nUnemploymentEnds += u[1] != null ? 1 : 0;
            }
            nEmployability += p.employability.size();
            nCircumstances += p.circumstances.size();
            nLeaves += p.left != null ? 1 : 0;
            nBirths += p.bornHere ? 1 : 0;
        }
        nMoves += h.moveOn != null ? 1 : 0;
        nCaseworkers += h.caseworkers.size();
        nCloses += h.closed != null ? 1 : 0;
        nDecisions += h.decisions.size();
        for (Decision d : h.decisions) {
            nTerminations += d.terminatedFrom != null ? 1 : 0;
        }
        nPostings += h.postings.size();
        nMeasures += h.measures.size();
        for (Measure m : h.measures) {
            nMeasureEnds += m.end != null ? 1 : 0;
        }
        nIntegrations += h.integrations.size();
        for (Integration n : h.integrations) {
            nEmploymentEnds += n.end != null ? 1 : 0;
            integrationKinds.merge(n.kind, 1L, Long::sum);
        }
    }

    // ------------------------------------------------------------------------------------------------ the household

    static final class Person {
        String id;
        String customerNumber;
        String role;
        String first;
        String last;
        LocalDate birth;
        String sex;
        boolean employable;
        boolean singleParent;
        String address;
        String email;
        String insurance;
        LocalDate joined;
        LocalDate left;
        boolean bornHere;
        final List<Object[]> employability = new ArrayList<>(); // {LocalDate from, Boolean employable, String basis}
        final List<LocalDate[]> unemployment = new ArrayList<>(); // {from, to or null}
        final List<LocalDate[]> circumstances = new ArrayList<>(); // {from, expectedDelivery, deliveredOn or null}
        final List<Income> incomes = new ArrayList<>();
        final List<Object[]> incomeFacts = new ArrayList<>(); // the file's incomes: {kind, fromMonth, toMonth or null, gross, net}
        Measure running;
        Integration job; // a job held while in need (minijob, part-time, § 16i)

        int ageOn(LocalDate d) {
            return Period.between(birth, d).getYears();
        }

        boolean memberOn(LocalDate d) {
            return !joined.isAfter(d) && (left == null || left.isAfter(d));
        }

        YearMonth born() {
            return YearMonth.from(birth);
        }

        /** Reporting's rule (Facts.Person.ableToWorkIn): the latest change by the month's end, else as registered (under 15: from 15). */
        boolean ableToWorkIn(int month) {
            Object[] latest = null;
            for (Object[] c : employability) {
                if (!((LocalDate) c[0]).isAfter(last(month))) {
                    latest = c;
                }
            }
            if (latest != null) {
                return (Boolean) latest[1];
            }
            if (YearMonth.from(joined).isBefore(born().plusYears(15))) {
                return true;
            }
            return employable;
        }

        boolean workingAge(int month) {
            YearMonth m = YearMonth.of(month / 12, month % 12 + 1);
            YearMonth b = born();
            YearMonth lastMonth = b.plusYears(65).plusMonths(monthsBeyond65(b.getYear()));
            return !m.isBefore(b.plusYears(15)) && !m.isAfter(lastMonth);
        }

        /**
         * The format's rule for measures and employments (MigrationIds.employableOn, § 8 SGB II): of working age in the
         * day's month, then the latest recorded change from that day or before, else as registered (joined under 15: employable).
         */
        boolean employableOn(LocalDate d) {
            if (!workingAge(mi(d))) {
                return false;
            }
            Boolean recorded = null;
            for (Object[] c : employability) {
                if (!((LocalDate) c[0]).isAfter(d)) {
                    recorded = (Boolean) c[1];
                }
            }
            if (recorded != null) {
                return recorded;
            }
            return employable || YearMonth.from(joined).isBefore(born().plusYears(15));
        }

        int lastWorkingMonth() {
            YearMonth b = born();
            YearMonth l = b.plusYears(65).plusMonths(monthsBeyond65(b.getYear()));
            return mi(l.getYear(), l.getMonthValue());
        }

        Income incomeIn(int month) {
            for (Income i : incomes) {
                if (i.from <= month && month <= i.to) {
                    return i;
                }
            }
            return null;
        }

        void endUnemployment(LocalDate on) {
            if (!unemployment.isEmpty()) {
                LocalDate[] u = unemployment.get(unemployment.size() - 1);
                if (u[1] == null) {
                    if (on.isBefore(u[0])) {
                        unemployment.remove(unemployment.size() - 1);
                    } else {
                        u[1] = on;
                    }
                }
            }
        }

        boolean unemployed() {
            return !unemployment.isEmpty() && unemployment.get(unemployment.size() - 1)[1] == null;
        }

        LocalDate lastUnemploymentEnd() {
            return unemployment.isEmpty() ? null : unemployment.get(unemployment.size() - 1)[1];
        }
    }

    /** § 7a SGB II: months beyond 65 of the age limit by year of birth (as WorkingAge). */
    static int monthsBeyond65(int yearOfBirth) {
        if (yearOfBirth < 1947) {
            return 0;
        }
        if (yearOfBirth <= 1958) {
            return yearOfBirth - 1946;
        }
        if (yearOfBirth <= 1963) {
            return 12 + 2 * (yearOfBirth - 1958);
        }
        return 24;
    }

    static final class Income {
        int from;
        int to = Integer.MAX_VALUE;
        final int gross;
        final String kind; // EMPLOYMENT (wage) or SELF_EMPLOYMENT (monthly profit), the format's income kind

        Income(int from, int gross) {
            this(from, gross, "EMPLOYMENT");
        }

        Income(int from, int gross, String kind) {
            this.from = from;
            this.gross = gross;
            this.kind = kind;
        }
    }

    static final class Decision {
        String id;
        LocalDate from;
        LocalDate to;
        boolean provisional;
        List<Object[]> shares; // {personId, llu, kdu}
        LocalDate terminatedFrom;
        String terminationReason;

        BigDecimal llu() {
            return shares.stream().map(s -> (BigDecimal) s[1]).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        }

        BigDecimal kdu() {
            return shares.stream().map(s -> (BigDecimal) s[2]).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        }

        /** Reporting's Facts.Decision.covers: the month lies in the period and a termination is after its first day. */
        boolean covers(int month) {
            return mi(from) <= month && month <= mi(to) && (terminatedFrom == null || terminatedFrom.isAfter(first(month)));
        }
    }

    static final class Measure {
        String id;
        Person person;
        Catalogue c;
        String provider;
        LocalDate assigned;
        LocalDate start;
        LocalDate plannedEnd;
        LocalDate end;
        String outcome;
        int costs;
    }

    static final class Integration {
        Person person;
        String kind;
        LocalDate start;
        String hours;
        Integer wage;
        LocalDate end;
        String endReason;
    }

    static final class Household {
        String id;
        String shape;
        Town town;
        LocalDate opened;
        LocalDate closed;
        String closeReason;
        LocalDate moveOn;
        Town moveTo;
        int spells;
        final List<Person> members = new ArrayList<>();
        final List<String[]> caseworkers = new ArrayList<>(); // {function, id, from}
        final List<Decision> decisions = new ArrayList<>();
        final List<Object[]> postings = new ArrayList<>(); // {month, List<Object[]{personId, llu, kdu, reduction}>}
        final List<Measure> measures = new ArrayList<>();
        final List<Integration> integrations = new ArrayList<>();
        final List<Object[]> housing = new ArrayList<>(); // {from, warm rent, residents, rent, utilities, heating}

        Town townAt(LocalDate d) {
            return moveOn != null && !moveOn.isAfter(d) ? moveTo : town;
        }

        String json() {
            Json j = new Json();
            j.open();
            j.str("householdId", id).str("municipality", town.ags()).date("openedOn", opened);
            if (closed != null) {
                j.date("closedOn", closed).str("closeReason", closeReason);
            }
            if (moveOn != null) {
                j.array("moves").open().date("on", moveOn).str("to", moveTo.ags()).close().end();
            }
            j.array("members");
            for (Person p : members) {
                j.open().str("personId", p.id).str("customerNumber", p.customerNumber).str("role", p.role).str("firstName", p.first)
                        .str("lastName", p.last).date("birthDate", p.birth).str("sex", p.sex).bool("employable", p.employable)
                        .bool("singleParent", p.singleParent);
                if (p.address != null) {
                    j.str("address", p.address);
                }
                if (p.email != null) {
                    j.str("email", p.email);
                }
                if (p.insurance != null) {
                    j.str("insuranceNumber", p.insurance);
                }
                j.date("joinedOn", p.joined);
                if (p.left != null) {
                    j.date("leftOn", p.left);
                }
                if (!p.employability.isEmpty()) {
                    j.array("employability");
                    for (Object[] e : p.employability) {
                        j.open().date("from", (LocalDate) e[0]).bool("employable", (Boolean) e[1]).str("basis", (String) e[2]).close();
                    }
                    j.end();
                }
                if (!p.unemployment.isEmpty()) {
                    j.array("unemployment");
                    for (LocalDate[] u : p.unemployment) {
                        j.open().date("from", u[0]);
                        if (u[1] != null) {
                            j.date("to", u[1]);
                        }
                        j.close();
                    }
                    j.end();
                }
                if (!p.circumstances.isEmpty()) {
                    j.array("circumstances");
                    for (LocalDate[] c : p.circumstances) {
                        j.open().date("from", c[0]).date("expectedDelivery", c[1]);
                        if (c[2] != null) {
                            j.date("deliveredOn", c[2]);
                        }
                        j.close();
                    }
                    j.end();
                }
                if (!p.incomeFacts.isEmpty()) {
                    j.array("incomes");
                    for (Object[] in : p.incomeFacts) {
                        BigDecimal gross = (BigDecimal) in[3];
                        BigDecimal net = (BigDecimal) in[4];
                        j.open().str("kind", (String) in[0]).str("fromMonth", ym((Integer) in[1]));
                        if (in[2] != null) {
                            j.str("toMonth", ym((Integer) in[2]));
                        }
                        j.num("gross", gross).num("net", net).num("socialContributions", gross.subtract(net)).close();
                    }
                    j.end();
                }
                j.close();
            }
            j.end();
            j.array("caseworkers");
            for (String[] c : caseworkers) {
                j.open().str("function", c[0]).str("caseworkerId", c[1]).str("from", c[2]).close();
            }
            j.end();
            if (!housing.isEmpty()) {
                j.array("housing");
                for (Object[] x : housing) {
                    j.open().date("from", (LocalDate) x[0]).num("rent", (BigDecimal) x[3]).num("utilities", (BigDecimal) x[4])
                            .num("heating", (BigDecimal) x[5]).raw("householdSize", String.valueOf(x[2])).close();
                }
                j.end();
            }
            j.array("decisions");
            for (Decision d : decisions) {
                BigDecimal llu = d.llu();
                BigDecimal kdu = d.kdu();
                j.open().str("decisionId", d.id).date("from", d.from).date("to", d.to).bool("provisional", d.provisional)
                        .num("total", llu.add(kdu)).num("federalShare", llu).num("municipalShare", kdu).array("members");
                for (Object[] s : d.shares) {
                    j.open().str("personId", (String) s[0]).num("llu", (BigDecimal) s[1]).num("kdu", (BigDecimal) s[2]).close();
                }
                j.end();
                if (d.terminatedFrom != null) {
                    j.date("terminatedFrom", d.terminatedFrom).str("terminationReason", d.terminationReason);
                }
                j.close();
            }
            j.end();
            if (!postings.isEmpty()) {
                j.array("postings");
                for (Object[] p : postings) {
                    @SuppressWarnings("unchecked")
                    List<Object[]> per = (List<Object[]>) p[1];
                    BigDecimal llu = BigDecimal.ZERO.setScale(2);
                    BigDecimal kdu = BigDecimal.ZERO.setScale(2);
                    BigDecimal red = BigDecimal.ZERO.setScale(2);
                    for (Object[] x : per) {
                        llu = llu.add((BigDecimal) x[1]);
                        kdu = kdu.add((BigDecimal) x[2]);
                        red = red.add((BigDecimal) x[3]);
                    }
                    j.open().str("month", ym((Integer) p[0])).num("llu", llu).num("kdu", kdu).num("reductions", red)
                            .num("payable", llu.add(kdu).subtract(red)).array("members");
                    for (Object[] x : per) {
                        BigDecimal ml = (BigDecimal) x[1];
                        BigDecimal mk = (BigDecimal) x[2];
                        BigDecimal mr = (BigDecimal) x[3];
                        j.open().str("personId", (String) x[0]).num("llu", ml).num("kdu", mk).num("reduction", mr)
                                .num("payable", ml.add(mk).subtract(mr)).close();
                    }
                    j.end().close();
                }
                j.end();
            }
            if (!measures.isEmpty()) {
                j.array("measures");
                for (Measure m : measures) {
                    j.open().str("measureId", m.id).str("personId", m.person.id).str("catalogueId", m.c.id()).str("legalBasis", m.c.legalBasis())
                            .str("category", m.c.category()).str("provider", m.provider).date("assignedOn", m.assigned).date("start", m.start);
                    if (m.plannedEnd != null) {
                        j.date("plannedEnd", m.plannedEnd);
                    }
                    if (m.end != null) {
                        j.date("end", m.end).str("outcome", m.outcome);
                    }
                    j.num("costs", BigDecimal.valueOf(m.costs).setScale(2));
                    j.close();
                }
                j.end();
            }
            if (!integrations.isEmpty()) {
                j.array("integrations");
                for (Integration n : integrations) {
                    j.open().str("personId", n.person.id).str("kind", n.kind).date("startDate", n.start).raw("hoursPerWeek", n.hours);
                    if (n.wage != null) {
                        j.num("monthlyWage", BigDecimal.valueOf(n.wage).setScale(2));
                    }
                    if (n.end != null) {
                        j.date("endDate", n.end).str("endReason", n.endReason);
                    }
                    j.close();
                }
                j.end();
            }
            j.close();
            return j.toString();
        }
    }

    // ------------------------------------------------------------------------------------------------ one story

    /** The story of household {@code index}, drawn from the seed and the index alone. */
    final class Story {
        final SplittableRandom r;
        final int index;
        final int openMonth; // -1: in the stock at the start of the history
        final Household h = new Household();
        String origin; // DE, TR, EE, UA
        boolean longTerm;
        int personCounter;
        int measureCounter;
        boolean fromUkraine;
        // the spells in need and the months from which the amounts change within a spell
        final List<int[]> spells = new ArrayList<>();
        final TreeMap<Integer, String> changes = new TreeMap<>();
        final Map<Integer, Boolean> provisionalAt = new HashMap<>();
        int phase; // months the approval period running at the start of the history had run before it
        boolean phaseProvisional;
        int rentBase;
        int rentSize;
        final Map<String, Integer> lastCaseworker = new HashMap<>();

        Story(int index, int openMonth) {
            this.index = index;
            this.openMonth = openMonth;
            this.r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        }

        double u() {
            return r.nextDouble();
        }

        boolean chance(double p) {
            return r.nextDouble() < p;
        }

        int between(int lo, int hi) {
            return lo + r.nextInt(hi - lo + 1);
        }

        <T> T pick(T[] a) {
            return a[r.nextInt(a.length)];
        }

        Household tell() {
            h.id = String.format(Locale.ROOT, "HSK-%06d", index + 1);
            h.town = townByPopulation();
            boolean stock = openMonth < 0;
            int refMonth = stock ? fromM : openMonth;
            boolean ua = !stock && ukraine(openMonth) > 0 && u() < ukraine(openMonth) / inflow(openMonth);
            double o = u();
            origin = ua ? "UA" : o < 0.70 ? "DE" : o < 0.84 ? "TR" : o < 0.95 ? "EE" : "DE";
            fromUkraine = ua;
            longTerm = stock ? u() < 0.72 : ua ? u() < 0.75 : u() < NEW_LONG_TERM;
            LocalDate ref = first(refMonth);
            compose(ref, ua);
            // opening: new households on the first of their month; the stock some time before the history starts
            if (stock) {
                int maxBack = refMonth - mi(2005, 1);
                for (Person p : h.members) {
                    if (p.role.equals("HEAD") || p.role.equals("PARTNER") || p.role.equals("OTHER")) {
                        LocalDate adult = p.birth.plusYears(18); // joins at the opening as an adult (a partner must be one)
                        maxBack = Math.min(maxBack, refMonth - (mi(adult) + (adult.getDayOfMonth() == 1 ? 0 : 1)));
                    }
                }
                double mean = longTerm ? 56 : 9;
                int back = 1 + (int) Math.floor(-Math.log(1 - u()) * mean);
                back = Math.max(0, Math.min(back, maxBack));
                h.opened = first(refMonth - back);
            } else {
                h.opened = ref;
            }
            for (Person p : h.members) {
                p.joined = p.birth.isAfter(h.opened) ? p.birth : h.opened;
                if (p.birth.isAfter(h.opened)) {
                    p.bornHere = true;
                }
                if (p.ageOn(p.joined) < 15) {
                    p.employable = false; // registered under 15: able to work from the 15th birthday (registry, reporting)
                }
            }
            personalData();
            h.shape = shape;
            rentSize = Math.min(5, residentsOn(ref));
            rentBase = between(RENT[rentSize][0], RENT[rentSize][1]);
            // an earner at the start (Aufstocker), income from the first month
            Person earner = adults().stream().filter(p -> p.employable).findFirst().orElse(null);
            if (earner != null && chance(origin.equals("UA") ? 0.05 : 0.17)) {
                int gross = chance(0.45) ? 10 * between(20, minijobThreshold(refMonth) / 10) : 10 * between(75, 145);
                Income in = new Income(refMonth, gross);
                earner.incomes.add(in);
                if (amounts(first(Math.max(mi(h.opened), fromM))) == null) {
                    earner.incomes.clear();
                }
            }
            // case workers of the opening town
            assign("BENEFITS", h.town, h.opened);
            if (adults().stream().anyMatch(p -> p.employable)) {
                assign("PLACEMENT", h.town, h.opened);
            }
            if (stock && longTerm && chance(0.25)) {
                LocalDate cm = h.opened.plusMonths(between(6, 24));
                assign("CASE_MANAGEMENT", h.town, cm.isAfter(first(fromM)) ? first(fromM) : cm);
            }
            // unemployment at the start
            for (Person p : adults()) {
                if (p.employable && chance(unemploymentChance(p, ref))) {
                    LocalDate from = stock ? randomDay(mi(p.joined), Math.max(mi(p.joined), fromM - 1)) : h.opened.plusDays(between(0, 20));
                    if (from.isBefore(p.joined)) {
                        from = p.joined;
                    }
                    p.unemployment.add(new LocalDate[] {from, null});
                }
            }
            // a move within the district, on a day of one of the next 30 months (about 3 % of the households move while in need)
            int moveMonth = -1;
            if (chance(0.045)) {
                int from = Math.max(mi(h.opened), fromM) + 1;
                moveMonth = between(from, Math.max(from, Math.min(untilM, from + 29)));
            }
            int start = Math.max(mi(h.opened), fromM);
            if (stock) {
                phaseProvisional = chance(provisionalChance());
                phase = r.nextInt(phaseProvisional ? 6 : 12);
            }
            simulate(start, moveMonth);
            decide();
            post();
            facts();
            return h;
        }

        String shape;

        void compose(LocalDate ref, boolean ua) {
            double s = u();
            // singles 53 %, single parents 19 %, couples without children 10 %, couples with children 18 %
            double[] cut = ua ? new double[] {0.34, 0.72, 0.82} : new double[] {0.53, 0.72, 0.82};
            shape = s < cut[0] ? "SINGLE" : s < cut[1] ? "SINGLE_PARENT" : s < cut[2] ? "COUPLE" : "COUPLE_WITH_CHILDREN";
            String family = lastName();
            int headAge;
            String headSex;
            switch (shape) {
                case "SINGLE" -> {
                    double a = u();
                    headAge = a < 0.16 ? between(18, 24) : a < 0.40 ? between(25, 34) : a < 0.60 ? between(35, 44) : a < 0.80 ? between(45, 54)
                            : between(55, 63);
                    headSex = chance(ua ? 0.40 : 0.58) ? "MALE" : "FEMALE";
                }
                case "SINGLE_PARENT" -> {
                    headAge = between(20, 52);
                    headSex = chance(0.91) ? "FEMALE" : "MALE";
                }
                case "COUPLE" -> {
                    headAge = chance(0.3) ? between(22, 39) : between(40, 63);
                    headSex = chance(0.62) ? "MALE" : "FEMALE";
                }
                default -> {
                    headAge = between(23, 50);
                    headSex = chance(0.62) ? "MALE" : "FEMALE";
                }
            }
            if (chance(0.002)) {
                headSex = "DIVERSE";
            }
            Person head = person("HEAD", headSex, birthAt(ref, headAge), family);
            head.employable = headAge >= 15 && !chance(0.045);
            Person partner = null;
            if (shape.startsWith("COUPLE")) {
                String ps = headSex.equals("MALE") ? (chance(0.98) ? "FEMALE" : "MALE") : headSex.equals("FEMALE") ? (chance(0.98) ? "MALE" : "FEMALE")
                        : pick(new String[] {"FEMALE", "MALE"});
                int pa = Math.max(18, Math.min(63, headAge + between(-6, 4)));
                partner = person("PARTNER", ps, birthAt(ref, pa), chance(0.7) ? family : lastName());
                partner.employable = !chance(0.045);
            }
            if (shape.endsWith("CHILDREN") || shape.equals("SINGLE_PARENT")) {
                Person mother = head.sex.equals("FEMALE") || partner == null ? head : partner;
                int motherAge = mother.ageOn(ref);
                double c = u();
                int n = c < 0.50 ? 1 : c < 0.83 ? 2 : c < 0.96 ? 3 : 4;
                int maxChildAge = Math.min(24, motherAge - 18);
                for (int i = 0; i < n && maxChildAge >= 0; i++) {
                    int age = chance(0.25) && maxChildAge >= 18 ? between(18, maxChildAge) : between(0, Math.min(17, maxChildAge));
                    Person child = person("CHILD", chance(0.51) ? "MALE" : "FEMALE", birthAt(ref, age), family);
                    child.employable = age >= 15 && !chance(0.03);
                }
                head.singleParent = partner == null && h.members.stream().anyMatch(p -> p.role.equals("CHILD") && p.ageOn(ref) < 18);
            }
            // a further person in the household outside the needs community: a parent of the head (pensioner) or an adult sibling
            if (chance(ua ? 0.18 : 0.03)) {
                if (chance(0.6) || headAge > 50) {
                    Person g = person("OTHER", chance(0.6) ? "FEMALE" : "MALE", birthAt(ref, Math.min(88, Math.max(headAge + 20, between(68, 84)))),
                            family);
                    g.employable = false;
                } else {
                    Person sib = person("OTHER", chance(0.5) ? "FEMALE" : "MALE", birthAt(ref, Math.max(18, headAge + between(-5, 5))), family);
                    sib.employable = true;
                }
            }
        }

        LocalDate birthAt(LocalDate ref, int age) {
            return ref.minusYears(age + 1).plusDays(1 + r.nextInt(365));
        }

        Person person(String role, String sex, LocalDate birth, String lastName) {
            Person p = new Person();
            p.id = "P-" + (++personCounter);
            p.role = role;
            p.sex = sex;
            p.birth = birth;
            p.last = lastName;
            p.first = firstName(sex, birth.getYear());
            h.members.add(p);
            return p;
        }

        String lastName() {
            return pick(switch (origin) {
                case "UA" -> UA_LAST;
                case "TR" -> TR_LAST;
                case "EE" -> EE_LAST;
                default -> DE_LAST;
            });
        }

        String firstName(String sex, int year) {
            boolean f = sex.equals("FEMALE") || (sex.equals("DIVERSE") && chance(0.5));
            int cohort = year < 1976 ? 0 : year < 1996 ? 1 : 2;
            String o = origin;
            if (year >= 2005 && !o.equals("UA") && chance(0.5)) {
                o = "DE"; // children born here often get names common in Germany
            }
            return pick(switch (o) {
                case "UA" -> f ? UA_F : UA_M;
                case "TR" -> f ? TR_F : TR_M;
                case "EE" -> f ? EE_F : EE_M;
                default -> f ? DE_F[cohort] : DE_M[cohort];
            });
        }

        /** Customer number, address, e-mail and pension insurance number (synthetic; e-mail domain example.org). */
        void personalData() {
            String street = pick(STREETS);
            int no = between(1, 120);
            for (Person p : h.members) {
                p.customerNumber = customerNumber(h.townAt(p.joined));
                Town t = h.townAt(p.joined);
                p.address = street + " " + no + ", " + pick(t.postcodes()) + " " + t.name();
                if (p.ageOn(p.joined) >= 18 && chance(0.15)) {
                    p.email = ascii(p.first) + "." + ascii(p.last) + between(1, 99) + "@example.org";
                }
                if (p.ageOn(p.joined) >= 18 && chance(0.85)) {
                    p.insurance = insuranceNumber(p);
                }
            }
        }

        String insuranceNumber(Person p) {
            String area = pick(new String[] {"12", "17", "18", "23", "24", "65"});
            String d = String.format(Locale.ROOT, "%02d%02d%02d", p.birth.getDayOfMonth(), p.birth.getMonthValue(), p.birth.getYear() % 100);
            String a = ascii(p.last).toUpperCase(Locale.ROOT);
            char letter = a.isEmpty() || a.charAt(0) < 'A' || a.charAt(0) > 'Z' ? 'X' : a.charAt(0);
            int serial = p.sex.equals("FEMALE") ? between(50, 99) : p.sex.equals("MALE") ? between(0, 49) : between(0, 99);
            String digits = area + d + String.format(Locale.ROOT, "%02d", letter - 'A' + 1) + String.format(Locale.ROOT, "%02d", serial);
            int[] w = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                int prod = (digits.charAt(i) - '0') * w[i];
                sum += prod / 10 + prod % 10;
            }
            return area + d + letter + String.format(Locale.ROOT, "%02d", serial) + (sum % 10);
        }

        Town townByPopulation() {
            int x = r.nextInt(POPULATION);
            for (Town t : TOWNS) {
                x -= t.population();
                if (x < 0) {
                    return t;
                }
            }
            return TOWNS[0];
        }

        double unemploymentChance(Person p, LocalDate on) {
            if (p.ageOn(on) < 18) {
                return 0;
            }
            boolean smallChild = h.members.stream().anyMatch(c -> c.role.equals("CHILD") && c.memberOn(on) && c.ageOn(on) < 3);
            return smallChild && !p.sex.equals("MALE") ? 0.2 : origin.equals("UA") ? 0.35 : 0.55;
        }

        double provisionalChance() {
            return adults().stream().anyMatch(p -> !p.incomes.isEmpty()) ? 0.30 : 0.07;
        }

        List<Person> adults() {
            List<Person> out = new ArrayList<>();
            for (Person p : h.members) {
                if (p.role.equals("HEAD") || p.role.equals("PARTNER")) {
                    out.add(p);
                }
            }
            return out;
        }

        int residentsOn(LocalDate d) {
            int n = 0;
            for (Person p : h.members) {
                n += p.memberOn(d) ? 1 : 0;
            }
            return n;
        }

        void assign(String function, Town t, LocalDate from) {
            int[] s = staff[t.index()];
            int offset = function.equals("BENEFITS") ? 0 : function.equals("PLACEMENT") ? s[0] : s[0] + s[1];
            int count = s[function.equals("BENEFITS") ? 0 : function.equals("PLACEMENT") ? 1 : 2];
            Integer before = lastCaseworker.get(function);
            int n = offset + 1 + r.nextInt(count);
            String id = String.format(Locale.ROOT, "cw-%s-%02d", t.slug(), n);
            if (before != null && id.equals(h.caseworkers.get(before)[1])) {
                if (count == 1) {
                    return;
                }
                n = offset + 1 + (n - offset) % count;
                id = String.format(Locale.ROOT, "cw-%s-%02d", t.slug(), n);
            }
            if (before != null && !LocalDate.parse(h.caseworkers.get(before)[2]).isBefore(from)) {
                return; // per function in order
            }
            h.caseworkers.add(new String[] {function, id, from.toString()});
            lastCaseworker.put(function, h.caseworkers.size() - 1);
        }

        boolean hasCaseworker(String function) {
            return lastCaseworker.containsKey(function);
        }

        // -------------------------------------------------------------------------------------------- the months

        boolean inNeed;
        int spellStart;
        int inNeedSince; // first month of need (for durations), the opening for the stock
        Integer restartMonth;
        LocalDate plannedClose;
        String plannedCloseReason;

        void simulate(int start, int moveMonth) {
            inNeed = true;
            spellStart = start;
            inNeedSince = mi(h.opened);
            for (int t = start; t <= untilM; t++) {
                LocalDate d1 = first(t);
                if (plannedClose != null && !plannedClose.isAfter(last(t))) {
                    close(plannedClose, plannedCloseReason);
                    return;
                }
                if (!inNeed) {
                    if (restartMonth != null && restartMonth == t) {
                        restart(t);
                    }
                    if (!inNeed) {
                        continue;
                    }
                }
                if (t == moveMonth && inNeed) {
                    move(t);
                }
                if (t > spellStart && anyIncome(t) && amounts(d1) == null) {
                    endSpell(t - 1, "Einkommen übersteigt den Bedarf", "Bedarfsdeckendes Einkommen", 0);
                    continue;
                }
                month(t);
            }
            if (inNeed) {
                spells.add(new int[] {spellStart, Integer.MAX_VALUE});
            }
            if (plannedClose != null && !plannedClose.isAfter(cutOver)) {
                close(plannedClose, plannedCloseReason);
            }
        }

        void close(LocalDate on, String reason) {
            h.closed = on;
            h.closeReason = reason;
            for (Person p : h.members) {
                if (p.left == null || p.left.isAfter(on)) {
                    p.endUnemployment(on);
                }
            }
            for (Measure m : h.measures) {
                if (m.end == null) {
                    endMeasure(m, on, "Leistungsbezug beendet");
                }
            }
        }

        boolean anyIncome(int t) {
            for (Person p : adults()) {
                if (p.incomeIn(t) != null) {
                    return true;
                }
            }
            return false;
        }

        void restart(int t) {
            if (amounts(first(t)) == null) {
                restartMonth = null;
                plannedClose = first(t).plusDays(between(0, 20));
                plannedCloseReason = "Bedarfsdeckendes Einkommen";
                return;
            }
            inNeed = true;
            spellStart = t;
            inNeedSince = t;
            restartMonth = null;
            for (Person p : adults()) {
                if (p.memberOn(first(t)) && p.employable && p.ableToWorkIn(t) && !p.unemployed() && chance(0.7)) {
                    LocalDate from = first(t);
                    LocalDate lastEnd = p.lastUnemploymentEnd();
                    if (lastEnd == null || from.isAfter(lastEnd)) {
                        p.unemployment.add(new LocalDate[] {from, null});
                    }
                }
            }
        }

        void move(int t) {
            LocalDate on = randomDay(t, t);
            Town to = h.town;
            while (to == h.town) {
                to = townByPopulation();
            }
            h.moveOn = on;
            h.moveTo = to;
            assign("BENEFITS", to, on);
            if (hasCaseworker("PLACEMENT")) {
                assign("PLACEMENT", to, on);
            }
            if (hasCaseworker("CASE_MANAGEMENT")) {
                assign("CASE_MANAGEMENT", to, on);
            }
            if (t + 1 <= untilM) {
                changes.putIfAbsent(t + 1, "Umzug (Kosten der Unterkunft)");
            }
        }

        /** The events of month t of a household in need. */
        void month(int t) {
            LocalDate d1 = first(t);
            int year = t / 12;
            boolean canEnd = t + 1 <= untilM; // a termination from t+1 must lie on or before the cut-over day
            // measures ending as planned, jobs held while in need ending
            for (Measure m : h.measures) {
                if (m.end == null && m.plannedEnd != null && !m.plannedEnd.isAfter(last(t))) {
                    endMeasure(m, m.plannedEnd, pickOutcome());
                }
            }
            for (Person p : h.members) {
                if (p.job != null && p.job.end == null && chance(p.job.kind.equals("MINIJOB") ? 0.025 : p.job.kind.equals("SUBSIDISED") ? 0.01 : 0.02)
                        && canEnd) {
                    LocalDate end = randomDay(t, t);
                    if (end.isAfter(p.job.start)) {
                        p.job.end = end;
                        p.job.endReason = pick(new String[] {"Kündigung durch den Arbeitgeber", "befristet", "Kündigung durch den Arbeitnehmer",
                                "Aufhebungsvertrag"});
                        Income in = p.incomeIn(t + 1);
                        if (in != null) {
                            in.to = t;
                            changes.putIfAbsent(t + 1, "Einkommensänderung");
                        }
                        p.job = null;
                    }
                }
            }
            // retirement: the § 7a age limit of the head or partner ends SGB II for the household
            for (Person p : adults()) {
                if (p.memberOn(d1) && p.lastWorkingMonth() == t && canEnd) {
                    endSpell(t, "Altersrente", "Altersrente (§ 7a SGB II)", between(0, 30));
                    return;
                }
            }
            // children: 25 years old, or leaving earlier (training, own flat)
            for (Person c : h.members) {
                if (!c.role.equals("CHILD") || !c.memberOn(d1) || !canEnd) {
                    continue;
                }
                boolean turns25 = !c.birth.plusYears(25).isAfter(last(t));
                int age = c.ageOn(d1);
                if (turns25 || (age >= 18 && chance(0.013))) {
                    boolean training = !turns25 && c.employable && c.ableToWorkIn(t) && chance(t % 12 == 7 || t % 12 == 8 ? 0.7 : 0.3);
                    LocalDate start = training ? employmentStart(c, first(t)) : null;
                    if (start != null) {
                        Integration n = integration(c, "APPRENTICESHIP", start, "39", 10 * between(75, 115));
                        c.endUnemployment(n.start.minusDays(1));
                    }
                    leave(c, first(t + 1));
                }
            }
            // the events of the month: at most one of them
            Person worker = pickWorker(t);
            double work = worker == null || (worker.job != null && !worker.job.kind.equals("MINIJOB")) ? 0 : workChance(worker, t);
            double other = otherExit(year, longTerm) * (t - inNeedSince < 6 ? 1.3 : 1.0);
            double inWork = worker == null || worker.job != null || worker.incomeIn(t) != null ? 0 : (longTerm ? 0.0045 : 0.0035) * workTrend(year);
            double x = u();
            if (x < work) {
                takeUpWork(worker, t);
                return;
            }
            x -= work;
            if (x < other && canEnd) {
                String[][] reasons = {{"Einkommen des Partners", "Einkommen"}, {"Umzug außerhalb des Kreises", "Wegzug"},
                        {"vorrangige Leistungen (Wohngeld, Kinderzuschlag)", "vorrangige Leistungen"}, {"fehlende Mitwirkung (§ 66 SGB I)", "fehlende Mitwirkung"},
                        {"Rente wegen Erwerbsminderung", "Erwerbsminderungsrente"}, {"Wechsel in die Sozialhilfe (SGB XII)", "Zuständigkeitswechsel SGB XII"},
                        {"Aufnahme eines Studiums (BAföG)", "Studium"}, {"Verzicht auf Leistungen", "Verzicht"}, {"Vermögen", "Vermögen"}};
                double[] weights = {0.20, 0.22, 0.20, 0.08, 0.08, 0.07, 0.05, 0.06, 0.04};
                double y = u();
                int k = 0;
                while (k < weights.length - 1 && y >= weights[k]) {
                    y -= weights[k++];
                }
                endSpell(t, reasons[k][0], reasons[k][1], between(0, 45));
                return;
            }
            x -= other;
            if (x < inWork && canEnd) {
                inWorkJob(worker, t);
                return;
            }
            x -= inWork;
            if (x < 0.0022 && canEnd) {
                birth(t);
                return;
            }
            x -= 0.0022;
            if (x < 0.0008 && canEnd && shape.equals("COUPLE")) {
                Person p = h.members.stream().filter(m -> m.role.equals("PARTNER") && m.memberOn(d1)).findFirst().orElse(null);
                if (p != null) {
                    leave(p, first(t + 1));
                    return;
                }
            }
            x -= 0.0008;
            if (x < 0.0008) {
                Person p = pickEmployable(t);
                if (p != null && p.employability.isEmpty() && p.ageOn(d1) >= 25) {
                    LocalDate on = randomDay(t, t);
                    if (on.isAfter(p.joined)) {
                        p.employability.add(new Object[] {on, Boolean.FALSE, "MEDICAL_FINDING"});
                        p.endUnemployment(on.minusDays(1));
                        // a measure not yet started is not started at all (§ 8 SGB II: only for the employable)
                        for (Measure m : new ArrayList<>(h.measures)) {
                            if (m.person == p && m.end == null && !m.start.isBefore(on)) {
                                h.measures.remove(m);
                                if (p.running == m) {
                                    p.running = null;
                                }
                            }
                        }
                        if (p.running != null) {
                            endMeasure(p.running, on.minusDays(1), "abgebrochen (gesundheitliche Gründe)");
                        }
                    }
                    return;
                }
            }
            // case management after a long time in need; a new case worker now and then
            if (t - inNeedSince >= 18 && !hasCaseworker("CASE_MANAGEMENT") && chance(0.02)) {
                assign("CASE_MANAGEMENT", h.townAt(d1), randomDay(t, t));
            }
            if (chance(0.008)) {
                assign(chance(0.5) ? "BENEFITS" : "PLACEMENT", h.townAt(d1), randomDay(t, t));
            }
            // measures
            for (Person p : h.members) {
                if (p.running == null && isElb(p, t) && (p.role.equals("HEAD") || p.role.equals("PARTNER") || p.ageOn(d1) >= 18)) {
                    double pm = (t - inNeedSince >= 21 ? 0.022 : 0.016) * (p.unemployed() ? 1.3 : 0.7);
                    if (chance(pm)) {
                        assignMeasure(p, t);
                    }
                }
            }
        }

        boolean isElb(Person p, int t) {
            return p.memberOn(last(t)) && !p.role.equals("OTHER") && p.ableToWorkIn(t) && p.workingAge(t);
        }

        Person pickWorker(int t) {
            List<Person> c = new ArrayList<>();
            for (Person p : adults()) {
                if (isElb(p, t) && p.memberOn(first(t))) {
                    c.add(p);
                }
            }
            if (c.isEmpty()) {
                return null;
            }
            if (c.size() == 1) {
                return c.get(0);
            }
            return chance(0.65) ? c.get(0) : c.get(1);
        }

        Person pickEmployable(int t) {
            Person p = pickWorker(t);
            return p;
        }

        double workChance(Person p, int t) {
            int age = p.ageOn(first(t));
            double f = workRate(t / 12, longTerm);
            if (fromUkraine) {
                f *= t < mi(2023, 7) ? 0.35 : t < mi(2024, 7) ? 1.0 : 1.45;
            }
            if (p.singleParent) {
                f *= 0.6;
            }
            if (age >= 55) {
                f *= 0.45;
            } else if (age < 25) {
                f *= 1.3;
            }
            if (t - inNeedSince < 6) {
                f *= 1.2;
            }
            return f;
        }

        /** A job that ends the need: integration, termination from the next month or the one after, closing soon after. */
        void takeUpWork(Person p, int t) {
            int age = p.ageOn(first(t));
            double k = u();
            String kind = age < 27 && k < 0.22 ? "APPRENTICESHIP" : k < 0.93 ? "EMPLOYMENT_SV" : "SELF_EMPLOYMENT";
            LocalDate start = employmentStart(p, kind.equals("APPRENTICESHIP") ? first(t) : randomDay(t, t));
            if (start == null) {
                return;
            }
            Integration n = switch (kind) {
                case "APPRENTICESHIP" -> integration(p, kind, start, "39", 10 * between(80, 125));
                case "SELF_EMPLOYMENT" -> integration(p, kind, start, String.valueOf(between(30, 45)), null);
                default -> integration(p, kind, start, chance(0.7) ? String.valueOf(between(35, 40)) : String.valueOf(between(20, 34)),
                        10 * between(190, 360));
            };
            p.endUnemployment(start.minusDays(1));
            if (p.running != null) {
                endMeasure(p.running, start.minusDays(1), "vorzeitig beendet (Arbeitsaufnahme)");
            }
            int last = chance(0.65) ? t : t + 1; // the wage is paid at the end of the month: need ends with t or t+1
            if (last + 1 > untilM) {
                p.job = n; // terminated after the cut-over: still in need on the cut-over day
                return;
            }
            String reason = kind.equals("APPRENTICESHIP") ? "Aufnahme einer Ausbildung" : kind.equals("SELF_EMPLOYMENT")
                    ? "Aufnahme einer selbständigen Tätigkeit" : "Arbeitsaufnahme";
            endSpell(last, reason, "Bedarfsdeckendes Einkommen (" + reason + ")", between(0, 60));
            // some first jobs end within the probation period; before the closing the household applies again
            if (chance(0.15)) {
                LocalDate end = start.plusDays(between(25, 170));
                if (!end.isAfter(cutOver)) {
                    n.end = end;
                    n.endReason = pick(new String[] {"Kündigung in der Probezeit", "befristet", "Kündigung durch den Arbeitnehmer"});
                    if (end.isBefore(plannedClose) && mi(end) + 1 <= untilM) {
                        restartMonth = Math.max(mi(end) + 1, last + 1);
                        plannedClose = null;
                    } else if (!end.isBefore(plannedClose)) {
                        n.end = null; // after the closing the old system no longer followed the job
                        n.endReason = null;
                    }
                }
            }
        }

        /** A job held while still in need (minijob, part-time, § 16i, self-employment with Einstiegsgeld): income from the next month. */
        void inWorkJob(Person p, int t) {
            LocalDate start = employmentStart(p, randomDay(t, t));
            if (start == null) {
                return;
            }
            double k = u();
            boolean lzb = t - inNeedSince >= 21;
            Integration n;
            if (k < 0.45) {
                int wage = 10 * between(15, minijobThreshold(t) / 10);
                n = integration(p, "MINIJOB", start, String.valueOf(between(5, 12)), wage);
                p.incomes.add(new Income(t + 1, wage));
            } else if (k < 0.60 && lzb) {
                int hours = between(25, 35);
                long cents = (long) minimumWageCents(t) * hours * 433 / 100;
                int wage = (int) (cents / 100);
                n = integration(p, "SUBSIDISED", start, String.valueOf(hours), wage);
                p.incomes.add(new Income(t + 1, wage));
                LocalDate assigned = assignedWithJob(p, PARTICIPATION_16I, start.minusDays(between(7, 30)), start);
                if (assigned != null) {
                    Measure m = measure(p, PARTICIPATION_16I, assigned, start);
                    m.plannedEnd = start.plusMonths(between(24, 60)).minusDays(1);
                }
            } else if (k < 0.92) {
                int wage = 10 * between(85, 160);
                n = integration(p, "EMPLOYMENT_SV", start, String.valueOf(between(20, 30)), wage);
                p.incomes.add(new Income(t + 1, wage));
                if (lzb && chance(0.35)) {
                    Catalogue c = chance(0.5) ? LTU_16E : SUBSIDY_88;
                    LocalDate assigned = assignedWithJob(p, c, start.minusDays(between(7, 30)), start);
                    if (assigned != null) {
                        Measure m = measure(p, c, assigned, start);
                        m.plannedEnd = start.plusMonths(between(c.minMonths(), c.maxMonths())).minusDays(1);
                    }
                }
            } else {
                int profit = 10 * between(30, 90);
                n = integration(p, "SELF_EMPLOYMENT", start, String.valueOf(between(20, 40)), null);
                p.incomes.add(new Income(t + 1, profit, "SELF_EMPLOYMENT"));
                LocalDate assigned = chance(0.6) ? assignedWithJob(p, START_UP_16B, start, start) : null;
                if (assigned != null) {
                    Measure m = measure(p, START_UP_16B, assigned, start);
                    m.plannedEnd = start.plusMonths(between(6, 12)).minusDays(1);
                }
            }
            p.job = n;
            if (!n.kind.equals("MINIJOB")) {
                p.endUnemployment(start.minusDays(1));
            }
            p.running = null;
            for (Measure m : new ArrayList<>(h.measures)) {
                if (m.person != p || m.end != null || (m.start.equals(start) && m.c.category().matches("WAGE_SUBSIDY|SUBSIDISED_PUBLIC_EMPLOYMENT"))) {
                    continue;
                }
                if (m.start.isBefore(start)) {
                    endMeasure(m, start.minusDays(1), "vorzeitig beendet (Arbeitsaufnahme)");
                } else {
                    h.measures.remove(m);
                }
            }
            for (Measure m : h.measures) {
                if (m.person == p && m.end == null && m.start.equals(start)) {
                    p.running = m;
                }
            }
            changes.putIfAbsent(t + 1, "Einkommensänderung");
        }

        /** The last day measure {@code o} holds for its legal basis, judged on {@code day}: its end when over by then, else as planned. */
        static LocalDate held(Measure o, LocalDate day) {
            return o.end != null && o.end.isBefore(day) ? o.end : o.plannedEnd != null ? o.plannedEnd : o.end;
        }

        /**
         * The day a measure of {@code c} coming with an employment of {@code p} from {@code start} is assigned, wanted on
         * {@code wanted}: one measure of a legal basis at a time (job-placement's rule, judged on the assignment day), so
         * after an earlier one of the same basis ended; one still running ends the day before the start (below, or here
         * when it ended on that day or later), and on a day the person is employable (§ 8 SGB II); null: no measure.
         */
        LocalDate assignedWithJob(Person p, Catalogue c, LocalDate wanted, LocalDate start) {
            LocalDate assigned = wanted;
            for (Measure o : h.measures) {
                if (o.person == p && o.c.legalBasis().equals(c.legalBasis())) {
                    if (!o.start.isBefore(start)) {
                        return null;
                    }
                    if (o.end != null && !o.end.isBefore(start)) {
                        o.end = start.minusDays(1);
                        o.outcome = "vorzeitig beendet (Arbeitsaufnahme)";
                    }
                    if (o.end == null || !held(o, assigned).isBefore(start)) {
                        assigned = o.end == null ? start : o.end.plusDays(1);
                    }
                }
            }
            while (assigned.isBefore(start) && !p.employableOn(assigned)) {
                assigned = assigned.plusDays(1);
            }
            return assigned;
        }

        void birth(int t) {
            Person mother = null;
            for (Person p : adults()) {
                if (p.sex.equals("FEMALE") && p.memberOn(first(t)) && p.ageOn(first(t)) >= 18 && p.ageOn(first(t)) <= 42) {
                    mother = p;
                }
            }
            if (mother == null || shape.equals("SINGLE") || shape.equals("COUPLE")
                    && h.members.stream().noneMatch(m -> m.role.equals("PARTNER") && m.memberOn(first(t)))) {
                return;
            }
            LocalDate born = randomDay(t, t);
            for (Person c : h.members) {
                if (c.role.equals("CHILD") && c.birth.isAfter(born.minusMonths(15))) {
                    return; // at most one birth in 15 months
                }
            }
            final Person mom = mother;
            Person father = adults().stream().filter(p -> p != mom && p.memberOn(first(t))).findFirst().orElse(null);
            Person child = person("CHILD", chance(0.51) ? "MALE" : "FEMALE", born, (father != null ? father : mother).last);
            child.first = firstName(child.sex, born.getYear());
            child.joined = born;
            child.bornHere = true;
            child.employable = false;
            child.customerNumber = customerNumber(h.townAt(born));
            child.address = mother.address;
            LocalDate expected = born.plusDays(between(-10, 14));
            LocalDate from = expected.minusDays(196).plusDays(between(0, 28));
            LocalDate lastRecord = mother.circumstances.isEmpty() ? null : mother.circumstances.get(mother.circumstances.size() - 1)[0];
            if (from.isAfter(mother.joined) && from.isAfter(h.opened) && from.isBefore(born) && (lastRecord == null || from.isAfter(lastRecord))) {
                mother.circumstances.add(new LocalDate[] {from, expected, null});
                mother.circumstances.add(new LocalDate[] {born, expected, born});
            }
            changes.putIfAbsent(t + 1, "Geburt eines Kindes");
            if (mother.running != null) {
                endMeasure(mother.running, born.minusDays(1).isBefore(mother.running.start) ? mother.running.start : born.minusDays(1), "abgebrochen (Mutterschutz)");
            }
            mother.endUnemployment(born.minusDays(42));
        }

        void leave(Person p, LocalDate on) {
            p.left = on;
            p.endUnemployment(on.minusDays(1));
            for (Measure m : new ArrayList<>(h.measures)) {
                if (m.person == p && m.end == null) {
                    if (!m.start.isBefore(on)) {
                        h.measures.remove(m);
                    } else {
                        endMeasure(m, on.minusDays(1), "vorzeitig beendet (Auszug)");
                    }
                }
            }
            p.running = null;
            if (p.job != null && p.job.end == null) {
                p.job = null;
            }
            changes.putIfAbsent(mi(on), "Auszug eines Mitglieds");
        }

        /** The need ends with month {@code last}: the running decision is terminated from the month after, the case closes later. */
        void endSpell(int last, String terminationReason, String closeReason, int closeDelayDays) {
            inNeed = false;
            spells.add(new int[] {spellStart, last, 1});
            terminationReasons.put(last + 1, terminationReason);
            LocalDate close = first(last + 1).plusDays(closeDelayDays);
            plannedClose = close;
            plannedCloseReason = closeReason;
            LocalDate endOfNeed = last(last);
            for (Measure m : h.measures) {
                if (m.end == null && m.start.isAfter(endOfNeed)) {
                    m.end = m.start; // not started: dropped below
                    m.outcome = "DROP";
                } else if (m.end == null && !m.c.category().equals("WAGE_SUBSIDY") && !m.c.category().equals("SUBSIDISED_PUBLIC_EMPLOYMENT")) {
                    endMeasure(m, endOfNeed, "vorzeitig beendet (Leistungsende)");
                }
            }
            h.measures.removeIf(m -> "DROP".equals(m.outcome));
            for (Person p : h.members) {
                if (p.running != null && p.running.end != null) {
                    p.running = null;
                }
                p.job = null;
                for (Income in : p.incomes) {
                    if (in.to > last) {
                        in.to = in.from > last ? in.from - 1 : last;
                    }
                }
            }
        }

        final Map<Integer, String> terminationReasons = new HashMap<>();

        /**
         * A child registered under 15 is able to work from its 15th birthday without any record (registry and reporting);
         * before a measure or an employment the case worker's assessment is recorded from that day, as the format's checks
         * want measures and employments only for members recorded as employable (reporting's status does not change).
         */
        void recordAbleToWork(Person p) {
            if (!p.employable && p.employability.isEmpty() && YearMonth.from(p.joined).isBefore(p.born().plusYears(15))) {
                LocalDate from = p.birth.plusYears(15);
                p.employability.add(new Object[] {from.isBefore(p.joined) ? p.joined : from, Boolean.TRUE, "CASEWORKER_ASSESSMENT"});
            }
        }

        /**
         * The start of a new employment of {@code p} wanted on {@code wanted}: one employment at a time, so after the day an
         * earlier one ended (still within the month and by the cut-over day, else null: no job this month); an employment
         * still running ends the day before (the person changes jobs).
         */
        LocalDate employmentStart(Person p, LocalDate wanted) {
            LocalDate start = wanted;
            for (Integration n : h.integrations) {
                if (n.person == p && n.end != null && !n.end.isBefore(start)) {
                    start = n.end.plusDays(1);
                }
            }
            if (mi(start) != mi(wanted) || start.isAfter(cutOver)) {
                return null;
            }
            for (Integration n : h.integrations) {
                if (n.person == p && n.end == null && !n.start.isBefore(start)) {
                    return null;
                }
            }
            for (Integration n : h.integrations) {
                if (n.person == p && n.end == null) {
                    n.end = start.minusDays(1);
                    n.endReason = "Wechsel in eine andere Beschäftigung";
                    if (p.job == n) {
                        p.job = null;
                    }
                }
            }
            return start;
        }

        Integration integration(Person p, String kind, LocalDate start, String hours, Integer wage) {
            recordAbleToWork(p);
            Integration n = new Integration();
            n.person = p;
            n.kind = kind;
            n.start = start;
            n.hours = hours;
            n.wage = wage;
            h.integrations.add(n);
            return n;
        }

        void assignMeasure(Person p, int t) {
            boolean lzb = t - inNeedSince >= 21;
            boolean smallChildren = p.singleParent && h.members.stream().anyMatch(c -> c.role.equals("CHILD") && c.memberOn(first(t)) && c.ageOn(first(t)) < 12);
            double x = u();
            Catalogue c;
            if (smallChildren && x < 0.25) {
                c = CHILDCARE;
            } else {
                double y = u();
                c = y < 0.38 ? ACTIVATION : y < 0.53 ? PLACEMENT_BUDGET : y < 0.63 ? TRAINING : y < 0.73 ? (lzb ? HOLISTIC : ACTIVATION)
                        : y < 0.80 ? (lzb ? WORK_OPP_16D : ACTIVATION) : y < 0.88 ? DEBT : y < 0.94 ? PSYCHOSOCIAL : ADDICTION;
            }
            LocalDate assigned = randomDay(t, t);
            int lead = c == PLACEMENT_BUDGET ? between(0, 10) : between(7, 35);
            // one measure of a legal basis at a time (job-placement's rule, judged on the assignment day): an earlier one
            // not ended by then holds its planned period; a follow-up reaching into it is assigned after the earlier one ended
            for (Measure o : h.measures) {
                if (o.person == p && o.c.legalBasis().equals(c.legalBasis())) {
                    if (o.end == null) {
                        return;
                    }
                    if (!held(o, assigned).isBefore(assigned.plusDays(lead))) {
                        assigned = o.end.plusDays(1);
                    }
                }
            }
            LocalDate start = assigned.plusDays(lead);
            if (start.isAfter(cutOver) || (p.left != null && !start.isBefore(p.left))) {
                return;
            }
            LocalDate earliest = p.joined.isAfter(h.opened) ? p.joined : h.opened;
            if (!p.employableOn(assigned.isBefore(earliest) ? earliest : assigned) || !p.employableOn(start)) {
                return; // § 8 SGB II at assignment and at start (e.g. not beyond the § 7a age limit)
            }
            Measure m = measure(p, c, assigned, start);
            if (c == PLACEMENT_BUDGET) {
                m.plannedEnd = start.plusDays(between(0, 20));
            } else {
                m.plannedEnd = start.plusMonths(between(c.minMonths(), c.maxMonths())).minusDays(1);
            }
            p.running = m;
            if (c == TRAINING || c == WORK_OPP_16D) {
                p.endUnemployment(start.minusDays(1)); // participants are not counted as unemployed (§ 16(2) SGB II, § 16 SGB III)
            }
        }

        Measure measure(Person p, Catalogue c, LocalDate assigned, LocalDate start) {
            recordAbleToWork(p);
            Measure m = new Measure();
            m.id = "M-" + (++measureCounter);
            m.person = p;
            m.c = c;
            m.provider = c == CHILDCARE ? PROVIDERS[9] : c == DEBT ? PROVIDERS[7] : c == ADDICTION ? PROVIDERS[8] : c.category().equals("MUNICIPAL_SUPPORT")
                    ? PROVIDERS[5] : PROVIDERS[r.nextInt(7)];
            LocalDate earliest = p.joined.isAfter(h.opened) ? p.joined : h.opened;
            m.assigned = assigned.isBefore(earliest) ? earliest : assigned;
            m.start = start;
            m.costs = c.minCost() + r.nextInt(c.maxCost() - c.minCost() + 1);
            h.measures.add(m);
            return m;
        }

        String pickOutcome() {
            double x = u();
            return x < 0.68 ? "regulär beendet" : x < 0.86 ? "abgebrochen" : x < 0.94 ? "abgebrochen (wichtiger Grund)" : "Ziel erreicht";
        }

        void endMeasure(Measure m, LocalDate on, String outcome) {
            if (on.isAfter(cutOver)) {
                return;
            }
            m.end = on.isBefore(m.start) ? m.start : on;
            m.outcome = outcome;
            if (m.person.running == m) {
                m.person.running = null;
            }
            Person p = m.person;
            if ((m.c == TRAINING || m.c == WORK_OPP_16D) && inNeed && p.memberOn(m.end.plusDays(1)) && p.ableToWorkIn(mi(m.end)) && p.job == null
                    && (p.lastUnemploymentEnd() == null || m.end.plusDays(1).isAfter(p.lastUnemploymentEnd())) && !p.unemployed()
                    && m.end.plusDays(1).isBefore(cutOver) && chance(0.6)) {
                p.unemployment.add(new LocalDate[] {m.end.plusDays(1), null});
            }
        }

        // -------------------------------------------------------------------------------------------- decisions

        /** The approval periods of each spell, split at the rule changes and terminated where the household changed or left. */
        void decide() {
            int n = 0;
            for (int s = 0; s < spells.size(); s++) {
                int a = spells.get(s)[0];
                int b = spells.get(s)[1];
                boolean first = s == 0 && openMonth < 0;
                int ps = first ? a - phase : a;
                boolean provisional = first ? phaseProvisional : chance(provisionalChance());
                while (ps <= Math.min(b, untilM)) {
                    int pe = ps + (provisional ? 6 : 12) - 1;
                    int cur = Math.max(ps, a);
                    while (cur <= Math.min(pe, b) && cur <= untilM) {
                        int naturalEnd = pe;
                        for (int m = cur + 1; m <= pe; m++) {
                            if (ruleChange(m) && m <= untilM) {
                                naturalEnd = m - 1;
                                break;
                            }
                        }
                        Integer change = changes.higherKey(cur);
                        int stop = naturalEnd + 1;
                        String reason = null;
                        if (b < naturalEnd) {
                            stop = b + 1;
                            reason = terminationReasons.getOrDefault(b + 1, "Wegfall der Hilfebedürftigkeit");
                        }
                        if (change != null && change <= naturalEnd && change <= b && change < stop) {
                            stop = change;
                            reason = "Änderung der Verhältnisse (§ 48 SGB X): " + changes.get(change);
                        }
                        Decision d = new Decision();
                        d.id = "D-" + (++n);
                        d.from = first(cur);
                        d.to = last(naturalEnd);
                        d.provisional = provisional;
                        d.shares = amounts(d.from);
                        if (d.shares == null) {
                            throw new IllegalStateException(h.id + ": no need at " + d.from);
                        }
                        if (stop <= naturalEnd) {
                            d.terminatedFrom = first(stop);
                            d.terminationReason = reason;
                        }
                        h.decisions.add(d);
                        cur = stop;
                    }
                    ps = pe + 1;
                    provisional = chance(provisionalChance());
                }
            }
            h.spells = spells.size();
        }

        /**
         * The members' monthly LLU and KdU of a decision starting on {@code d}: standard needs (level by role and age on d),
         * single parents' additional need, child supplement; child benefit covers the child's own standard need; housing per
         * head of everyone living in the household; earned income after the allowances (§ 11b) shared by need (§ 9(2)),
         * covering LLU before KdU (§ 19(3)). Null when the income covers the whole need.
         */
        List<Object[]> amounts(LocalDate d) {
            int m = mi(d);
            int year = d.getYear();
            int[] rb = standardNeeds(year);
            List<Person> bg = new ArrayList<>();
            int residents = 0;
            for (Person p : h.members) {
                if (p.memberOn(d)) {
                    residents++;
                    if (!p.role.equals("OTHER")) {
                        bg.add(p);
                    }
                }
            }
            boolean couple = bg.stream().anyMatch(p -> p.role.equals("PARTNER"));
            List<Person> children = bg.stream().filter(p -> p.role.equals("CHILD")).sorted((x, y) -> x.birth.compareTo(y.birth)).toList();
            int minors = 0;
            int under7 = 0;
            int under16 = 0;
            boolean minorChild = false;
            for (Person c : children) {
                int a = c.ageOn(d);
                minors += a < 18 ? 1 : 0;
                under7 += a < 7 ? 1 : 0;
                under16 += a < 16 ? 1 : 0;
                minorChild |= a < 18;
            }
            // housing: warm rent of the flat, indexed by year, town's level; per head of all residents, the head takes the cents
            BigDecimal rent = warmRent(d);
            BigDecimal perHead = rent.divide(BigDecimal.valueOf(residents), 2, RoundingMode.DOWN);
            BigDecimal headExtra = rent.subtract(perHead.multiply(BigDecimal.valueOf(residents)));
            int k = bg.size();
            BigDecimal[] lluNeed = new BigDecimal[k];
            BigDecimal[] kduNeed = new BigDecimal[k];
            BigDecimal[] income = new BigDecimal[k];
            BigDecimal countable = BigDecimal.ZERO.setScale(2);
            for (int i = 0; i < k; i++) {
                Person p = bg.get(i);
                int a = p.ageOn(d);
                BigDecimal need;
                if (p.role.equals("CHILD")) {
                    int level = a < 6 ? 6 : a < 14 ? 5 : a < 18 ? 4 : 3;
                    need = BigDecimal.valueOf(rb[level - 1] + childSupplement(m));
                    int order = children.indexOf(p);
                    BigDecimal cb = BigDecimal.valueOf(childBenefit(year, order));
                    income[i] = cb.setScale(2); // the child's own income, for its own need only (§ 11(1) S. 5)
                } else {
                    need = BigDecimal.valueOf(couple ? rb[1] : rb[0]);
                    if (p.role.equals("HEAD") && !couple && minors > 0) {
                        int pct = Math.min(60, Math.max(under7 > 0 || (under16 >= 2 && under16 <= 3) ? 36 : 0, 12 * minors));
                        need = need.add(BigDecimal.valueOf(rb[0]).multiply(BigDecimal.valueOf(pct)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                    }
                    income[i] = BigDecimal.ZERO.setScale(2);
                    Income in = p.incomeIn(m);
                    if (in != null) {
                        countable = countable.add(countableEarnings(in.gross, m, minorChild));
                    }
                }
                lluNeed[i] = need.setScale(2);
                kduNeed[i] = perHead.add(p.role.equals("HEAD") ? headExtra : BigDecimal.ZERO).setScale(2);
            }
            // children: child benefit first covers the child's standard need, then its housing share
            BigDecimal[] llu = new BigDecimal[k];
            BigDecimal[] kdu = new BigDecimal[k];
            BigDecimal[] rest = new BigDecimal[k];
            BigDecimal restSum = BigDecimal.ZERO.setScale(2);
            for (int i = 0; i < k; i++) {
                BigDecimal l = lluNeed[i].subtract(income[i]);
                BigDecimal u = kduNeed[i];
                if (l.signum() < 0) {
                    u = u.add(l).max(BigDecimal.ZERO.setScale(2));
                    l = BigDecimal.ZERO.setScale(2);
                }
                llu[i] = l;
                kdu[i] = u;
                rest[i] = l.add(u);
                restSum = restSum.add(rest[i]);
            }
            if (countable.signum() > 0) {
                if (countable.compareTo(restSum) >= 0) {
                    return null;
                }
                BigDecimal shared = BigDecimal.ZERO.setScale(2);
                int lastWithNeed = -1;
                for (int i = 0; i < k; i++) {
                    if (rest[i].signum() > 0) {
                        lastWithNeed = i;
                    }
                }
                for (int i = 0; i < k; i++) {
                    if (rest[i].signum() == 0) {
                        continue;
                    }
                    BigDecimal share = i == lastWithNeed ? countable.subtract(shared)
                            : countable.multiply(rest[i]).divide(restSum, 2, RoundingMode.HALF_UP);
                    share = share.min(rest[i]);
                    shared = shared.add(share);
                    BigDecimal fromLlu = share.min(llu[i]);
                    llu[i] = llu[i].subtract(fromLlu);
                    kdu[i] = kdu[i].subtract(share.subtract(fromLlu));
                }
            }
            List<Object[]> out = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                out.add(new Object[] {bg.get(i).id, llu[i], kdu[i]});
            }
            return out;
        }

        /** Countable earnings (§ 11b): net (minijob = gross; else 79 % of gross) minus the allowances of the month. */
        BigDecimal countableEarnings(int gross, int m, boolean child) {
            BigDecimal net = netEarnings(gross, m);
            BigDecimal allowance = BigDecimal.valueOf(Math.min(gross, 100));
            int top = child ? 1500 : 1200;
            int[][] bands = m >= mi(2023, 7) ? new int[][] {{100, 520, 20}, {520, 1000, 30}, {1000, top, 10}} : new int[][] {{100, 1000, 20}, {1000, top, 10}};
            for (int[] b : bands) {
                if (gross > b[0]) {
                    int part = Math.min(gross, b[1]) - b[0];
                    allowance = allowance.add(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(b[2])).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                }
            }
            return net.subtract(allowance).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        }

        /** Net earnings of a month (§ 11b(1) Nr. 1–2, modelled): a minijob's gross is its net, else 79 % of gross (tax, contributions). */
        BigDecimal netEarnings(int gross, int m) {
            BigDecimal g = BigDecimal.valueOf(gross);
            return gross <= minijobThreshold(m) ? g : g.multiply(new BigDecimal("0.79")).setScale(2, RoundingMode.HALF_UP);
        }

        /** Warm rent (§ 22 SGB II: gross cold rent + heating) of the flat on {@code d}: drawn base × the town's level × the year's index. */
        BigDecimal warmRent(LocalDate d) {
            return BigDecimal.valueOf(rentBase).multiply(new BigDecimal(h.townAt(d).rentFactor())).multiply(rentIndex(d.getYear()))
                    .setScale(2, RoundingMode.HALF_UP);
        }

        // -------------------------------------------------------------------------------------------- the facts behind the decisions

        /**
         * The facts the decisions were computed from, so that benefit-calculation can recompute every household (docs/demo.md):
         * derived from the story told, no draw. Housing (§ 22 SGB II) at the start of every decision whose warm rent or number
         * of residents (everyone living there, OTHER included: the heads of the Kopfteil) differs from the entry before, the
         * warm rent split into heating 18 %, utilities 12 % and the rest as rent (they add up to it exactly); each adult's
         * earnings (§ 11, § 11b: net as countableEarnings has it, contributions = gross − net), a new entry where the net
         * changes (a wage at or below the minijob threshold of the month counts in full); each child's child benefit
         * (§ 11(1) S. 5) in stretches of one amount, with the child's order as amounts has it. Incomes run while the person
         * is a member and the case is open: to the month before leaving or closing (a day in that month: to that month);
         * no toMonth when still running after the until-month.
         */
        void facts() {
            for (Decision d : h.decisions) {
                BigDecimal w = warmRent(d.from);
                int residents = residentsOn(d.from);
                Object[] before = h.housing.isEmpty() ? null : h.housing.get(h.housing.size() - 1);
                if (before != null && ((BigDecimal) before[1]).compareTo(w) == 0 && (Integer) before[2] == residents) {
                    continue;
                }
                BigDecimal heating = w.multiply(new BigDecimal("0.18")).setScale(2, RoundingMode.HALF_UP);
                BigDecimal utilities = w.multiply(new BigDecimal("0.12")).setScale(2, RoundingMode.HALF_UP);
                h.housing.add(new Object[] {d.from, w, residents, w.subtract(heating).subtract(utilities), utilities, heating});
            }
            for (Person p : h.members) {
                LocalDate end = p.left;
                if (h.closed != null && (end == null || h.closed.isBefore(end))) {
                    end = h.closed;
                }
                int lastMonth = end == null ? Integer.MAX_VALUE : mi(end.minusDays(1));
                for (Income in : p.incomes) {
                    int to = Math.min(in.to, lastMonth);
                    if (to >= in.from && in.from <= untilM) {
                        stretches(p, in.kind, in.from, to, m -> netEarnings(in.gross, m), BigDecimal.valueOf(in.gross));
                    }
                }
                if (p.role.equals("CHILD")) {
                    int from = Math.max(mi(p.joined), fromM);
                    if (from <= lastMonth && from <= untilM) {
                        stretches(p, "CHILD_BENEFIT", from, lastMonth, m -> BigDecimal.valueOf(childBenefit(m / 12, childOrder(p, m))), null);
                    }
                }
            }
        }

        /**
         * Entries of one income of {@code p} for the months from..to (to after the until-month: open), one per stretch of the same
         * net; gross null: the gross is the net (child benefit).
         */
        void stretches(Person p, String kind, int from, int to, java.util.function.IntFunction<BigDecimal> net, BigDecimal gross) {
            int last = Math.min(to, untilM);
            int start = from;
            BigDecimal amount = net.apply(from);
            for (int m = from + 1; m <= last + 1; m++) {
                BigDecimal next = m <= last ? net.apply(m) : null;
                if (next == null || next.compareTo(amount) != 0) {
                    Integer toMonth = m <= last || to <= untilM ? Integer.valueOf(m - 1) : null;
                    p.incomeFacts.add(new Object[] {kind, start, toMonth, gross == null ? amount : gross, amount});
                    start = m;
                    amount = next;
                }
            }
        }

        /** The child's order as amounts has it on the month's first day: its index among the community's children by birth (§ 66 EStG). */
        int childOrder(Person c, int m) {
            LocalDate d = first(m);
            return h.members.stream().filter(p -> p.role.equals("CHILD") && (p == c || p.memberOn(d))).sorted((x, y) -> x.birth.compareTo(y.birth))
                    .toList().indexOf(c);
        }

        /** Postings of the last two months (the until-month and the one before) of the decisions in force then. */
        void post() {
            for (int m = Math.max(fromM, untilM - 1); m <= untilM; m++) {
                for (Decision d : h.decisions) {
                    if (d.covers(m)) {
                        List<Object[]> per = new ArrayList<>();
                        int level1 = standardNeeds(mi(d.from) / 12)[0];
                        for (Object[] s : d.shares) {
                            BigDecimal llu = (BigDecimal) s[1];
                            BigDecimal reduction = BigDecimal.ZERO.setScale(2);
                            Person p = byId((String) s[0]);
                            if (!p.role.equals("CHILD") && isElb(p, m) && chance(0.025)) {
                                reduction = BigDecimal.valueOf(level1).multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP).min(llu);
                            }
                            per.add(new Object[] {s[0], llu, s[2], reduction});
                        }
                        h.postings.add(new Object[] {m, per});
                    }
                }
            }
        }

        Person byId(String id) {
            for (Person p : h.members) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            throw new IllegalStateException(id);
        }

        LocalDate randomDay(int fromMonth, int toMonth) {
            LocalDate a = first(fromMonth);
            LocalDate b = last(toMonth);
            if (b.isAfter(cutOver)) {
                b = cutOver;
            }
            long days = ChronoUnit.DAYS.between(a, b);
            return days <= 0 ? a : a.plusDays(r.nextLong(days + 1));
        }
    }

    String customerNumber(Town t) {
        customerCounter++;
        return "958" + (char) ('A' + t.index()) + (customerCounter < 1_000_000 ? String.format(Locale.ROOT, "%06d", customerCounter)
                : String.format(Locale.ROOT, "%09d", customerCounter));
    }

    // ------------------------------------------------------------------------------------------------ the summary

    /**
     * The generator's own count with reporting's definitions (docs/reporting.md, IndicatorEngine): per person and month
     * the status from the decision covering the month (not terminated before its first day); eLb = amounts > 0, able to
     * work on the month's last day, of working age (§ 7a); LZB = eLb with ≥ 638 days in need (months as eLb, whole) in
     * the two years ending on the month's last day; LLU/KdU of the decisions in force (whole months: every decision here
     * starts on a first, ends on a last day and is terminated from a first); municipality of the case at the month's end;
     * integrations of kind EMPLOYMENT_SV, APPRENTICESHIP, SELF_EMPLOYMENT of persons who were eLb in the month or the one
     * before, at most one per person and month.
     */
    final class Summary {
        final int months;
        final long[][] households;
        final long[][] elb;
        final long[][] nef;
        final long[][] lzb;
        final long[][] lluCents;
        final long[][] kduCents;
        final long[][] integrations;
        final long[][] minijobs;
        final long[][] subsidised;
        final int[][] windowDays; // [month][k]: days of month (m-24+k) inside the LZB window of m

        Summary() {
            months = untilM - fromM + 1;
            households = new long[months][DISTRICT + 1];
            elb = new long[months][DISTRICT + 1];
            nef = new long[months][DISTRICT + 1];
            lzb = new long[months][DISTRICT + 1];
            lluCents = new long[months][DISTRICT + 1];
            kduCents = new long[months][DISTRICT + 1];
            integrations = new long[months][DISTRICT + 1];
            minijobs = new long[months][DISTRICT + 1];
            subsidised = new long[months][DISTRICT + 1];
            windowDays = new int[months][25];
            for (int i = 0; i < months; i++) {
                int m = fromM + i;
                LocalDate end = last(m);
                LocalDate start = end.minusYears(2).plusDays(1);
                for (int k = 0; k < 25; k++) {
                    int w = m - 24 + k;
                    LocalDate a = first(w).isBefore(start) ? start : first(w);
                    LocalDate b = last(w);
                    windowDays[i][k] = b.isBefore(a) ? 0 : (int) ChronoUnit.DAYS.between(a, b) + 1;
                }
            }
        }

        void add(Household h) {
            int[] town = new int[months];
            for (int i = 0; i < months; i++) {
                town[i] = h.townAt(last(fromM + i)).index();
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < h.members.size(); i++) {
                index.put(h.members.get(i).id, i);
            }
            int n = h.members.size();
            boolean[][] isElb = new boolean[n][months];
            for (int i = 0; i < months; i++) {
                int m = fromM + i;
                for (Decision d : h.decisions) {
                    if (!d.covers(m)) {
                        continue;
                    }
                    int u = town[i];
                    households[i][u]++;
                    households[i][DISTRICT]++;
                    for (Object[] s : d.shares) {
                        Person p = h.members.get(index.get((String) s[0]));
                        BigDecimal l = (BigDecimal) s[1];
                        BigDecimal k = (BigDecimal) s[2];
                        long lc = l.movePointRight(2).longValueExact();
                        long kc = k.movePointRight(2).longValueExact();
                        lluCents[i][u] += lc;
                        lluCents[i][DISTRICT] += lc;
                        kduCents[i][u] += kc;
                        kduCents[i][DISTRICT] += kc;
                        boolean beneficiary = lc + kc > 0;
                        boolean e = beneficiary && p.ableToWorkIn(m) && p.workingAge(m);
                        if (e) {
                            isElb[index.get(p.id)][i] = true;
                            elb[i][u]++;
                            elb[i][DISTRICT]++;
                        } else if (beneficiary) {
                            nef[i][u]++;
                            nef[i][DISTRICT]++;
                        }
                    }
                }
            }
            for (int p = 0; p < n; p++) {
                for (int i = 0; i < months; i++) {
                    if (!isElb[p][i]) {
                        continue;
                    }
                    int days = 0;
                    for (int k = 0; k < 25; k++) {
                        int j = i - 24 + k;
                        if (j >= 0 && isElb[p][j]) {
                            days += windowDays[i][k];
                        }
                    }
                    if (days >= 638) {
                        lzb[i][town[i]]++;
                        lzb[i][DISTRICT]++;
                    }
                }
            }
            Map<String, Boolean> seen = new HashMap<>();
            for (Integration in : h.integrations) {
                int i = mi(in.start) - fromM;
                if (i < 0 || i >= months) {
                    continue;
                }
                int p = index.get(in.person.id);
                int at = isElb[p][i] ? i : i > 0 && isElb[p][i - 1] ? i - 1 : -1;
                if (at < 0) {
                    continue;
                }
                String group = switch (in.kind) {
                    case "MINIJOB" -> "M";
                    case "SUBSIDISED" -> "S";
                    default -> "I";
                };
                if (seen.put(group + "|" + in.person.id + "|" + i, Boolean.TRUE) != null) {
                    continue;
                }
                long[][] target = group.equals("I") ? integrations : group.equals("M") ? minijobs : subsidised;
                target[i][town[at]]++;
                target[i][DISTRICT]++;
            }
        }

        BigDecimal euros(long cents) {
            return BigDecimal.valueOf(cents, 2);
        }

        BigDecimal change(BigDecimal now, BigDecimal before) {
            if (before.signum() == 0) {
                return null;
            }
            return percent(now.divide(before, MathContext.DECIMAL64).subtract(BigDecimal.ONE));
        }

        BigDecimal percent(BigDecimal fraction) {
            return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        }

        BigDecimal k2(int i, int unit) {
            long sum = 0;
            long stock = 0;
            for (int j = i - 11; j <= i; j++) {
                if (j < 0) {
                    return null;
                }
                sum += integrations[j][unit];
                stock += elb[j][unit];
            }
            if (stock == 0) {
                return null;
            }
            return percent(BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(stock), MathContext.DECIMAL64));
        }

        Map<String, Object> headline(int i, int unit) {
            Map<String, Object> v = new LinkedHashMap<>();
            int j = i - 12;
            v.put("month", ym(fromM + i));
            v.put("yearBefore", j >= 0 ? ym(fromM + j) : null);
            v.put("K1", j >= 0 ? change(euros(lluCents[i][unit]), euros(lluCents[j][unit])) : null);
            v.put("K1E1", j >= 0 ? change(euros(kduCents[i][unit]), euros(kduCents[j][unit])) : null);
            v.put("K1E2", j >= 0 ? change(BigDecimal.valueOf(elb[i][unit]), BigDecimal.valueOf(elb[j][unit])) : null);
            v.put("K2", k2(i, unit));
            v.put("K3", j >= 0 ? change(BigDecimal.valueOf(lzb[i][unit]), BigDecimal.valueOf(lzb[j][unit])) : null);
            v.put("llu", euros(lluCents[i][unit]));
            v.put("lluYearBefore", j >= 0 ? euros(lluCents[j][unit]) : null);
            v.put("kdu", euros(kduCents[i][unit]));
            v.put("kduYearBefore", j >= 0 ? euros(kduCents[j][unit]) : null);
            v.put("elb", elb[i][unit]);
            v.put("elbYearBefore", j >= 0 ? elb[j][unit] : null);
            v.put("lzb", lzb[i][unit]);
            v.put("lzbYearBefore", j >= 0 ? lzb[j][unit] : null);
            long integ = 0;
            long stock = 0;
            for (int x = Math.max(0, i - 11); x <= i; x++) {
                integ += integrations[x][unit];
                stock += elb[x][unit];
            }
            v.put("integrations12Months", integ);
            v.put("elbStockSum12Months", stock);
            return v;
        }

        Map<String, Object> figures(int i, int unit) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("households", households[i][unit]);
            v.put("elb", elb[i][unit]);
            v.put("nef", nef[i][unit]);
            v.put("lzb", lzb[i][unit]);
            v.put("llu", euros(lluCents[i][unit]));
            v.put("kdu", euros(kduCents[i][unit]));
            v.put("integrations", integrations[i][unit]);
            v.put("minijobEntries", minijobs[i][unit]);
            v.put("subsidisedEntries", subsidised[i][unit]);
            return v;
        }

        String json() {
            Json j = new Json();
            j.open().str("generator", "tools/demo/District.java").raw("seed", String.valueOf(seed))
                    .raw("scale", BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString()).str("from", ym(fromM)).str("until", ym(untilM))
                    .date("cutOver", cutOver);
            j.key("definitions").open()
                    .str("source", "docs/reporting.md and IndicatorEngine; docs/demo.md 'The district at its real size'")
                    .str("households", "households (cases) with a decision in force for the month: from-month <= month <= to-month and not terminated "
                            + "on or before the month's first day; municipality of the case on the month's last day (opening or move)")
                    .str("elb", "persons of the decision in force with llu + kdu > 0, able to work on the month's last day (latest employability "
                            + "change effective by then; else registered under 15 -> able from the 15th birthday month; else as registered) and of "
                            + "working age (month of the 15th birthday to the month of the § 7a age limit)")
                    .str("nef", "the other persons of the decision in force with llu + kdu > 0")
                    .str("lzb", "eLb at the month's end with >= 638 days as eLb (whole months) in the two years ending on the month's last day")
                    .str("llu", "sum of the members' llu of the decisions in force (whole months; no partial months occur in this file)")
                    .str("kdu", "sum of the members' kdu of the decisions in force")
                    .str("integrations", "integrations of kind EMPLOYMENT_SV, APPRENTICESHIP, SELF_EMPLOYMENT starting in the month of persons eLb "
                            + "in that month or the one before (municipality of that status), at most one per person and month")
                    .str("minijobEntries", "the same for MINIJOB (K2E1)").str("subsidisedEntries", "the same for SUBSIDISED (K2E2)")
                    .str("K1", "llu(M) / llu(M-12) - 1, percent, one decimal half-up; K1E1 the same for kdu, K1E2 for elb, K3 for lzb")
                    .str("K2", "integrations of the 12 months to M / average elb of those months, percent, one decimal half-up")
                    .close();
            j.key("totals").open().raw("households", String.valueOf(nHouseholds)).raw("members", String.valueOf(nMembers))
                    .raw("decisions", String.valueOf(nDecisions)).raw("terminations", String.valueOf(nTerminations))
                    .raw("postings", String.valueOf(nPostings)).raw("measures", String.valueOf(nMeasures))
                    .raw("integrations", String.valueOf(nIntegrations)).raw("moves", String.valueOf(nMoves)).close();
            int last = months - 1;
            j.key("headline").open().key("district");
            writeMap(j, headline(last, DISTRICT));
            j.key("municipalities").open();
            for (Town t : TOWNS) {
                j.key(t.ags());
                writeMap(j, headline(last, t.index()));
            }
            j.close().close();
            j.array("months");
            for (int i = Math.max(0, months - 24); i < months; i++) {
                j.open().str("month", ym(fromM + i)).key("district");
                writeMap(j, figures(i, DISTRICT));
                j.key("municipalities").open();
                for (Town t : TOWNS) {
                    j.key(t.ags());
                    writeMap(j, figures(i, t.index()));
                }
                j.close().close();
            }
            j.end();
            j.close();
            return j.toPretty();
        }

        void writeMap(Json j, Map<String, Object> v) {
            j.open();
            for (Map.Entry<String, Object> e : v.entrySet()) {
                Object x = e.getValue();
                if (x == null) {
                    j.raw(e.getKey(), "null");
                } else if (x instanceof String s) {
                    j.str(e.getKey(), s);
                } else if (x instanceof BigDecimal b) {
                    j.raw(e.getKey(), b.toPlainString());
                } else {
                    j.raw(e.getKey(), x.toString());
                }
            }
            j.close();
        }

        void printHistory() {
            long householdMonths = 0;
            for (int i = 0; i < months; i++) {
                householdMonths += households[i][DISTRICT];
            }
            System.out.printf(Locale.ROOT, "household-months with a decision in force %s to %s: %,d (one posting each, had the whole history been posted)%n",
                    ym(fromM), ym(untilM), householdMonths);
            System.out.println("month     households    eLb    NEF    LZB   LZB%         LLU €        KdU €   K1     K3     K2   integr.(12m)");
            for (int i = 0; i < months; i++) {
                int m = fromM + i;
                if (m % 12 != untilM % 12 && i != 0) {
                    continue;
                }
                int j = i - 12;
                BigDecimal k1 = j >= 0 ? change(euros(lluCents[i][DISTRICT]), euros(lluCents[j][DISTRICT])) : null;
                BigDecimal k3 = j >= 0 ? change(BigDecimal.valueOf(lzb[i][DISTRICT]), BigDecimal.valueOf(lzb[j][DISTRICT])) : null;
                long integ = 0;
                for (int x = Math.max(0, i - 11); x <= i; x++) {
                    integ += integrations[x][DISTRICT];
                }
                System.out.printf(Locale.ROOT, "%s  %9d  %6d %6d %6d  %5.1f  %12s %12s %6s %6s %6s %6d%n", ym(m), households[i][DISTRICT], elb[i][DISTRICT],
                        nef[i][DISTRICT], lzb[i][DISTRICT], elb[i][DISTRICT] == 0 ? 0.0 : 100.0 * lzb[i][DISTRICT] / elb[i][DISTRICT],
                        euros(lluCents[i][DISTRICT]).toPlainString(), euros(kduCents[i][DISTRICT]).toPlainString(), k1 == null ? "" : k1.toPlainString(),
                        k3 == null ? "" : k3.toPlainString(), k2(i, DISTRICT) == null ? "" : k2(i, DISTRICT).toPlainString(), integ);
            }
        }

        void printHeadline() {
            int i = months - 1;
            Map<String, Object> d = headline(i, DISTRICT);
            System.out.printf(Locale.ROOT, "headline %s (district): K1 %s %% (LLU %s vs %s), K3 %s %% (LZB %s vs %s), K2 %s %%, K1E1 %s %%, K1E2 %s %%%n",
                    d.get("month"), d.get("K1"), d.get("llu"), d.get("lluYearBefore"), d.get("K3"), d.get("lzb"), d.get("lzbYearBefore"), d.get("K2"),
                    d.get("K1E1"), d.get("K1E2"));
            System.out.println("per municipality, " + ym(untilM) + ": households / eLb / LZB / LLU € / K1 / K3 / K2");
            for (Town t : TOWNS) {
                Map<String, Object> v = headline(i, t.index());
                System.out.printf(Locale.ROOT, "  %s %-20s %6d %6d %6d %12s %6s %6s %6s%n", t.ags(), t.name(), households[i][t.index()], elb[i][t.index()],
                        lzb[i][t.index()], v.get("llu"), v.get("K1"), v.get("K3"), v.get("K2"));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static int mi(int year, int month) {
        return year * 12 + month - 1;
    }

    static int mi(LocalDate d) {
        return mi(d.getYear(), d.getMonthValue());
    }

    static LocalDate first(int m) {
        return LocalDate.of(m / 12, m % 12 + 1, 1);
    }

    static LocalDate last(int m) {
        LocalDate f = first(m);
        return f.withDayOfMonth(f.lengthOfMonth());
    }

    static String ym(int m) {
        return String.format(Locale.ROOT, "%04d-%02d", m / 12, m % 12 + 1);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String ascii(String s) {
        String t = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
                .replace("ß", "ss").replace("ı", "i").replace("ł", "l");
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return t.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    /** A minimal JSON writer: compact, fields in the order written. */
    static final class Json {
        final StringBuilder b = new StringBuilder(4096);
        final java.util.ArrayDeque<Boolean> first = new java.util.ArrayDeque<>();

        void sep() {
            if (!first.isEmpty()) {
                if (first.peek()) {
                    first.pop();
                    first.push(false);
                } else {
                    b.append(',');
                }
            }
        }

        Json key(String k) {
            sep();
            quote(k);
            b.append(':');
            first.push(true); // the value that follows is not separated
            pendingValue = true;
            return this;
        }

        boolean pendingValue;

        Json open() {
            if (pendingValue) {
                first.pop();
                pendingValue = false;
            } else {
                sep();
            }
            b.append('{');
            first.push(true);
            return this;
        }

        Json close() {
            first.pop();
            b.append('}');
            return this;
        }

        Json array(String k) {
            sep();
            quote(k);
            b.append(":[");
            first.push(true);
            return this;
        }

        Json end() {
            first.pop();
            b.append(']');
            return this;
        }

        Json str(String k, String v) {
            sep();
            quote(k);
            b.append(':');
            quote(v);
            return this;
        }

        Json date(String k, LocalDate d) {
            return str(k, d.toString());
        }

        Json bool(String k, boolean v) {
            return raw(k, v ? "true" : "false");
        }

        Json num(String k, BigDecimal v) {
            return raw(k, v.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        }

        Json raw(String k, String v) {
            sep();
            quote(k);
            b.append(':').append(v);
            return this;
        }

        void quote(String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            b.append('"');
        }

        @Override
        public String toString() {
            return b.toString();
        }

        /** The compact text indented (for the summary file, which people read). */
        String toPretty() {
            StringBuilder o = new StringBuilder(b.length() * 2);
            int depth = 0;
            boolean inString = false;
            for (int i = 0; i < b.length(); i++) {
                char c = b.charAt(i);
                if (inString) {
                    o.append(c);
                    if (c == '\\') {
                        o.append(b.charAt(++i));
                    } else if (c == '"') {
                        inString = false;
                    }
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        inString = true;
                        o.append(c);
                    }
                    case '{', '[' -> {
                        o.append(c).append('\n');
                        depth++;
                        o.append("  ".repeat(depth));
                    }
                    case '}', ']' -> {
                        depth--;
                        o.append('\n').append("  ".repeat(depth)).append(c);
                    }
                    case ',' -> o.append(",\n").append("  ".repeat(depth));
                    case ':' -> o.append(": ");
                    default -> o.append(c);
                }
            }
            return o.append('\n').toString();
        }
    }
}
