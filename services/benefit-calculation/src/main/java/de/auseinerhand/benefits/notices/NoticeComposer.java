package de.auseinerhand.benefits.notices;

import com.fasterxml.jackson.databind.JsonNode;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.benefits.NoticeKind;
import de.auseinerhand.eventstore.StoredEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the content of a written decision from what benefit-calculation stored when it decided: the event, the calculation
 * sheets stored with it (every amount with its paragraph, in the version of the law the sheet was computed with), the
 * months already posted for payment, and the persons' identifying data opened for this rendering only. No amount is
 * computed here except the difference between what was posted and what is granted now.
 */
public final class NoticeComposer {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private NoticeComposer() {
    }

    /** A member as the notice names them; {@code erased}: their key was destroyed, the notice says "gelöscht". */
    public record Person(UUID id, String role, String firstName, String lastName, LocalDate birthDate, String address, boolean erased) {
        String name() {
            return erased || lastName == null ? "gelöscht" : (firstName == null ? "" : firstName + " ") + lastName;
        }
    }

    /**
     * @param source     the event the notice is about, at its position in the case's benefit stream
     * @param earlier    the stream's events before it (decisions referred to, months posted)
     * @param sheets     the sheets stored with the event, by month (empty for terminations and reductions)
     * @param hearingOn  the hearing before a reduction (§ 24 SGB X), if known
     * @param reductionAmount the monthly reduction of the person concerned from the sheet of its first month, if known
     */
    public record Input(UUID noticeId, String caseId, LocalDate issuedOn, StoredEvent source, List<StoredEvent> earlier,
            List<JsonNode> sheets, Map<UUID, Person> persons, UUID addressee, LocalDate hearingOn, BigDecimal reductionAmount,
            NoticeModel.Office office, String benefitName) {
    }

    /** The kind of notice an event of the benefit stream needs, or null when it needs none. */
    public static NoticeKind kindOf(EventData data) {
        if (data instanceof EntitlementDecided d) {
            return d.replacesDecisionId() != null ? NoticeKind.FINAL_DECISION : d.provisional() ? NoticeKind.PROVISIONAL_DECISION : NoticeKind.DECISION;
        }
        if (data instanceof EntitlementAmended) {
            return NoticeKind.AMENDMENT;
        }
        if (data instanceof EntitlementTerminated) {
            return NoticeKind.TERMINATION;
        }
        if (data instanceof BenefitReductionImposed) {
            return NoticeKind.REDUCTION;
        }
        return null;
    }

    /** The decision a notice concerns (none for a reduction). */
    public static UUID decisionOf(EventData data) {
        if (data instanceof EntitlementDecided d) {
            return d.decisionId();
        }
        if (data instanceof EntitlementAmended a) {
            return a.decisionId();
        }
        if (data instanceof EntitlementTerminated t) {
            return t.decisionId();
        }
        return null;
    }

    /** The persons a notice names: those of its sheets, the person a reduction concerns, and the addressee. */
    public static Set<UUID> personsNamed(EventData data, List<JsonNode> sheets, UUID addressee, Set<UUID> currentMembers) {
        Set<UUID> out = new LinkedHashSet<>();
        out.add(addressee);
        for (JsonNode s : sheets) {
            for (JsonNode m : s.path("members")) {
                UUID id = uuid(m.path("memberId").asText());
                if (id != null) {
                    out.add(id);
                }
            }
        }
        if (data instanceof BenefitReductionImposed r) {
            out.add(r.personId());
        }
        if (sheets.isEmpty()) {
            out.addAll(currentMembers);
        }
        return out;
    }

