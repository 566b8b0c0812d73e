package de.auseinerhand.migration;

import de.auseinerhand.matching.Places;
import de.auseinerhand.migration.format.HouseholdValidator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The migration tool (docs/migration.md).
 * <pre>
 * validate FILE [--report FILE] [--cut-over YYYY-MM-DD] [--places FILE]
 * import   FILE [--registry URL] [--benefits URL] [--placement URL] [--run ID] [--token-command CMD] [--report FILE] [--cut-over YYYY-MM-DD] [--places FILE]
 * </pre>
 * {@code validate} checks every line and writes the report of rejected lines. {@code import} does that first, then sends
 * the accepted households in batches to the services' migration endpoints (each checks first, then the registry writes
 * the cases, benefit-calculation and job-placement their parts; defaults: the local stack's ports), with progress; it is
 * idempotent and resumable: run it again after a kill and it continues. Exit code 0 when every household went in (or was
 * in already), 2 when some were rejected, 1 on a usage, I/O or service error. The district's municipalities are those of
 * the places file (default: the reference district's twelve); the cut-over day defaults to today.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        int code;
        try {
            code = run(args, Clock.systemDefaultZone());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println();
            System.err.println("migration: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args, Clock clock) throws IOException {
        if (args.length < 2 || !("validate".equals(args[0]) || "import".equals(args[0]))) {
            System.err.println("usage: validate FILE [--report FILE] [--cut-over YYYY-MM-DD] [--places FILE]");
            System.err.println("       import FILE [--registry URL] [--benefits URL] [--placement URL] [--run ID] [--token-command CMD] [--report FILE] [--cut-over YYYY-MM-DD] [--places FILE]");
            return 1;
        }
        boolean importing = "import".equals(args[0]);
        Path file = Path.of(args[1]);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length
                    || !Set.of("--report", "--cut-over", "--places", "--registry", "--benefits", "--placement", "--run", "--token-command").contains(args[i])) {
                System.err.println("unknown or incomplete option " + args[i]);
                return 1;
            }
            options.put(args[i], args[++i]);
        }
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file);
            return 1;
        }
        Path report = Path.of(options.getOrDefault("--report", args[1] + ".rejected.jsonl"));
        LocalDate cutOver = options.containsKey("--cut-over") ? LocalDate.parse(options.get("--cut-over")) : LocalDate.now(clock);
        Set<String> municipalities = municipalities(Places.load(Optional.ofNullable(options.get("--places"))));
        long total;
        try (Stream<String> lines = Files.lines(file)) {
            total = lines.filter(l -> !l.isBlank()).count();
        }
        Validation validation = new Validation(new HouseholdValidator(municipalities, cutOver));
        BitSet accepted = new BitSet();
        try (BufferedWriter out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            Validation.Summary s = validation.run(file, out, (line, household) -> accepted.set(Math.toIntExact(line)),
                    new Progress(System.err, clock, total, "checking"));
            System.out.printf("%s: %,d households, %,d accepted, %,d rejected (%,d problems); report: %s%n", file,
                    s.accepted() + s.rejected(), s.accepted(), s.rejected(), s.problems(), report);
            if (!importing) {
                return s.rejected() == 0 ? 0 : 2;
            }
            String runId = options.getOrDefault("--run", "run-" + LocalDate.now(clock));
            String path = "/api/v1/admin/migration/households";
            Importer importer = new Importer(new Importer.Service("client-registry", URI.create(base(options, "--registry") + path)),
                    List.of(new Importer.Service("benefit-calculation", URI.create(base(options, "--benefits") + path)),
                            new Importer.Service("job-placement", URI.create(base(options, "--placement") + path))),
                    runId, tokens(options.get("--token-command"), clock), out, clock);
            Progress progress = new Progress(System.err, clock, s.accepted(), "importing");
            Instant started = clock.instant();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (accepted.get(Math.toIntExact(n))) {
                        importer.add(n, Validation.JSON.readTree(line));
                        progress.line(importer.done(), importer.rejected());
                    }
                }
            }
            importer.finish();
            progress.done(importer.done(), importer.rejected());
            double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
            System.out.printf("%,d households taken over by every service, %,d rejected by a service, %,d batches, %.1f s (%,.0f households/s); run %s%n",
                    importer.done(), importer.rejected(), importer.batches(), seconds, importer.done() / seconds, runId);
            importer.counts().forEach((name, c) -> System.out.printf("  %-20s %,d migrated, %,d migrated before, %,d rejected%n", name,
                    c.migrated(), c.alreadyMigrated(), c.rejected()));
            return s.rejected() == 0 && importer.rejected() == 0 ? 0 : 2;
        }
    }

    /** The base URL of a service: the option, else the local stack's port. */
    static String base(Map<String, String> options, String option) {
        String fallback = switch (option) {
            case "--registry" -> "http://127.0.0.1:8081";
            case "--benefits" -> "http://127.0.0.1:8082";
            default -> "http://127.0.0.1:8083";
        };
        return options.getOrDefault(option, fallback).replaceAll("/+$", "");
    }

    /** A token from the command, asked again when the last one is older than a minute (tokens live a few minutes). */
    static Supplier<String> tokens(String command, Clock clock) {
        String cmd = command == null ? "deploy/local/token admin" : command;
        return new Supplier<>() {
            String token;
            Instant at;

            @Override
            public String get() {
                if (token == null || Duration.between(at, clock.instant()).toSeconds() > 60) {
                    try {
                        Process p = new ProcessBuilder("bash", "-c", cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                        if (p.waitFor() != 0 || out.isEmpty()) {
                            throw new IllegalStateException("the token command failed: " + cmd);
                        }
                        token = out;
                        at = clock.instant();
                    } catch (IOException e) {
                        throw new IllegalStateException("the token command failed: " + cmd, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                return token;
            }
        };
    }

    static Set<String> municipalities(Places places) {
        return places.all().stream().map(p -> p.ags()).collect(Collectors.toUnmodifiableSet());
    }
}
