package de.auseinerhand.migration.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one household of the migration file: first its shape against {@code household.schema.json} (every field, length
 * and range), then what a schema cannot say: dates that exist and lie in order between 2005-01-01 (SGB II) and the
 * cut-over day, municipalities of the district, references to members that exist, amounts that add up (federal +
 * municipal = total, the members' shares = the household's), postings once per month, periods that do not overlap. Every
 * problem is reported with its field; a household with any problem is rejected as a whole.
 */
public final class HouseholdValidator {
    static final LocalDate SGB_II_START = LocalDate.of(2005, 1, 1);
    static final String SCHEMA = "household.schema.json";

    private final JsonSchema schema;
    private final Set<String> municipalities;
    private final LocalDate cutOver;

    /** @param municipalities the AGS of the district's municipalities; @param cutOver the last day the old system recorded */
    public HouseholdValidator(Set<String> municipalities, LocalDate cutOver) {
        this.municipalities = Set.copyOf(municipalities);
        this.cutOver = cutOver;
        try (InputStream in = HouseholdValidator.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last day the old system recorded: later business dates are refused. */
    public LocalDate cutOver() {
        return cutOver;
    }

    public List<Problem> validate(JsonNode household) {
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(household)) {
            problems.add(new Problem(field(m), reason(m)));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(Problem::field));
            return problems; // the rules below rely on the shape
        }
        new Rules(household, problems).check();
        return problems;
    }

    private static String field(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        at = at.isEmpty() || at.equals("$") ? "" : at.startsWith("$.") ? at.substring(2) : at.startsWith("$") ? at.substring(1) : at;
        String property = m.getProperty();
        if (property != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            return at.isEmpty() ? property : at + "." + property;
        }
        return at.isEmpty() ? "(line)" : at;
    }