    public static NoticeModel compose(Input in) {
        EventData data = in.source().data();
        NoticeKind kind = Objects.requireNonNull(kindOf(data), "no notice for " + data.getClass().getSimpleName());
        List<String> operative = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> settlement = new ArrayList<>();
        List<NoticeModel.PaidRow> paid = List.of();
        String title;
        Map<YearMonth, BigDecimal> posted = postedBefore(in.earlier());
        List<NoticeModel.Block> blocks = blocks(in.sheets(), in.persons());
        // the name of the benefit in force (Bürgergeld; Grundsicherungsgeld from 2026-07-01), as the sheets were computed
        String benefit = !in.sheets().isEmpty() ? in.sheets().get(0).path("benefit").asText(in.benefitName()) : in.benefitName();
        switch (kind) {
            case DECISION, PROVISIONAL_DECISION -> {
                EntitlementDecided d = (EntitlementDecided) data;
                boolean provisional = kind == NoticeKind.PROVISIONAL_DECISION;
                title = (provisional ? "Bescheid über die vorläufige Bewilligung von " : "Bescheid über die Bewilligung von ") + benefit;
                operative.add("Ihnen und den mit Ihnen in der Bedarfsgemeinschaft lebenden Personen werden für die Zeit vom "
                        + GermanFormat.date(d.period().from()) + " bis " + GermanFormat.date(d.period().to())
                        + " Leistungen zur Sicherung des Lebensunterhalts nach dem Zweiten Buch Sozialgesetzbuch (" + benefit + ") in der unten genannten Höhe "
                        + (provisional ? "vorläufig bewilligt (§ 41a Abs. 1 SGB II)." : "bewilligt (§§ 19 ff. SGB II)."));
                if (provisional) {
                    reasons.add("Die Entscheidung ergeht vorläufig, weil zur Feststellung der Voraussetzungen oder der Höhe des Anspruchs noch "
                            + "Zeit erforderlich ist (§ 41a Abs. 1 SGB II). Nach Ablauf des Bewilligungszeitraums wird abschließend entschieden "
                            + "(§ 41a Abs. 3 SGB II); Sie sind verpflichtet, die dafür erforderlichen Nachweise vorzulegen.");
                }
                approvalPeriod(d, in.sheets(), reasons);
            }
            case FINAL_DECISION -> {
                EntitlementDecided d = (EntitlementDecided) data;
                title = "Bescheid über die abschließende Festsetzung von " + benefit;
                operative.add("Die mit Bescheid vom " + decidedOn(in.earlier(), d.replacesDecisionId()) + " vorläufig bewilligten Leistungen für die Zeit vom "
                        + GermanFormat.date(d.period().from()) + " bis " + GermanFormat.date(d.period().to())
                        + " werden abschließend in der unten genannten Höhe festgesetzt (§ 41a Abs. 3 SGB II).");
                paid = paidRows(in.sheets(), posted, null);
                if (d.settlement() != null) {
                    BigDecimal s = d.settlement();
                    if (s.signum() > 0) {
                        settlement.add("Für den Bewilligungszeitraum ergibt sich eine Nachzahlung von " + GermanFormat.euro(s)
                                + "; sie wird auf Ihr Konto überwiesen (§ 41a Abs. 6 S. 1 SGB II).");
                    } else if (s.signum() < 0 && Boolean.TRUE.equals(d.reclaimWaived())) {
                        settlement.add("Für den Bewilligungszeitraum wurden " + GermanFormat.euro(s.negate())
                                + " zu viel gezahlt. Der Betrag wird wegen Geringfügigkeit nicht zurückgefordert (§ 41a Abs. 6 S. 3 SGB II).");
                    } else if (s.signum() < 0) {
                        settlement.add("Für den Bewilligungszeitraum wurden " + GermanFormat.euro(s.negate())
                                + " zu viel gezahlt. Dieser Betrag ist zu erstatten (§ 41a Abs. 6 S. 3 SGB II).");
                    } else {
                        settlement.add("Die vorläufig gezahlten Leistungen entsprechen den abschließend festgesetzten; es ergibt sich weder eine "
                                + "Nachzahlung noch eine Erstattung (§ 41a Abs. 6 SGB II).");
                    }
                }
            }
            case AMENDMENT -> {
                EntitlementAmended a = (EntitlementAmended) data;
                title = "Änderungsbescheid über " + benefit;
                operative.add("Die Entscheidung vom " + decidedOn(in.earlier(), a.decisionId()) + " über die Bewilligung von " + benefit + " wird mit Wirkung vom "
                        + GermanFormat.date(a.effectiveFrom()) + " an geändert; die Leistungen betragen ab diesem Tag die unten genannten Beträge "
                        + "(§ 48 Abs. 1 SGB X in Verbindung mit § 40 Abs. 1 SGB II).");
                reasons.add(reasonInGerman(a.reason()));
                paid = paidRows(in.sheets(), posted, YearMonth.from(a.effectiveFrom()));
                differenceText(paid, settlement);
            }
            case TERMINATION -> {
                EntitlementTerminated t = (EntitlementTerminated) data;
                title = "Aufhebungsbescheid über " + benefit;
                operative.add("Die Entscheidung vom " + decidedOn(in.earlier(), t.decisionId()) + " über die Bewilligung von " + benefit + " wird mit Wirkung vom "
                        + GermanFormat.date(t.effectiveFrom()) + " an ganz aufgehoben (§ 48 Abs. 1 SGB X in Verbindung mit § 40 Abs. 1 SGB II, "
                        + "§ 330 Abs. 3 SGB III).");
                reasons.add("Grund: " + reasonInGerman(t.reason()));
                List<NoticeModel.PaidRow> rows = new ArrayList<>();
                posted.forEach((m, amount) -> {
                    if (!m.atDay(1).isBefore(t.effectiveFrom()) && amount.signum() != 0) {
                        rows.add(new NoticeModel.PaidRow(GermanFormat.month(m), GermanFormat.euro(amount), GermanFormat.euro(BigDecimal.ZERO),
                                GermanFormat.euro(amount.negate())));
                    }
                });
                paid = rows;
                differenceText(paid, settlement);
            }
            case REDUCTION -> {
                BenefitReductionImposed r = (BenefitReductionImposed) data;
                Person p = in.persons().get(r.personId());
                title = "Bescheid über die Minderung des " + benefit + "es";
                operative.add("Das " + benefit + " von " + (p == null ? "gelöscht" : p.name()) + " wird für die Zeit vom " + GermanFormat.date(r.from())
                        + " bis " + GermanFormat.date(r.to()) + " um " + r.percent() + " Prozent des maßgebenden Regelbedarfs gemindert ("
                        + reductionParagraph(r.ground()) + ")."
                        + (in.reductionAmount() == null ? "" : " Das sind monatlich " + GermanFormat.euro(in.reductionAmount()) + "."));
                reasons.add(groundInGerman(r.ground()));
                reasons.add(in.hearingOn() == null ? "Vor dieser Entscheidung wurden Sie angehört (§ 24 Abs. 1 SGB X)."
                        : "Vor dieser Entscheidung hatten Sie am " + GermanFormat.date(in.hearingOn())
                                + " Gelegenheit, sich zu den Tatsachen zu äußern (§ 24 Abs. 1 SGB X).");
                reasons.add("Die Bedarfe für Unterkunft und Heizung werden nicht gemindert (§ 31a Abs. 3 SGB II). Erfüllen Sie die Pflicht "
                        + "nachträglich oder erklären Sie sich ernsthaft und nachhaltig dazu bereit, endet die Minderung ab diesem Zeitpunkt "
                        + "(§ 31a Abs. 1 S. 6 SGB II).");
            }
            default -> throw new IllegalStateException(kind.name());
        }
        Person addressee = in.persons().get(in.addressee());
        List<NoticeModel.Party> members = new ArrayList<>();
        for (Person p : in.persons().values()) {
            members.add(party(p));
        }
        Set<String> laws = new LinkedHashSet<>();
        for (JsonNode s : in.sheets()) {
            laws.add(GermanFormat.date(LocalDate.parse(s.path("ruleSetValidFrom").asText())) + " (Regelwerk " + s.path("ruleSet").asText() + ")");
        }
        String lawInForce = laws.isEmpty() ? null
                : "Berechnet nach dem Zweiten Buch Sozialgesetzbuch und den Regelbedarfen in der Fassung vom " + String.join(", ", laws) + ".";
        return new NoticeModel(title, in.noticeId().toString(), in.caseId(), GermanFormat.date(in.issuedOn()), in.office(),
                addressee == null ? new NoticeModel.Party("gelöscht", "", "", "") : party(addressee), members, operative, blocks, paid,
                settlement, reasons, lawInForce, kind == NoticeKind.AMENDMENT || kind == NoticeKind.TERMINATION || kind == NoticeKind.REDUCTION);
    }

