package de.auseinerhand.reporting.indicators;

import de.auseinerhand.reporting.indicators.IndicatorEngine.Contribution;
import de.auseinerhand.reporting.indicators.IndicatorEngine.Figures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The figures behind the indicators, kept up to date beside the facts so that a query adds up some thousand rows
 * instead of folding every fact (docs/reporting.md, "Stored figures").
 *
 * <p>Every fact written marks what it touches ({@code rp_dirty}: a person, a case or a decision, with the day its
 * knowledge begins). {@link #derive} turns the marks into persons and recomputes each one's {@link Contribution} as
 * known at the end of each day concerned, with the same engine and the same reading of the rows as the full
 * computation ({@link FactRows}). {@code rp_contribution} keeps each person's contribution per day of knowledge;
 * {@code rp_figures} holds, per unit, sex, month and day of knowledge, how the figures changed that day. Figures as
 * known on a day are the sum of the changes up to it: the same as the full computation with the facts recorded by
 * then, whatever order the facts arrived in (a late fact of an earlier day re-steps the person's later days).
 */
public final class StoredFigures {
    /** Derivations of one version are serialised across transactions and replicas (base + version). */
    static final long LOCK_BASE = 7_304_100L;
    private static final int CHUNK = 500;

    private StoredFigures() {
    }

    /** The engine the stored figures are computed with: the mapping version in force in each month. */
    static IndicatorEngine engine() {
        return new IndicatorEngine(IndicatorService::activeLegalBases);
    }

    /**
     * The active version, locked against a switch until the caller's transaction ends (the live consumer: its facts and
     * its derivation go to that version's tables through the views).
     */
    public static int lockActiveVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select active from projection_version where projection = 'indicator-facts' for share");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Applies every mark to the stored figures in the caller's transaction (unqualified table names: the views in
     * public, or a rebuild's schema on its search path). Returns the number of persons recomputed.
     */
    public static int derive(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_BASE + version);
            ps.execute();
        }
        Map<UUID, TreeSet<LocalDate>> dirty = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("with m as (delete from rp_dirty returning kind, case_id, id, known_on)"
                + " select id, known_on from m where kind = 'P'"
                + " union select a.person_id, m.known_on from m join rp_amount a on a.case_id = m.case_id where m.kind = 'C'"
                + " union select a.person_id, m.known_on from m join rp_amount a on a.decision_id = m.id where m.kind = 'D'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                dirty.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeSet<>()).add(rs.getObject(2, LocalDate.class));
            }
        }
        if (dirty.isEmpty()) {
            return 0;
        }
        IndicatorEngine engine = engine();
        List<UUID> persons = new ArrayList<>(dirty.keySet());
        // the changes of all chunks are added up first and written once: one row version per unit, sex, month and day
        // (a rebuild's thousands of chunks would otherwise update the same rows thousands of times)
        Map<LocalDate, Map<String, Figures>> deltas = new TreeMap<>();
        for (int from = 0; from < persons.size(); from += CHUNK) {
            List<UUID> chunk = persons.subList(from, Math.min(persons.size(), from + CHUNK));
            recompute(c, engine, chunk, dirty, deltas);
        }
        writeDeltas(c, deltas);
        return persons.size();
    }

    private static void recompute(Connection c, IndicatorEngine engine, List<UUID> chunk, Map<UUID, TreeSet<LocalDate>> dirty,
            Map<LocalDate, Map<String, Figures>> deltas) throws SQLException {
        UUID[] ids = chunk.toArray(UUID[]::new);
        FactRows rows = FactRows.ofPersons(c, ids);
        Map<UUID, TreeMap<LocalDate, Contribution>> history = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select person_id, known_on, sex, data from rp_contribution where person_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), decode(rs.getString(3), rs.getBytes(4)));
                }
            }
        }
        // which days each person needs, then their contributions on those days: the persons are independent, so the
        // engine runs on every core (a rebuild's whole log; a live batch of one person stays on its thread)
        java.util.stream.Stream<UUID> persons = chunk.size() > 20 ? chunk.parallelStream() : chunk.stream();
        Map<UUID, TreeMap<LocalDate, Contribution>> computed = persons.collect(java.util.stream.Collectors.toConcurrentMap(p -> p, p -> {
            FactRows own = rows.of(p);
            LocalDate first = dirty.get(p).first();
            TreeSet<LocalDate> days = new TreeSet<>(dirty.get(p));
            days.addAll(own.knowledgeDays().tailSet(first, true));
            days.addAll(history.getOrDefault(p, new TreeMap<>()).tailMap(first, false).keySet());
            TreeMap<LocalDate, Contribution> out = new TreeMap<>();
            for (LocalDate day : days) {
                out.put(day, engine.contribution(own.at(FactRows.endOf(day)), p));
            }
            return out;
        }));
        try (PreparedStatement delete = c.prepareStatement("delete from rp_contribution where person_id = ? and known_on >= ?");
                PreparedStatement insert = c.prepareStatement("insert into rp_contribution (person_id, known_on, sex, data) values (?, ?, ?, ?)")) {
            for (UUID person : chunk) {
                TreeMap<LocalDate, Contribution> before = history.getOrDefault(person, new TreeMap<>());
                LocalDate first = dirty.get(person).first();
                Map.Entry<LocalDate, Contribution> baseEntry = before.lowerEntry(first);
                Contribution base = baseEntry == null ? Contribution.NONE : baseEntry.getValue();
                Contribution prevNew = base;
                Contribution prevOld = base;
                List<Map.Entry<LocalDate, Contribution>> rewritten = new ArrayList<>();
                boolean changed = false;
                for (Map.Entry<LocalDate, Contribution> computedDay : computed.get(person).entrySet()) {
                    LocalDate day = computedDay.getKey();
                    Contribution now = computedDay.getValue();
                    Map.Entry<LocalDate, Contribution> oldEntry = before.floorEntry(day);
                    Contribution old = oldEntry == null ? Contribution.NONE : oldEntry.getValue();
                    if (!now.equals(old) || !prevNew.equals(prevOld)) {
                        Map<String, Figures> d = deltas.computeIfAbsent(day, k -> new HashMap<>());
                        IndicatorEngine.addTo(d, now, 1);
                        IndicatorEngine.addTo(d, prevNew, -1);
                        IndicatorEngine.addTo(d, old, -1);
                        IndicatorEngine.addTo(d, prevOld, 1);
                        changed = true;
                    }
                    if (!now.equals(prevNew)) {
                        rewritten.add(Map.entry(day, now));
                    }
                    prevNew = now;
                    prevOld = old;
                }
                if (!changed) {
                    // the stored days already tell the same contributions
                    continue;
                }
                delete.setObject(1, person);
                delete.setObject(2, first);
                delete.addBatch();
                for (Map.Entry<LocalDate, Contribution> e : rewritten) {
                    insert.setObject(1, person);
                    insert.setObject(2, e.getKey());
                    insert.setString(3, e.getValue().sex());
                    insert.setBytes(4, encode(e.getValue()));
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    private static final String COLUMNS = String.join(", ", Figures.COUNTS) + ", llu, kdu";

    private static void writeDeltas(Connection c, Map<LocalDate, Map<String, Figures>> deltas) throws SQLException {
        StringBuilder set = new StringBuilder();
        for (String col : Figures.COUNTS) {
            set.append(set.length() == 0 ? "" : ", ").append(col).append(" = rp_figures.").append(col).append(" + excluded.").append(col);
        }
        set.append(", llu = rp_figures.llu + excluded.llu, kdu = rp_figures.kdu + excluded.kdu");
        String marks = "?,".repeat(Figures.COUNTS.size() + 6);
        try (PreparedStatement ps = c.prepareStatement("insert into rp_figures (month, unit, sex, known_on, " + COLUMNS + ") values ("
                + marks.substring(0, marks.length() - 1) + ") on conflict (month, unit, sex, known_on) do update set " + set)) {
            for (Map.Entry<LocalDate, Map<String, Figures>> day : deltas.entrySet()) {
                for (Map.Entry<String, Figures> e : new TreeMap<>(day.getValue()).entrySet()) {
                    if (e.getValue().isZero()) {
                        continue;
                    }
                    String[] k = e.getKey().split("\\|");
                    ps.setString(1, k[2]);
                    ps.setString(2, k[0]);
                    ps.setString(3, k[1]);
                    ps.setObject(4, day.getKey());
                    long[] counts = e.getValue().counts();
                    for (int i = 0; i < counts.length; i++) {
                        ps.setLong(5 + i, counts[i]);
                    }
                    ps.setBigDecimal(5 + counts.length, e.getValue().llu);
                    ps.setBigDecimal(6 + counts.length, e.getValue().kdu);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * The figures of every unit and sex for the months {@code from} to {@code to} as known on {@code knownOn} (the sum of
     * the day's and earlier days' changes), keyed by {@link IndicatorEngine#key}.
     */
    public static Map<String, Figures> figures(Connection c, LocalDate knownOn, YearMonth from, YearMonth to) throws SQLException {
        StringBuilder sums = new StringBuilder();
        for (String col : Figures.COUNTS) {
            sums.append(", sum(").append(col).append(")");
        }
        Map<String, Figures> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select month, unit, sex" + sums + ", sum(llu), sum(kdu) from rp_figures"
                + " where month between ? and ? and known_on <= ? group by month, unit, sex")) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            ps.setObject(3, knownOn);
            try (ResultSet rs = ps.executeQuery()) {
                int n = Figures.COUNTS.size();
                while (rs.next()) {
                    long[] counts = new long[n];
                    for (int i = 0; i < n; i++) {
                        counts[i] = rs.getLong(4 + i);
                    }
                    out.put(IndicatorEngine.key(rs.getString(2), rs.getString(3), YearMonth.parse(rs.getString(1))),
                            Figures.of(counts, rs.getBigDecimal(4 + n), rs.getBigDecimal(5 + n)));
                }
            }
        }
        return out;
    }

    /** A contribution as stored: per unit and month a mask of the non-zero figures, then those figures (money in cents). */
    static byte[] encode(Contribution c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            TreeMap<String, Figures> sorted = new TreeMap<>(c.byUnitMonth());
            writeVar(out, sorted.size());
            for (Map.Entry<String, Figures> e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                long[] counts = e.getValue().counts();
                int mask = 0;
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        mask |= 1 << i;
                    }
                }
                long llu = e.getValue().llu.movePointRight(2).longValueExact();
                long kdu = e.getValue().kdu.movePointRight(2).longValueExact();
                mask |= (llu != 0 ? 1 << counts.length : 0) | (kdu != 0 ? 1 << (counts.length + 1) : 0);
                writeVar(out, mask);
                for (long v : counts) {
                    if (v != 0) {
                        writeVar(out, v);
                    }
                }
                if (llu != 0) {
                    writeVar(out, llu);
                }
                if (kdu != 0) {
                    writeVar(out, kdu);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Contribution decode(String sex, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int n = (int) readVar(in);
            Map<String, Figures> out = new HashMap<>();
            int counts = Figures.COUNTS.size();
            for (int e = 0; e < n; e++) {
                String key = in.readUTF();
                int mask = (int) readVar(in);
                long[] c = new long[counts];
                for (int i = 0; i < counts; i++) {
                    if ((mask & (1 << i)) != 0) {
                        c[i] = readVar(in);
                    }
                }
                long llu = (mask & (1 << counts)) != 0 ? readVar(in) : 0;
                long kdu = (mask & (1 << (counts + 1))) != 0 ? readVar(in) : 0;
                out.put(key, Figures.of(c, BigDecimal.valueOf(llu, 2), BigDecimal.valueOf(kdu, 2)));
            }
            return new Contribution(sex, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Zig-zag variable-length long. */
    private static void writeVar(DataOutputStream out, long v) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.writeByte((int) z);
    }

    private static long readVar(DataInputStream in) throws IOException {
        long z = 0;
        int shift = 0;
        while (true) {
            int b = in.readUnsignedByte();
            z |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return (z >>> 1) ^ -(z & 1);
    }
}
