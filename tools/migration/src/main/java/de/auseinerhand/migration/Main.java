package de.auseinerhand.migration;

import de.auseinerhand.matching.Places;
import de.auseinerhand.migration.format.HouseholdValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code tools/migration/validate FILE [--report FILE] [--cut-over YYYY-MM-DD] [--places FILE]}: checks a migration file and
 * writes the report of rejected lines; exit code 0 when every household is accepted, 2 when some are rejected, 1 on a
 * usage or I/O error. The district's municipalities are those of the places file (default: the reference district's
 * twelve); the cut-over day defaults to today.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, Clock.systemDefaultZone()));
    }

    static int run(String[] args, Clock clock) throws IOException {
        if (args.length < 2 || !"validate".equals(args[0])) {
            System.err.println("usage: validate FILE [--report FILE] [--cut-over YYYY-MM-DD] [--places FILE]");
            return 1;
        }
        Path file = Path.of(args[1]);
        Path report = Path.of(args[1] + ".rejected.jsonl");
        LocalDate cutOver = LocalDate.now(clock);
        Optional<String> places = Optional.empty();
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--report" -> report = Path.of(args[i + 1]);
                case "--cut-over" -> cutOver = LocalDate.parse(args[i + 1]);
                case "--places" -> places = Optional.of(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    return 1;
                }
            }
        }
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file);
            return 1;
        }
        Set<String> municipalities = municipalities(Places.load(places));
        long total;
        try (Stream<String> lines = Files.lines(file)) {
            total = lines.filter(l -> !l.isBlank()).count();
        }
        Validation validation = new Validation(new HouseholdValidator(municipalities, cutOver));
        Validation.Summary s = validation.run(file, report, (line, household) -> { }, new Progress(System.err, clock, total, "validating"));
        System.out.printf("%s: %,d households, %,d accepted, %,d rejected (%,d problems); report: %s%n", file, s.accepted() + s.rejected(),
                s.accepted(), s.rejected(), s.problems(), report);
        return s.rejected() == 0 ? 0 : 2;
    }

    static Set<String> municipalities(Places places) {
        return places.all().stream().map(p -> p.ags()).collect(Collectors.toUnmodifiableSet());
    }
}