    private static NoticeModel.Party party(Person p) {
        return new NoticeModel.Party(p.name(), p.erased() || p.address() == null ? "" : p.address(), roleInGerman(p.role()),
                p.erased() ? "" : GermanFormat.date(p.birthDate()));
    }

    /** Consecutive months with the same amounts form one block. */
    static List<NoticeModel.Block> blocks(List<JsonNode> sheets, Map<UUID, Person> persons) {
        List<NoticeModel.Block> out = new ArrayList<>();
        String previousKey = null;
        LocalDate from = null;
        LocalDate to = null;
        NoticeModel.Block current = null;
        for (JsonNode s : sheets) {
            NoticeModel.Block b = block(s, persons);
            String key = b.persons() + "|" + b.total() + "|" + b.payable() + "|" + b.reductions();
            LocalDate sFrom = LocalDate.parse(s.path("from").asText());
            LocalDate sTo = LocalDate.parse(s.path("to").asText());
            if (key.equals(previousKey) && to != null && to.plusDays(1).equals(sFrom)) {
                to = sTo;
                current = new NoticeModel.Block(current.from(), GermanFormat.date(to), current.persons(), current.total(), current.federal(),
                        current.municipal(), current.reductions(), current.payable());
                out.set(out.size() - 1, current);
            } else {
                from = sFrom;
                to = sTo;
                current = new NoticeModel.Block(GermanFormat.date(from), GermanFormat.date(to), b.persons(), b.total(), b.federal(), b.municipal(),
                        b.reductions(), b.payable());
                out.add(current);
            }
            previousKey = key;
        }
        return out;
    }

