package de.auseinerhand.reporting.indicators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The indicator facts' rows with their recording times, as read from the fact tables (all of them up to a moment,
 * or those of some persons), and the {@link Facts} they tell as known at any moment: the one reading of the rows that
 * the full computation and the stored figures share.
 */
public final class FactRows {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    record PersonRow(UUID personId, String sex, YearMonth born, boolean employable, boolean singleParent, LocalDate effectiveFrom,
                     Instant recordedAt) {
    }

    record AbilityRow(UUID personId, boolean employable, LocalDate effectiveFrom, Instant recordedAt) {
    }

    record ResidenceRow(String caseId, LocalDate effectiveFrom, String municipality, Instant recordedAt) {
    }

    record DecisionRow(UUID decisionId, String caseId, LocalDate from, LocalDate to, UUID replaces, Instant recordedAt) {
    }

    record TerminationRow(UUID decisionId, LocalDate effectiveFrom, Instant recordedAt) {
    }

    record AmountRow(UUID decisionId, UUID eventId, YearMonth month, UUID personId, BigDecimal llu, BigDecimal kdu, Instant recordedAt,
                     long sequence) {
    }

    record IntegrationRow(UUID personId, String kind, LocalDate start, boolean subsidised, Instant recordedAt) {
    }

    record EndRow(UUID personId, LocalDate end, Instant recordedAt) {
    }

    record MeasureRow(UUID measureId, UUID personId, String legalBasis, String category, String change, LocalDate day, Instant recordedAt) {
    }

    /**
     * Person rows newest first (recorded_at desc, then event id as PostgreSQL orders it); every other list oldest first,
     * ties by event id: where the engine takes the first or last of equals, the fold and a person's own rows agree.
     */
    final List<PersonRow> persons = new ArrayList<>();
    final List<AbilityRow> abilities = new ArrayList<>();
    final List<ResidenceRow> residences = new ArrayList<>();
    final List<DecisionRow> decisions = new ArrayList<>();
    final List<TerminationRow> terminations = new ArrayList<>();
    final List<AmountRow> amounts = new ArrayList<>();
    final List<IntegrationRow> integrations = new ArrayList<>();
    final List<EndRow> ends = new ArrayList<>();
    final List<MeasureRow> measures = new ArrayList<>();

    /** Every row recorded up to {@code cutoff}. */
    public static FactRows knownAt(Connection c, Instant cutoff) throws SQLException {
        String upTo = " where recorded_at <= ?";
        Timestamp at = Timestamp.from(cutoff);
        return load(c, upTo, at, upTo, at, upTo, at, null);
    }

    /**
     * The rows about some persons, whenever recorded: their own facts, the decisions that name them (and the decisions
     * replacing those), every amount and termination of those decisions, the residences of those decisions' cases.
     * Every lookup is by an array of keys, so each is an index scan however stale the planner's statistics are.
     */
    public static FactRows ofPersons(Connection c, UUID[] persons) throws SQLException {
        java.util.Set<UUID> decisions = new java.util.LinkedHashSet<>();
        java.util.Set<String> cases = new java.util.LinkedHashSet<>();
        java.sql.Array ids = c.createArrayOf("uuid", persons);
        query(c, "select distinct decision_id, case_id from rp_amount where person_id = any(?)", ids, 1, rs -> {
            decisions.add(rs.getObject(1, UUID.class));
            cases.add(rs.getString(2));
        });
        java.sql.Array ds = c.createArrayOf("uuid", decisions.toArray());
        return load(c, " where person_id = any(?)", ids, " where decision_id = any(?)", ds, " where case_id = any(?)",
                c.createArrayOf("text", cases.toArray()), " where replaces = any(?)");
    }