    private static String reason(ValidationMessage m) {
        String type = m.getType();
        return switch (type == null ? "" : type) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a field of the format";
            default -> {
                String message = m.getMessage();
                int colon = message.indexOf(": ");
                yield colon >= 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
            }
        };
    }

    /** The rules beyond the schema, for a household whose shape is right. */
    private final class Rules {
        private final JsonNode h;
        private final List<Problem> problems;
        private final Map<String, JsonNode> members = new HashMap<>();

        Rules(JsonNode h, List<Problem> problems) {
            this.h = h;
            this.problems = problems;
        }

        void check() {
            LocalDate opened = date("openedOn", h.get("openedOn"));
            LocalDate closed = h.has("closedOn") ? date("closedOn", h.get("closedOn")) : null;
            if (opened == null || (h.has("closedOn") && closed == null)) {
                return;
            }
            if (closed != null && closed.isBefore(opened)) {
                fail("closedOn", "is before openedOn " + opened);
            }
            if (!h.has("closedOn") && h.has("closeReason")) {
                fail("closeReason", "is given for a case that is not closed");
            }
            LocalDate end = closed == null ? cutOver : closed;
            municipality("municipality", h.get("municipality").asText());
            moves(opened, end);
            membersOf(opened, end);
            caseworkers(opened, end);
            decisions(opened, end);
            postings(opened, end);
            measures();
            integrations();
            housing(opened, end);
        }

        /** § 22 SGB II: the dwelling's costs in order within the case's time, for at least everyone in the case that day. */
        private void housing(LocalDate opened, LocalDate end) {
            dated("housing", h.path("housing"), "from", opened, end);
            int i = 0;
            for (JsonNode x : h.path("housing")) {
                String f = "housing[" + i++ + "]";
                LocalDate from = parse(x.get("from"));
                if (from == null) {
                    continue;
                }
                int present = 0;
                for (JsonNode m : h.get("members")) {
                    LocalDate joined = parse(m.get("joinedOn"));
                    LocalDate left = m.has("leftOn") ? parse(m.get("leftOn")) : null;
                    if (joined != null && !joined.isAfter(from) && (left == null || left.isAfter(from))) {
                        present++;
                    }
                }
                if (x.get("householdSize").asInt() < present) {
                    fail(f + ".householdSize", "is less than the " + present + " members of the case on " + from);
                }
            }
        }

        /** §§ 11–11b SGB II: a member's incomes for months while a member, net and contributions within the gross. */
        private void incomes(String field, JsonNode m, LocalDate joined, LocalDate to) {
            int i = 0;
            for (JsonNode x : m.path("incomes")) {
                String f = field + "[" + i++ + "]";
                YearMonth from = month(f + ".fromMonth", x.get("fromMonth"));
                YearMonth until = x.has("toMonth") ? month(f + ".toMonth", x.get("toMonth")) : null;
                if (from != null && joined != null && to != null
                        && (from.isBefore(YearMonth.from(joined)) || from.isAfter(YearMonth.from(to)))) {
                    fail(f + ".fromMonth", "is outside the membership's months " + YearMonth.from(joined) + " to " + YearMonth.from(to));
                } else if (from != null && from.isAfter(YearMonth.from(cutOver))) {
                    fail(f + ".fromMonth", "is after the cut-over month " + YearMonth.from(cutOver));
                }
                if (from != null && until != null && until.isBefore(from)) {
                    fail(f + ".toMonth", "is before fromMonth " + from);
                }
                BigDecimal gross = x.get("gross").decimalValue();
                BigDecimal net = x.get("net").decimalValue();
                BigDecimal contributions = x.has("socialContributions") ? x.get("socialContributions").decimalValue() : BigDecimal.ZERO;
                if (net.compareTo(gross) > 0) {
                    fail(f + ".net", "is more than the gross " + euros(gross));
                } else if (net.add(contributions).compareTo(gross) > 0) {
                    fail(f + ".socialContributions", "and net are more than the gross " + euros(gross));
                }
                if (x.has("earnedBeforeBirth") && !"PARENTAL_ALLOWANCE".equals(x.get("kind").asText())) {
                    fail(f + ".earnedBeforeBirth", "is only for kind PARENTAL_ALLOWANCE");
                }
            }
        }

        private YearMonth month(String field, JsonNode value) {
            try {
                YearMonth m = YearMonth.parse(value.asText());
                if (m.isBefore(YearMonth.from(SGB_II_START))) {
                    fail(field, "is before 2005-01 (SGB II)");
                }
                return m;
            } catch (DateTimeParseException e) {
                fail(field, "is not a month");
                return null;
            }
        }

        private void moves(LocalDate opened, LocalDate end) {
            String at = h.get("municipality").asText();
            LocalDate previous = opened;
            int i = 0;
            for (JsonNode m : h.path("moves")) {
                String f = "moves[" + i++ + "]";
                LocalDate on = date(f + ".on", m.get("on"));
                String to = m.get("to").asText();
                municipality(f + ".to", to);
                if (to.equals(at)) {
                    fail(f + ".to", "is the municipality the case is in already");
                }
                if (on != null) {
                    if (!on.isAfter(previous)) {
                        fail(f + ".on", "is not after " + previous + " (moves in order, after the opening)");
                    } else if (on.isAfter(end)) {
                        fail(f + ".on", "is after " + end);
                    }
                    previous = on;
                }
                at = to;
            }
        }

        private void membersOf(LocalDate opened, LocalDate end) {
            int i = 0;
            int heads = 0;
            for (JsonNode m : h.get("members")) {
                String f = "members[" + i++ + "]";
                String id = m.get("personId").asText();
                if (members.put(id, m) != null) {
                    fail(f + ".personId", "appears twice in the household");
                }
                if ("HEAD".equals(m.get("role").asText())) {
                    heads++;
                }
                LocalDate birth = parse(m.get("birthDate"));
                if (birth == null) {
                    fail(f + ".birthDate", "is not a date of the calendar");
                }
                if (birth != null && (birth.isAfter(cutOver) || birth.isBefore(LocalDate.of(1900, 1, 1)))) {
                    fail(f + ".birthDate", "is not a plausible birth date (1900-01-01 to " + cutOver + ")");
                }
                LocalDate joined = date(f + ".joinedOn", m.get("joinedOn"));
                LocalDate left = m.has("leftOn") ? date(f + ".leftOn", m.get("leftOn")) : null;
                if (joined != null) {
                    if (joined.isBefore(opened)) {
                        fail(f + ".joinedOn", "is before the case was opened on " + opened);
                    } else if (joined.isAfter(end)) {
                        fail(f + ".joinedOn", "is after " + end);
                    }
                    if (birth != null && joined.isBefore(birth)) {
                        fail(f + ".joinedOn", "is before the birth date " + birth);
                    }
                    if (left != null && !left.isAfter(joined)) {
                        fail(f + ".leftOn", "is not after joinedOn " + joined);
                    }
                }
                if (left != null && left.isAfter(end)) {
                    fail(f + ".leftOn", "is after " + end);
                }
                LocalDate to = left == null ? end : left;
                dated(f + ".employability", m.path("employability"), "from", joined, to);
                periods(f + ".unemployment", m.path("unemployment"), joined, to);
                dated(f + ".circumstances", m.path("circumstances"), "from", joined, to);
                incomes(f + ".incomes", m, joined, to);
                int c = 0;
                for (JsonNode x : m.path("circumstances")) {
                    String cf = f + ".circumstances[" + c++ + "]";
                    LocalDate expected = x.has("expectedDelivery") ? date(cf + ".expectedDelivery", x.get("expectedDelivery")) : null;
                    LocalDate delivered = x.has("deliveredOn") ? date(cf + ".deliveredOn", x.get("deliveredOn")) : null;
                    if ((expected != null || delivered != null) && !"FEMALE".equals(m.get("sex").asText())
                            && !"DIVERSE".equals(m.get("sex").asText())) {
                        fail(cf, "a pregnancy is recorded for a person recorded as " + m.get("sex").asText());
                    }
                }
            }
            if (heads == 0) {
                fail("members", "has no HEAD (the person who applied)");
            }
        }

        /** Within the case's time; per function in order (different functions may start on the same day). */
        private void caseworkers(LocalDate opened, LocalDate end) {
            Map<String, LocalDate> last = new HashMap<>();
            int i = 0;
            for (JsonNode c : h.path("caseworkers")) {
                String f = "caseworkers[" + i++ + "].from";
                LocalDate d = date(f, c.get("from"));
                if (d == null) {
                    continue;
                }
                LocalDate previous = last.put(c.get("function").asText(), d);
                if (d.isBefore(opened) || d.isAfter(end)) {
                    fail(f, "is outside " + opened + " to " + end);
                } else if (previous != null && !d.isAfter(previous)) {
                    fail(f, "is not after the " + c.get("function").asText() + " case worker before (" + previous + ")");
                }
            }
        }

        private void decisions(LocalDate opened, LocalDate end) {
            Set<String> ids = new HashSet<>();
            List<LocalDate[]> periods = new ArrayList<>();
            int i = 0;
            for (JsonNode d : h.path("decisions")) {
                String f = "decisions[" + i++ + "]";
                if (!ids.add(d.get("decisionId").asText())) {
                    fail(f + ".decisionId", "appears twice in the household");
                }
                LocalDate from = date(f + ".from", d.get("from"));
                LocalDate to = date(f + ".to", d.get("to"));
                if (from == null || to == null) {
                    continue;
                }
                if (to.isBefore(from)) {
                    fail(f + ".to", "is before from " + from);
                    continue;
                }
                if (from.isBefore(opened)) {
                    fail(f + ".from", "is before the case was opened on " + opened);
                }
                if (from.getDayOfMonth() != 1) {
                    fail(f + ".from", "does not start a month (decisions grant whole months from their first day, § 41 SGB II)");
                }
                LocalDate until = d.has("terminatedFrom") ? date(f + ".terminatedFrom", d.get("terminatedFrom")) : null;
                if (until != null && (!until.isAfter(from) || until.isAfter(to))) {
                    fail(f + ".terminatedFrom", "is not within the decision's period " + from + " to " + to);
                }
                if (d.has("terminationReason") && !d.has("terminatedFrom")) {
                    fail(f + ".terminationReason", "is given for a decision that was not terminated");
                }
                LocalDate last = until == null ? to : until.minusDays(1);
                for (LocalDate[] p : periods) {
                    if (!from.isAfter(p[1]) && !last.isBefore(p[0])) {
                        fail(f + ".from", "overlaps the decision for " + p[0] + " to " + p[1]);
                        break;
                    }
                }
                periods.add(new LocalDate[] {from, last});
                BigDecimal total = d.get("total").decimalValue();
                BigDecimal federal = d.get("federalShare").decimalValue();
                BigDecimal municipal = d.get("municipalShare").decimalValue();
                if (federal.add(municipal).compareTo(total) != 0) {
                    fail(f + ".total", "is not federalShare + municipalShare (" + euros(federal.add(municipal)) + ")");
                }
                BigDecimal llu = BigDecimal.ZERO;
                BigDecimal kdu = BigDecimal.ZERO;
                int k = 0;
                Set<String> seen = new HashSet<>();
                for (JsonNode p : d.get("members")) {
                    String pf = f + ".members[" + k++ + "]";
                    member(pf + ".personId", p.get("personId").asText(), from);
                    if (!seen.add(p.get("personId").asText())) {
                        fail(pf + ".personId", "appears twice in the decision");
                    }
                    llu = llu.add(p.get("llu").decimalValue());
                    kdu = kdu.add(p.get("kdu").decimalValue());
                }
                if (llu.compareTo(federal) != 0) {
                    fail(f + ".federalShare", "is not the sum of the members' llu (" + euros(llu) + ")");
                }
                if (kdu.compareTo(municipal) != 0) {
                    fail(f + ".municipalShare", "is not the sum of the members' kdu (" + euros(kdu) + ")");
                }
            }
        }

        private void postings(LocalDate opened, LocalDate end) {
            Set<YearMonth> months = new HashSet<>();
            int i = 0;
            for (JsonNode p : h.path("postings")) {
                String f = "postings[" + i++ + "]";
                YearMonth month;
                try {
                    month = YearMonth.parse(p.get("month").asText());
                } catch (DateTimeParseException e) {
                    fail(f + ".month", "is not a month");
                    continue;
                }
                if (!months.add(month)) {
                    fail(f + ".month", "is posted twice");
                }
                if (month.isBefore(YearMonth.from(opened)) || month.isAfter(YearMonth.from(end))) {
                    fail(f + ".month", "is outside the case's time " + YearMonth.from(opened) + " to " + YearMonth.from(end));
                }
                BigDecimal llu = p.get("llu").decimalValue();
                BigDecimal kdu = p.get("kdu").decimalValue();
                BigDecimal reductions = p.get("reductions").decimalValue();
                BigDecimal payable = p.get("payable").decimalValue();
                if (llu.add(kdu).subtract(reductions).compareTo(payable) != 0) {
                    fail(f + ".payable", "is not llu + kdu - reductions (" + euros(llu.add(kdu).subtract(reductions)) + ")");
                }
                BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                int k = 0;
                for (JsonNode m : p.get("members")) {
                    String mf = f + ".members[" + k++ + "]";
                    member(mf + ".personId", m.get("personId").asText(), month.atDay(1));
                    BigDecimal ml = m.get("llu").decimalValue();
                    BigDecimal mk = m.get("kdu").decimalValue();
                    BigDecimal mr = m.get("reduction").decimalValue();
                    BigDecimal mp = m.get("payable").decimalValue();
                    if (ml.add(mk).subtract(mr).compareTo(mp) != 0) {
                        fail(mf + ".payable", "is not llu + kdu - reduction (" + euros(ml.add(mk).subtract(mr)) + ")");
                    }
                    sums[0] = sums[0].add(ml);
                    sums[1] = sums[1].add(mk);
                    sums[2] = sums[2].add(mr);
                    sums[3] = sums[3].add(mp);
                }
                String[] names = {"llu", "kdu", "reductions", "payable"};
                BigDecimal[] household = {llu, kdu, reductions, payable};
                for (int n = 0; n < 4; n++) {
                    if (sums[n].compareTo(household[n]) != 0) {
                        fail(f + "." + names[n], "is not the sum over the members (" + euros(sums[n]) + ")");
                    }
                }
            }
        }

        private void measures() {
            Set<String> ids = new HashSet<>();
            // per person and legal basis, the measures before: {start, end, planned end}
            Map<String, List<LocalDate[]>> before = new HashMap<>();
            int i = 0;
            for (JsonNode m : h.path("measures")) {
                String f = "measures[" + i++ + "]";
                LocalDate from = parse(m.get("start"));
                LocalDate at = parse(m.get("assignedOn"));
                LocalDate ended = m.has("end") ? parse(m.get("end")) : null;
                LocalDate planned = m.has("plannedEnd") ? parse(m.get("plannedEnd")) : null;
                if (from != null && at != null) {
                    // job-placement's rule: one measure of a legal basis at a time per person, judged when the new one is
                    // assigned: an earlier one that has not ended by then still holds its planned period
                    String key = m.get("personId").asText() + "|" + m.get("legalBasis").asText();
                    LocalDate until = planned != null ? planned : ended;
                    for (LocalDate[] other : before.computeIfAbsent(key, k -> new ArrayList<>())) {
                        LocalDate otherLast = other[1] != null && other[1].isBefore(at) ? other[1] : other[2] != null ? other[2] : other[1];
                        boolean earlier = otherLast != null && otherLast.isBefore(from);
                        boolean later = until != null && until.isBefore(other[0]);
                        if (!earlier && !later) {
                            fail(f + ".assignedOn", "the person's " + m.get("legalBasis").asText() + " measure from " + other[0]
                                    + (otherLast == null ? "" : " to " + otherLast) + " still holds this time on " + at
                                    + ": one measure of a legal basis at a time");
                            break;
                        }
                    }
                    before.get(key).add(new LocalDate[] {from, ended, planned});
                }
                LocalDate assigned = date(f + ".assignedOn", m.get("assignedOn"));
                LocalDate start = date(f + ".start", m.get("start"));
                member(f + ".personId", m.get("personId").asText(), start);
                if (employable(f + ".personId", m.get("personId").asText(), assigned)) {
                    employable(f + ".personId", m.get("personId").asText(), start);
                }
                if (assigned != null && start != null && start.isBefore(assigned)) {
                    fail(f + ".start", "is before assignedOn " + assigned);
                }
                LocalDate plannedEnd = m.has("plannedEnd") ? date(f + ".plannedEnd", m.get("plannedEnd")) : null;
                if (plannedEnd != null && start != null && plannedEnd.isBefore(start)) {
                    fail(f + ".plannedEnd", "is before start " + start);
                }
                LocalDate end = m.has("end") ? date(f + ".end", m.get("end")) : null;
                if (end != null && start != null && end.isBefore(start)) {
                    fail(f + ".end", "is before start " + start);
                }

                if (m.has("outcome") && !m.has("end")) {
                    fail(f + ".outcome", "is given for a measure that has not ended");
                }
            }
        }

        private void integrations() {
            int i = 0;
            Map<String, List<LocalDate[]>> employments = new HashMap<>();
            for (JsonNode n : h.path("integrations")) {
                String f = "integrations[" + i++ + "]";
                LocalDate start = date(f + ".startDate", n.get("startDate"));
                member(f + ".personId", n.get("personId").asText(), start);
                employable(f + ".personId", n.get("personId").asText(), start);
                if (start != null) {
                    // one employment at a time: a later one starts after the earlier one ended (job-placement's rule)
                    LocalDate stop = n.has("endDate") ? parse(n.get("endDate")) : null;
                    for (LocalDate[] other : employments.computeIfAbsent(n.get("personId").asText(), k -> new ArrayList<>())) {
                        boolean before = other[1] != null && other[1].isBefore(start);
                        boolean after = stop != null && stop.isBefore(other[0]);
                        if (!before && !after) {
                            fail(f + ".startDate", "overlaps the person's employment from " + other[0]
                                    + (other[1] == null ? " (not ended)" : " to " + other[1]) + ": one employment ends before the next starts");
                            break;
                        }
                    }
                    employments.get(n.get("personId").asText()).add(new LocalDate[] {start, stop});
                }
                LocalDate end = n.has("endDate") ? date(f + ".endDate", n.get("endDate")) : null;
                if (end != null && start != null && end.isBefore(start)) {
                    fail(f + ".endDate", "is before startDate " + start);
                }
                if (n.has("endReason") && !n.has("endDate")) {
                    fail(f + ".endReason", "is given for an employment that has not ended");
                }
                if ("MINIJOB".equals(n.get("kind").asText()) && !n.has("monthlyWage")) {
                    fail(f + ".monthlyWage", "is required for a minijob (§ 8(1a) SGB IV limit)");
                }
            }
        }

        /** Entries with a date field {@code key}, each within [from, to], in order. */
        private void dated(String field, JsonNode list, String key, LocalDate from, LocalDate to) {
            LocalDate previous = null;
            int i = 0;
            for (JsonNode x : list) {
                String f = field + "[" + i++ + "]." + key;
                LocalDate d = date(f, x.get(key));
                if (d == null) {
                    continue;
                }
                if (from != null && d.isBefore(from) || to != null && d.isAfter(to)) {
                    fail(f, "is outside " + from + " to " + to);
                } else if (previous != null && !d.isAfter(previous)) {
                    fail(f, "is not after the entry before (" + previous + ")");
                }
                previous = d;
            }
        }

        /** Periods (from, optional to) in order, not overlapping, within [from, to]; only the last may be open. */
        private void periods(String field, JsonNode list, LocalDate from, LocalDate to) {
            LocalDate previousEnd = null;
            int i = 0;
            int n = list.size();
            for (JsonNode x : list) {
                String f = field + "[" + i + "]";
                LocalDate start = date(f + ".from", x.get("from"));
                LocalDate stop = x.has("to") ? date(f + ".to", x.get("to")) : null;
                if (start == null) {
                    i++;
                    continue;
                }
                if (from != null && start.isBefore(from) || to != null && start.isAfter(to)) {
                    fail(f + ".from", "is outside " + from + " to " + to);
                }
                if (stop != null && to != null && stop.isAfter(to)) {
                    fail(f + ".to", "is after " + to + " (the membership or the case ended then)");
                }
                if (stop != null && stop.isBefore(start)) {
                    fail(f + ".to", "is before from " + start);
                }
                if (!x.has("to") && i < n - 1) {
                    fail(f + ".to", "is missing, but a later period follows");
                }
                if (previousEnd != null && !start.isAfter(previousEnd)) {
                    fail(f + ".from", "overlaps the period before (ending " + previousEnd + ")");
                }
                previousEnd = stop;
                i++;
            }
        }

        /** § 8 SGB II: measures and integrations are for members employable on that day ({@link MigrationIds#employableOn}). */
        private boolean employable(String field, String personId, LocalDate on) {
            JsonNode m = members.get(personId);
            if (m == null || on == null || parse(m.get("birthDate")) == null || parse(m.get("joinedOn")) == null) {
                return true;
            }
            if (!MigrationIds.employableOn(m, on)) {
                fail(field, "names " + personId + ", who was not employable on " + on + " (§ 8 SGB II)");
                return false;
            }
            return true;
        }

        private void member(String field, String personId, LocalDate on) {
            JsonNode m = members.get(personId);
            if (m == null) {
                fail(field, "names no member of the household");
                return;
            }
            if (on == null) {
                return;
            }
            LocalDate joined = parse(m.get("joinedOn"));
            LocalDate left = m.has("leftOn") ? parse(m.get("leftOn")) : null;
            if (joined != null && on.isBefore(joined.withDayOfMonth(1)) || left != null && !on.isBefore(left)) {
                fail(field, "names " + personId + ", who was not a member on " + on);
            }
        }

        private void municipality(String field, String ags) {
            if (!municipalities.contains(ags)) {
                fail(field, "is not a municipality of the district");
            }
        }

        private LocalDate date(String field, JsonNode value) {
            LocalDate d = parse(value);
            if (d == null) {
                fail(field, "is not a date of the calendar");
                return null;
            }
            if (d.isBefore(SGB_II_START)) {
                fail(field, "is before 2005-01-01 (SGB II)");
            }
            // what the old system recorded happened by the cut-over day; only plans and periods granted may lie ahead
            if (d.isAfter(cutOver) && !mayLieAhead(field)) {
                fail(field, "is after the cut-over day " + cutOver + " (the last day the old system recorded)");
            }
            return d;
        }

        /** A decision's end, a measure's planned end, an expected delivery: may lie after the cut-over day. */
        private static boolean mayLieAhead(String field) {
            return field.startsWith("decisions[") && field.endsWith("].to") || field.endsWith(".plannedEnd")
                    || field.endsWith(".expectedDelivery") || field.endsWith(".birthDate");
        }

        private void fail(String field, String reason) {
            problems.add(new Problem(field, reason));
        }
    }

    /** An amount in reasons: two decimals, as money is written. */
    private static String euros(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static LocalDate parse(JsonNode value) {
        try {
            return value == null ? null : LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