    private static NoticeModel.Block block(JsonNode s, Map<UUID, Person> persons) {
        List<NoticeModel.PersonBlock> people = new ArrayList<>();
        int unnamed = 0;
        for (JsonNode m : s.path("members")) {
            if (!m.path("inCase").asBoolean(true)) {
                continue;
            }
            UUID id = uuid(m.path("memberId").asText());
            Person p = id == null ? null : persons.get(id);
            String name = p != null ? p.name() : "Person " + (++unnamed);
            List<NoticeModel.Row> rows = new ArrayList<>();
            for (JsonNode line : m.path("needs")) {
                rows.add(new NoticeModel.Row(itemInGerman(line.path("item").asText()), line.path("paragraph").asText(),
                        GermanFormat.euro(line.path("amount").decimalValue())));
            }
            BigDecimal income = m.path("incomeApplied").decimalValue();
            if (income.signum() != 0) {
                rows.add(new NoticeModel.Row("abzüglich anzurechnendes Einkommen", "§§ 9, 11 bis 11b, 19 Abs. 3 SGB II",
                        GermanFormat.euro(income.negate())));
            }
            rows.add(new NoticeModel.Row("Leistungsanspruch", "§ 19 SGB II", GermanFormat.euro(m.path("entitlement").decimalValue())));
            BigDecimal reduction = m.path("reduction").decimalValue();
            if (reduction.signum() != 0) {
                String paragraph = "§§ 31a, 32 SGB II";
                for (JsonNode line : m.path("incomeAllocation")) {
                    if ("REDUCTION".equals(line.path("item").asText())) {
                        paragraph = line.path("paragraph").asText();
                    }
                }
                rows.add(new NoticeModel.Row("abzüglich Minderung", paragraph, GermanFormat.euro(reduction.negate())));
            }
            people.add(new NoticeModel.PersonBlock(name, roleInGerman(m.path("role").asText()), rows,
                    GermanFormat.euro(m.path("payable").decimalValue())));
        }
        JsonNode t = s.path("totals");
        return new NoticeModel.Block(null, null, people, GermanFormat.euro(t.path("entitlement").decimalValue()),
                GermanFormat.euro(t.path("llu").decimalValue()), GermanFormat.euro(t.path("kdu").decimalValue()),
                GermanFormat.euro(t.path("reductions").decimalValue()), GermanFormat.euro(t.path("payable").decimalValue()));
    }

    /** The months posted before, each with its latest posting. */
    static Map<YearMonth, BigDecimal> postedBefore(List<StoredEvent> earlier) {
        Map<YearMonth, BigDecimal> out = new java.util.TreeMap<>();
        for (StoredEvent e : earlier) {
            if (e.data() instanceof MonthlyEntitlementPosted p) {
                out.put(p.month(), p.payable());
            }
        }
        return out;
    }

    private static List<NoticeModel.PaidRow> paidRows(List<JsonNode> sheets, Map<YearMonth, BigDecimal> posted, YearMonth from) {
        List<NoticeModel.PaidRow> rows = new ArrayList<>();
        for (JsonNode s : sheets) {
            YearMonth m = YearMonth.parse(s.path("month").asText());
            BigDecimal before = posted.get(m);
            if (before == null || (from != null && m.isBefore(from))) {
                continue;
            }
            BigDecimal now = s.path("totals").path("payable").decimalValue();
            rows.add(new NoticeModel.PaidRow(GermanFormat.month(m), GermanFormat.euro(before), GermanFormat.euro(now),
                    GermanFormat.euro(now.subtract(before))));
        }
        return rows;
    }