    /**
     * {@code own}: rows keyed by person; {@code ofDecisions}: amounts, decisions, terminations; {@code ofCases}: residences;
     * {@code replacing}: a second lookup of the decisions replacing those (null: none).
     */
    private static FactRows load(Connection c, String own, Object ownArg, String ofDecisions, Object decisionsArg, String ofCases,
            Object casesArg, String replacing) throws SQLException {
        FactRows r = new FactRows();
        query(c, "select person_id, sex, birth_year_month, employable, single_parent, effective_from, recorded_at from rp_person" + own
                + " order by person_id, recorded_at desc, event_id", ownArg, 1, rs -> r.persons.add(new PersonRow(rs.getObject(1, UUID.class),
                        rs.getString(2), YearMonth.parse(rs.getString(3)), rs.getBoolean(4), rs.getBoolean(5), rs.getObject(6, LocalDate.class),
                        instant(rs, 7))));
        query(c, "select person_id, employable, effective_from, recorded_at from rp_employability" + own + " order by recorded_at, event_id", ownArg, 1,
                rs -> r.abilities.add(new AbilityRow(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getObject(3, LocalDate.class), instant(rs, 4))));
        query(c, "select case_id, effective_from, municipality, recorded_at from rp_residence" + ofCases + " order by recorded_at, event_id", casesArg, 1,
                rs -> r.residences.add(new ResidenceRow(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), instant(rs, 4))));
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        Row decision = rs -> {
            if (seen.add(rs.getObject(1, UUID.class))) {
                r.decisions.add(new DecisionRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class), instant(rs, 6)));
            }
        };
        String decisionColumns = "select decision_id, case_id, period_from, period_to, replaces, recorded_at from rp_decision";
        query(c, decisionColumns + ofDecisions + " order by recorded_at, decision_id", decisionsArg, 1, decision);
        if (replacing != null) {
            query(c, decisionColumns + replacing + " order by recorded_at, decision_id", decisionsArg, 1, decision);
        }
        query(c, "select decision_id, effective_from, recorded_at from rp_termination" + ofDecisions, decisionsArg, 1,
                rs -> r.terminations.add(new TerminationRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), instant(rs, 3))));
        query(c, "select decision_id, event_id, effective_month, person_id, llu, kdu, recorded_at from rp_amount" + ofDecisions
                + " order by recorded_at, event_id, person_id", decisionsArg, 1, rs -> {
                    Timestamp t = rs.getTimestamp(7);
                    r.amounts.add(new AmountRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), YearMonth.parse(rs.getString(3)),
                            rs.getObject(4, UUID.class), rs.getBigDecimal(5), rs.getBigDecimal(6), t.toInstant(),
                            t.getTime() * 1000 + t.getNanos() / 1000 % 1000));
                });
        query(c, "select person_id, kind, start_date, subsidised, recorded_at from rp_integration" + own + " order by recorded_at, event_id", ownArg, 1,
                rs -> r.integrations.add(new IntegrationRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4), instant(rs, 5))));
        query(c, "select person_id, end_date, recorded_at from rp_employment_end" + own, ownArg, 1,
                rs -> r.ends.add(new EndRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), instant(rs, 3))));
        query(c, "select measure_id, person_id, legal_basis, category, change, day, recorded_at from rp_measure" + own + " order by recorded_at, event_id",
                ownArg, 1, rs -> r.measures.add(new MeasureRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), instant(rs, 7))));
        return r;
    }

    /** The facts as known at {@code cutoff}: rows recorded up to it. */
    public Facts at(Instant cutoff) {
        Map<String, List<Facts.Residence>> rs = new HashMap<>();
        for (ResidenceRow x : residences) {
            if (!x.recordedAt().isAfter(cutoff)) {
                rs.computeIfAbsent(x.caseId(), k -> new ArrayList<>()).add(new Facts.Residence(x.effectiveFrom(), x.municipality()));
            }
        }
        Map<UUID, List<Facts.Ability>> ab = new HashMap<>();
        for (AbilityRow x : abilities) {
            if (!x.recordedAt().isAfter(cutoff)) {
                ab.computeIfAbsent(x.personId(), k -> new ArrayList<>()).add(new Facts.Ability(x.employable(), x.effectiveFrom(), x.recordedAt()));
            }
        }
        Map<UUID, Facts.Person> ps = new HashMap<>();
        for (PersonRow x : persons) {
            // newest first: the first row known at the cutoff is the person's latest registration
            if (!x.recordedAt().isAfter(cutoff) && !ps.containsKey(x.personId())) {
                ps.put(x.personId(), new Facts.Person(x.personId(), x.sex(), x.born(), x.employable(), x.singleParent(), x.effectiveFrom(),
                        ab.getOrDefault(x.personId(), List.of())));
            }
        }
        Map<UUID, UUID> replacedBy = new HashMap<>();
        for (DecisionRow x : decisions) {
            if (!x.recordedAt().isAfter(cutoff) && x.replaces() != null) {
                replacedBy.put(x.replaces(), x.decisionId());
            }
        }
        Map<UUID, LocalDate> terminated = new HashMap<>();
        for (TerminationRow x : terminations) {
            if (!x.recordedAt().isAfter(cutoff)) {
                terminated.merge(x.decisionId(), x.effectiveFrom(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<UUID, Facts.Decision> ds = new HashMap<>();
        for (DecisionRow x : decisions) {
            if (!x.recordedAt().isAfter(cutoff)) {
                ds.put(x.decisionId(), new Facts.Decision(x.decisionId(), x.caseId(), x.from(), x.to(), replacedBy.get(x.decisionId()),
                        terminated.get(x.decisionId())));
            }
        }
        Map<UUID, Map<UUID, Facts.AmountChange>> byEvent = new HashMap<>();
        for (AmountRow x : amounts) {
            if (!x.recordedAt().isAfter(cutoff)) {
                byEvent.computeIfAbsent(x.decisionId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(x.eventId(), k -> new Facts.AmountChange(x.month(), x.sequence(), new HashMap<>()))
                        .perPerson().put(x.personId(), new BigDecimal[] {x.llu(), x.kdu()});
            }
        }
        Map<UUID, List<Facts.AmountChange>> am = new HashMap<>();
        byEvent.forEach((k, v) -> am.put(k, new ArrayList<>(v.values())));
        List<Facts.Integration> in = new ArrayList<>();
        for (IntegrationRow x : integrations) {
            if (!x.recordedAt().isAfter(cutoff)) {
                in.add(new Facts.Integration(x.personId(), x.kind(), x.start(), x.subsidised()));
            }
        }
        List<Facts.EmploymentEnd> en = new ArrayList<>();
        for (EndRow x : ends) {
            if (!x.recordedAt().isAfter(cutoff)) {
                en.add(new Facts.EmploymentEnd(x.personId(), x.end()));
            }
        }
        Map<UUID, Object[]> ms = new LinkedHashMap<>();
        for (MeasureRow x : measures) {
            if (!x.recordedAt().isAfter(cutoff)) {
                Object[] m = ms.computeIfAbsent(x.measureId(), k -> new Object[6]);
                m[0] = x.measureId();
                m[1] = x.personId();
                m[2] = x.legalBasis();
                m[3] = x.category();
                m[x.change().equals("START") ? 4 : 5] = x.day();
            }
        }
        List<Facts.Measure> measureList = new ArrayList<>();
        for (Object[] m : ms.values()) {
            if (m[4] != null) {
                measureList.add(new Facts.Measure((UUID) m[0], (UUID) m[1], (String) m[2], (String) m[3], (LocalDate) m[4], (LocalDate) m[5]));
            }
        }
        return new Facts(rs, ps, ds, am, in, en, measureList);
    }

    /** The day whose knowledge a row recorded at {@code t} joins: an "as of" date D counts what was recorded up to the start of D + 1. */
    public static LocalDate knownOn(Instant t) {
        return LocalDate.ofInstant(t.minusNanos(1000), ZONE);
    }

    /** The moment that ends the knowledge of day {@code d} (the start of the next day in Europe/Berlin). */
    public static Instant endOf(LocalDate d) {
        return d.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The days on which something of these rows became known. */
    TreeSet<LocalDate> knowledgeDays() {
        TreeSet<LocalDate> days = new TreeSet<>();
        persons.forEach(x -> days.add(knownOn(x.recordedAt())));
        abilities.forEach(x -> days.add(knownOn(x.recordedAt())));
        residences.forEach(x -> days.add(knownOn(x.recordedAt())));
        decisions.forEach(x -> days.add(knownOn(x.recordedAt())));
        terminations.forEach(x -> days.add(knownOn(x.recordedAt())));
        amounts.forEach(x -> days.add(knownOn(x.recordedAt())));
        integrations.forEach(x -> days.add(knownOn(x.recordedAt())));
        ends.forEach(x -> days.add(knownOn(x.recordedAt())));
        measures.forEach(x -> days.add(knownOn(x.recordedAt())));
        return days;
    }

    /** Positions of the rows by key, built once for {@link #of} (which then reads only a person's own rows). */
    private record Index(Map<UUID, List<Integer>> amountsOfPerson, Map<UUID, List<Integer>> amountsOfDecision,
                         Map<UUID, List<Integer>> decisionsById, Map<UUID, List<Integer>> decisionsReplacing,
                         Map<UUID, List<Integer>> terminationsOfDecision, Map<String, List<Integer>> residencesOfCase,
                         Map<UUID, List<Integer>> persons, Map<UUID, List<Integer>> abilities, Map<UUID, List<Integer>> integrations,
                         Map<UUID, List<Integer>> ends, Map<UUID, List<Integer>> measures) {
    }

    private volatile Index index;

    private static <K, R> Map<K, List<Integer>> positions(List<R> rows, java.util.function.Function<R, K> key) {
        Map<K, List<Integer>> out = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            K k = key.apply(rows.get(i));
            if (k != null) {
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new Index(positions(amounts, AmountRow::personId), positions(amounts, AmountRow::decisionId),
                            positions(decisions, DecisionRow::decisionId), positions(decisions, DecisionRow::replaces),
                            positions(terminations, TerminationRow::decisionId), positions(residences, ResidenceRow::caseId),
                            positions(persons, PersonRow::personId), positions(abilities, AbilityRow::personId),
                            positions(integrations, IntegrationRow::personId), positions(ends, EndRow::personId),
                            positions(measures, MeasureRow::personId));
                    index = i;
                }
            }
        }
        return i;
    }

    /** The rows at the positions gathered, in their original order (where the engine takes the first or last of equals). */
    private static <R> void take(List<R> from, java.util.Collection<List<Integer>> positions, List<R> into) {
        TreeSet<Integer> sorted = new TreeSet<>();
        positions.forEach(sorted::addAll);
        for (int i : sorted) {
            into.add(from.get(i));
        }
    }

    /**
     * The rows of one person out of the rows of several (their decisions and the decisions replacing those, those
     * decisions' amounts and terminations, their cases' residences, the person's own facts), in the same order as here.
     */
    FactRows of(UUID person) {
        Index ix = index();
        FactRows r = new FactRows();
        java.util.Set<UUID> ds = new java.util.HashSet<>();
        for (int i : ix.amountsOfPerson().getOrDefault(person, List.of())) {
            ds.add(amounts.get(i).decisionId());
        }
        List<List<Integer>> decisionRows = new ArrayList<>();
        for (UUID d : ds) {
            decisionRows.add(ix.decisionsById().getOrDefault(d, List.of()));
            decisionRows.add(ix.decisionsReplacing().getOrDefault(d, List.of()));
        }
        take(decisions, decisionRows, r.decisions);
        java.util.Set<UUID> all = new java.util.HashSet<>(ds);
        java.util.Set<String> cases = new java.util.HashSet<>();
        for (DecisionRow x : r.decisions) {
            all.add(x.decisionId());
            if (ds.contains(x.decisionId())) {
                cases.add(x.caseId());
            }
        }
        take(amounts, all.stream().map(d -> ix.amountsOfDecision().getOrDefault(d, List.of())).toList(), r.amounts);
        take(terminations, all.stream().map(d -> ix.terminationsOfDecision().getOrDefault(d, List.of())).toList(), r.terminations);
        take(residences, cases.stream().map(k -> ix.residencesOfCase().getOrDefault(k, List.of())).toList(), r.residences);
        take(persons, List.of(ix.persons().getOrDefault(person, List.of())), r.persons);
        take(abilities, List.of(ix.abilities().getOrDefault(person, List.of())), r.abilities);
        take(integrations, List.of(ix.integrations().getOrDefault(person, List.of())), r.integrations);
        take(ends, List.of(ix.ends().getOrDefault(person, List.of())), r.ends);
        take(measures, List.of(ix.measures().getOrDefault(person, List.of())), r.measures);
        return r;
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        return rs.getTimestamp(i).toInstant();
    }

    private static void query(Connection c, String sql, Object arg, int times, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= times; i++) {
                ps.setObject(i, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