    private static void differenceText(List<NoticeModel.PaidRow> rows, List<String> settlement) {
        if (rows.isEmpty()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (NoticeModel.PaidRow r : rows) {
            sum = sum.add(parseEuro(r.difference()));
        }
        if (sum.signum() > 0) {
            settlement.add("Für die bereits ausgezahlten Monate ergibt sich eine Nachzahlung von " + GermanFormat.euro(sum) + "; sie wird auf Ihr Konto überwiesen.");
        } else if (sum.signum() < 0) {
            settlement.add("Für die bereits ausgezahlten Monate wurden " + GermanFormat.euro(sum.negate()) + " zu viel gezahlt. Über die Erstattung "
                    + "(§ 50 SGB X in Verbindung mit § 40 SGB II) ergeht nach Ihrer Anhörung (§ 24 SGB X) ein gesonderter Bescheid.");
        }
    }

    private static BigDecimal parseEuro(String formatted) {
        return new BigDecimal(formatted.replace(" €", "").replace(".", "").replace(',', '.'));
    }

    /**
     * The length of the approval period as decided (the event's period, not the sheet's default: a provisional decision is
     * for 6 months, § 41(3) S. 2 Nr. 1) and why.
     */
    private static void approvalPeriod(EntitlementDecided d, List<JsonNode> sheets, List<String> reasons) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(d.period().from()), YearMonth.from(d.period().to())) + 1;
        String why;
        if (d.provisional()) {
            why = " (§ 41 Abs. 3 S. 2 Nr. 1 SGB II), weil vorläufig entschieden wird.";
        } else if (months < 12 && !sheets.isEmpty() && sheets.get(0).path("approvalPeriod").path("reason").asText().contains("housing")) {
            why = " (" + sheets.get(0).path("approvalPeriod").path("paragraph").asText() + "), weil die Kosten der Unterkunft die angemessene "
                    + "Höhe übersteigen.";
        } else {
            why = months == 12 ? " (§ 41 Abs. 3 S. 1 SGB II)." : ".";
        }
        reasons.add("Der Bewilligungszeitraum beträgt " + months + " Monate" + why);
    }

    /** The date the decision was made (the day its event was recorded, in German time). */
    private static String decidedOn(List<StoredEvent> earlier, UUID decisionId) {
        for (StoredEvent e : earlier) {
            if (e.data() instanceof EntitlementDecided d && d.decisionId().equals(decisionId)) {
                return GermanFormat.date(e.envelope().time().atZone(BERLIN).toLocalDate());
            }
        }
        return "(unbekannt)";
    }

    static String reasonInGerman(String reason) {
        if (reason == null || reason.isBlank()) {
            return "keine Angabe";
        }
        if (reason.startsWith("facts changed from ")) {
            String rest = reason.substring("facts changed from ".length());
            String month = rest.split(" ")[0];
            String what = rest.contains("income") ? "Einkommen" : rest.contains("housing") ? "Kosten der Unterkunft und Heizung"
                    : rest.contains("asset") ? "Vermögen" : rest.contains("person") || rest.contains("member") ? "Zusammensetzung der Bedarfsgemeinschaft"
                    : rest.contains("circumstances") ? "persönliche Verhältnisse" : rest.contains("employab") ? "Erwerbsfähigkeit" : "Verhältnisse";
            return "Ihre Verhältnisse haben sich geändert (" + what + ", ab " + month + "); die Leistungen wurden neu berechnet "
                    + "(wesentliche Änderung, § 48 Abs. 1 SGB X).";
        }
        if (reason.startsWith("law in force from ")) {
            return "Die Rechtslage hat sich geändert (" + reason.substring("law in force from ".length()) + "); die Leistungen wurden nach dem "
                    + "neuen Recht berechnet (§ 48 Abs. 1 SGB X).";
        }
        return reason;
    }

    /** The paragraph a reduction rests on, from its recorded ground. */
    static String reductionParagraph(String ground) {
        if (ground == null) {
            return "§ 31a SGB II";
        }
        if (ground.startsWith("§ 32")) {
            return "§ 32 SGB II";
        }
        if (ground.startsWith("withdrawal of the standard need")) {
            return "§ 31a Abs. 7 SGB II";
        }
        return "§ 31a Abs. 1 SGB II";
    }

    private static final java.util.regex.Pattern MISSED = java.util.regex.Pattern.compile(
            "missed appointment (\\d+) within (\\d+) months, on (\\d{4}-\\d{2}-\\d{2})");
    private static final java.util.regex.Pattern REFUSED = java.util.regex.Pattern.compile("job offer on (\\d{4}-\\d{2}-\\d{2})");
    private static final java.util.regex.Pattern BREACH = java.util.regex.Pattern.compile(
            "breach (\\d+) within (\\d+) months \\((\\w+) on (\\d{4}-\\d{2}-\\d{2})\\)");

    /** The recorded ground of a reduction, as the notice explains it. */
    static String groundInGerman(String ground) {
        if (ground == null) {
            return "Grund: keine Angabe";
        }
        java.util.regex.Matcher m = MISSED.matcher(ground);
        if (m.find()) {
            return "Sie haben den Meldetermin am " + GermanFormat.date(LocalDate.parse(m.group(3))) + " ohne wichtigen Grund nicht wahrgenommen ("
                    + m.group(1) + ". Meldeversäumnis innerhalb von " + m.group(2) + " Monaten, § 32 SGB II).";
        }
        m = REFUSED.matcher(ground);
        if (m.find()) {
            return "Sie haben am " + GermanFormat.date(LocalDate.parse(m.group(1))) + " die Aufnahme einer zumutbaren Arbeit abgelehnt; "
                    + "der Regelbedarf entfällt für die Dauer der Minderung (§ 31a Abs. 7 SGB II).";
        }
        m = BREACH.matcher(ground);
        if (m.find()) {
            String what = switch (m.group(3)) {
                case "REFUSED_REASONABLE_OFFER" -> "Sie haben eine zumutbare Arbeit, Ausbildung oder Maßnahme abgelehnt";
                case "BROKE_OFF_MEASURE" -> "Sie haben eine Maßnahme zur Eingliederung in Arbeit abgebrochen";
                case "INSUFFICIENT_OWN_EFFORTS" -> "Sie haben die vereinbarten Eigenbemühungen nicht nachgewiesen";
                default -> "Sie haben eine Pflicht verletzt (" + m.group(3) + ")";
            };
            return what + " (am " + GermanFormat.date(LocalDate.parse(m.group(4))) + "; " + m.group(1) + ". Pflichtverletzung innerhalb von "
                    + m.group(2) + " Monaten, §§ 31, 31a Abs. 1 SGB II).";
        }
        return "Grund: " + ground;
    }

    static String roleInGerman(String role) {
        return switch (role == null ? "" : role) {
            case "HEAD" -> "antragstellende Person";
            case "PARTNER" -> "Partnerin/Partner";
            case "CHILD" -> "Kind";
            case "OTHER" -> "weitere Person";
            default -> role == null ? "" : role;
        };
    }

    private static final Map<String, String> ITEMS = new LinkedHashMap<>();

    static {
        ITEMS.put("STANDARD_NEED", "Regelbedarf");
        ITEMS.put("ADDITIONAL_NEED_PREGNANCY", "Mehrbedarf bei Schwangerschaft");
        ITEMS.put("ADDITIONAL_NEED_SINGLE_PARENT", "Mehrbedarf für Alleinerziehende");
        ITEMS.put("ADDITIONAL_NEED_DISABILITY", "Mehrbedarf bei Behinderung");
        ITEMS.put("ADDITIONAL_NEED_DIET", "Mehrbedarf für kostenaufwändige Ernährung");
        ITEMS.put("ADDITIONAL_NEED_HOT_WATER", "Mehrbedarf für dezentrale Warmwassererzeugung");
        ITEMS.put("ADDITIONAL_NEED_MARK_G", "Mehrbedarf (Merkzeichen G)");
        ITEMS.put("ADDITIONAL_NEED_CAP", "Begrenzung der Mehrbedarfe");
        ITEMS.put("HOUSING_SHARE", "Anteil an den Bedarfen für Unterkunft und Heizung");
        ITEMS.put("PARTIAL_MONTH", "Teilmonat");
    }

    static String itemInGerman(String item) {
        String german = ITEMS.get(item);
        return german != null ? german : item.charAt(0) + item.substring(1).toLowerCase().replace('_', ' ');
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
