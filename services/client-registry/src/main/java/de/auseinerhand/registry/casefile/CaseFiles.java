package de.auseinerhand.registry.casefile;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.BenefitReductionLifted;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.benefits.NoticeIssued;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.CooperationPlanDisputeEnded;
import de.auseinerhand.events.placement.CooperationPlanDisputeStarted;
import de.auseinerhand.events.placement.CooperationPlanUpdated;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.MeasureAssigned;
import de.auseinerhand.events.placement.MeasureAssignmentWithdrawn;
import de.auseinerhand.events.placement.MeasureEnded;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.placement.PlacementOutcomeRecorded;
import de.auseinerhand.events.placement.PlacementProposed;
import de.auseinerhand.events.registry.CircumstancesRecorded;
import de.auseinerhand.events.registry.HealthFacts;
import de.auseinerhand.events.registry.WorkingAge;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.domain.CaseState;
import de.auseinerhand.registry.infrastructure.PersonalData;
import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.reference.Municipality;
import de.auseinerhand.servicekit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Assembles the case file (issue 16 §2): the registry's own state and events, the other services' events of the case as
 * they were published (case_file_event), the members' data decrypted for staff of the case's municipality (404 for
 * everyone else, like the case itself), and actors resolved to display names. One read, audited as {@code read-case-file}.
 */
@ApplicationScoped
public class CaseFiles {
    /** Paths at benefit-calculation (same API root behind the district's gateway; locally port 8082). */
    static final String BENEFITS = "";

    @Inject
    CaseService cases;

    @Inject
    DataSource dataSource;

    @Inject
    StaffDirectory staff;

    @Inject
    District district;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    PlacementAssistance assistance;

    /** One event of the file, from whichever service: its type, when and by whom it was recorded, its data. */
    record Entry(String type, Instant time, String actor, EventData data) {
    }

    public CaseFileView file(String caseId) {
        CaseService.CaseFileSource source = cases.caseFileSource(caseId);
        CaseState s = source.loaded().state();
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), Timeline.BERLIN);
        YearMonth thisMonth = YearMonth.from(today);

        List<Entry> entries = entries(caseId, source.events());

        Map<UUID, PersonalData> personal = cases.personalData(s);
        Map<UUID, String> names = new HashMap<>();
        for (CaseState.Member m : s.members().values()) {
            PersonalData p = personal.get(m.personId());
            names.put(m.personId(), p == null ? "gelöscht" : p.firstName() + " " + p.lastName());
        }
        java.util.function.Function<UUID, String> name = id -> names.getOrDefault(id, "unbekannte Person");

        // latest health facts per current member
        Map<UUID, CircumstancesRecorded> latestCircumstances = new HashMap<>();
        for (Entry e : entries) {
            if (e.data() instanceof CircumstancesRecorded c) {
                latestCircumstances.put(c.personId(), c);
            }
        }
        Map<UUID, EncryptedPii> sealed = new HashMap<>();
        latestCircumstances.forEach((id, c) -> {
            CaseState.Member m = s.members().get(id);
            if (c.pii() != null && m != null && !m.erased()) {
                sealed.put(id, c.pii());
            }
        });
        Map<UUID, HealthFacts> health = sealed.isEmpty() ? Map.of() : cases.healthFacts(sealed);

        List<CaseFileView.Member> members = new ArrayList<>();
        for (CaseState.Member m : s.members().values()) {
            PersonalData p = personal.get(m.personId());
            LocalDate birth = p == null ? null : p.birthDate();
            int age = birth != null ? Period.between(birth, today).getYears()
                    : (int) java.time.temporal.ChronoUnit.YEARS.between(m.birthYearMonth(), thisMonth);
            HealthFacts h = health.get(m.personId());
            CircumstancesRecorded c = latestCircumstances.get(m.personId());
            members.add(new CaseFileView.Member(m.personId(), m.role().name(), name.apply(m.personId()), birth, age, m.sex().name(),
                    m.employable(), m.isCurrent() && m.employable() && WorkingAge.in(m.birthYearMonth(), thisMonth), m.singleParent(),
                    m.joinedOn(), m.leftOn(), m.unemployedSince(), m.erased(),
                    h == null ? null : new CaseFileView.Health(c.effectiveFrom(), h.expectedDelivery(), h.deliveredOn(),
                            h.disabledWithIntegrationHelp(), h.disabilityMarkG(), h.costlyDiet())));
        }

        List<CaseFileView.Caseworker> caseworkers = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        s.caseworkers().forEach((f, id) -> actors.add("user:" + id));
        entries.forEach(e -> actors.add(e.actor()));
        Map<String, String> displayNames = staff.names(actors);
        s.caseworkers().forEach((f, id) -> caseworkers.add(new CaseFileView.Caseworker(f.name(), id, displayNames.get("user:" + id))));

        java.util.function.Function<String, String> towns = ags -> district.find(ags).map(Municipality::name).orElse(ags);
        List<CaseFileView.TimelineEntry> timeline = new ArrayList<>();
        for (Entry e : entries) {
            Timeline.Line line = Timeline.describe(e.data(), e.time(), name, towns);
            timeline.add(new CaseFileView.TimelineEntry(line.businessDate(), e.time(), line.service(),
                    e.type().replace("de.auseinerhand.", ""), line.description(), e.actor(), actorName(e.actor(), displayNames)));
        }
        timeline.sort(Comparator.comparing(CaseFileView.TimelineEntry::businessDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CaseFileView.TimelineEntry::recordedAt));

        return new CaseFileView(s.caseId(), s.municipality(), towns.apply(s.municipality()), s.isOpen() ? "OPEN" : "CLOSED", s.openedOn(),
                s.closedOn(), caseworkers, members, benefits(caseId, entries, name, today),
                placement(entries, name, assistance.of(s, entries, name)), timeline,
                source.loaded().version());
    }

    private static String actorName(String actor, Map<String, String> displayNames) {
        if (actor == null) {
            return null;
        }
        if (displayNames.containsKey(actor)) {
            return displayNames.get(actor);
        }
        if (actor.startsWith("client:")) {
            return "System (" + actor.substring("client:".length()) + ")";
        }
        if (actor.startsWith("citizen:")) {
            int at = actor.indexOf("@portal:");
            return "Leistungsberechtigte Person" + (at < 0 ? "" : " über Portal " + actor.substring(at + "@portal:".length()));
        }
        return null;
    }

    /** Every event of the case: the registry's own (in order) and then the other services' (by recording time). */
    List<Entry> entries(String caseId, List<StoredEvent> own) {
        List<Entry> entries = new ArrayList<>();
        for (StoredEvent e : own) {
            entries.add(new Entry(e.envelope().type(), e.envelope().time(), e.envelope().actor(), e.data()));
        }
        entries.addAll(foreign(caseId));
        return entries;
    }

    /**
     * The other services' events of the case, oldest first. Only the data is parsed (the envelope's attributes come as
     * columns): the file of a household with hundreds of events is read on every open.
     */
    private List<Entry> foreign(String caseId) {
        List<Entry> out = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper mapper = EventCodec.instance().mapper();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select type, recorded_at, envelope->>'actor', (envelope->'data')::text, event_id from case_file_event where case_id = ? "
                        + "order by recorded_at, event_id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    var info = de.auseinerhand.events.EventTypes.byType(type);
                    EventData data = info.isPresent() ? mapper.readValue(rs.getString(4), info.get().javaType())
                            : upcast(c, rs.getObject(5, java.util.UUID.class));
                    out.add(new Entry(type, rs.getTimestamp(2).toInstant(), rs.getString(3), data));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("reading the case file of " + caseId + " failed", e);
        }
        return out;
    }

    /** An event of an older version: the whole envelope through the codec, which upcasts it to the current type. */
    private static EventData upcast(Connection c, java.util.UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select envelope::text from case_file_event where event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                EventCodec codec = EventCodec.instance();
                return codec.decode(codec.parse(rs.getString(1)));
            }
        }
    }

    /** Decisions with the amounts in force today, reductions, notices and posted months, from benefit-calculation's events. */
    private static CaseFileView.Benefits benefits(String caseId, List<Entry> entries, java.util.function.Function<UUID, String> name,
            LocalDate today) {
        record Amounts(LocalDate from, java.math.BigDecimal total, java.math.BigDecimal federal, java.math.BigDecimal municipal) {
        }
        Map<UUID, EntitlementDecided> decided = new LinkedHashMap<>();
        Map<UUID, List<Amounts>> amounts = new HashMap<>();
        Map<UUID, LocalDate> terminated = new HashMap<>();
        List<CaseFileView.Reduction> reductions = new ArrayList<>();
        List<CaseFileView.Notice> notices = new ArrayList<>();
        List<String> posted = new ArrayList<>();
        for (Entry e : entries) {
            EventData d = e.data();
            if (d instanceof EntitlementDecided x) {
                decided.put(x.decisionId(), x);
                amounts.computeIfAbsent(x.decisionId(), k -> new ArrayList<>())
                        .add(new Amounts(x.period().from(), x.total(), x.federalShare(), x.municipalShare()));
            } else if (d instanceof EntitlementAmended x) {
                amounts.computeIfAbsent(x.decisionId(), k -> new ArrayList<>())
                        .add(new Amounts(x.effectiveFrom(), x.total(), x.federalShare(), x.municipalShare()));
            } else if (d instanceof EntitlementTerminated x) {
                terminated.put(x.decisionId(), x.effectiveFrom());
            } else if (d instanceof BenefitReductionImposed x && x.percent() > 0) {
                reductions.add(new CaseFileView.Reduction(x.personId(), name.apply(x.personId()), x.percent(), x.from(), x.to()));
            } else if (d instanceof BenefitReductionLifted x) {
                reductions.replaceAll(r -> r.personId().equals(x.personId()) && r.from().equals(x.from())
                        ? new CaseFileView.Reduction(r.personId(), r.name(), r.percent(), r.from(), x.to()) : r);
            } else if (d instanceof NoticeIssued x) {
                notices.add(new CaseFileView.Notice(x.noticeId(), x.kind().name(), x.issuedOn(), x.sha256(),
                        BENEFITS + "/api/v1/cases/" + caseId + "/benefits/notices/" + x.noticeId()));
            } else if (d instanceof MonthlyEntitlementPosted x) {
                if (!posted.contains(x.month().toString())) {
                    posted.add(x.month().toString());
                }
            }
        }
        List<CaseFileView.Decision> decisions = new ArrayList<>();
        CaseFileView.Decision inForce = null;
        for (EntitlementDecided d : decided.values()) {
            LocalDate end = terminated.get(d.decisionId());
            // the amounts in force today, or at the decision's start when today lies outside it
            LocalDate at = today.isBefore(d.period().from()) || today.isAfter(d.period().to()) ? d.period().from() : today;
            Amounts current = null;
            for (Amounts a : amounts.getOrDefault(d.decisionId(), List.of())) {
                if (!a.from().isAfter(at) && (current == null || !a.from().isBefore(current.from()))) {
                    current = a;
                }
            }
            CaseFileView.Decision view = new CaseFileView.Decision(d.decisionId(), d.period().from(), d.period().to(), d.provisional(), end,
                    current == null ? null : current.total(), current == null ? null : current.federal(),
                    current == null ? null : current.municipal(), current == null ? null : current.from(),
                    BENEFITS + "/api/v1/cases/" + caseId + "/benefits/decisions/" + d.decisionId() + "/sheets/" + YearMonth.from(at));
            decisions.add(view);
            boolean replaced = decided.values().stream().anyMatch(o -> d.decisionId().equals(o.replacesDecisionId()));
            boolean covers = !today.isBefore(d.period().from()) && !today.isAfter(d.period().to()) && (end == null || today.isBefore(end));
            if (covers && !replaced) {
                inForce = view;
            }
        }
        return new CaseFileView.Benefits(inForce, decisions, reductions, notices, posted);
    }

    /** Profiles, plans with their next review, measures, the last proposals with outcomes, integrations, the assistance. */
    private static CaseFileView.Placement placement(List<Entry> entries, java.util.function.Function<UUID, String> name,
            List<CaseFileView.Assistance> assistance) {
        Map<UUID, CaseFileView.Profile> profiles = new LinkedHashMap<>();
        Map<UUID, CaseFileView.Plan> plans = new LinkedHashMap<>();
        Map<UUID, CaseFileView.Measure> measures = new LinkedHashMap<>();
        List<CaseFileView.Proposal> proposals = new ArrayList<>();
        List<CaseFileView.Integration> integrations = new ArrayList<>();
        for (Entry e : entries) {
            EventData d = e.data();
            if (d instanceof ClientProfileRecorded x) {
                profiles.put(x.personId(), new CaseFileView.Profile(x.personId(), name.apply(x.personId()), x.occupationsSought(), e.time()));
            } else if (d instanceof CooperationPlanAgreed x) {
                plans.put(x.planId(), new CaseFileView.Plan(x.planId(), x.personId(), name.apply(x.personId()), x.agreedOn(), x.reviewBy(), false));
            } else if (d instanceof CooperationPlanUpdated x) {
                CaseFileView.Plan p = plans.get(x.planId());
                plans.put(x.planId(), new CaseFileView.Plan(x.planId(), x.personId(), name.apply(x.personId()), p == null ? null : p.agreedOn(),
                        x.reviewBy(), p != null && p.disputeRunning()));
            } else if (d instanceof CooperationPlanDisputeStarted x) {
                plans.computeIfPresent(x.planId(), (k, p) -> new CaseFileView.Plan(p.planId(), p.personId(), p.name(), p.agreedOn(), p.reviewBy(), true));
            } else if (d instanceof CooperationPlanDisputeEnded x) {
                plans.computeIfPresent(x.planId(), (k, p) -> new CaseFileView.Plan(p.planId(), p.personId(), p.name(), p.agreedOn(), p.reviewBy(), false));
            } else if (d instanceof MeasureAssigned x) {
                measures.put(x.measureId(), new CaseFileView.Measure(x.measureId(), x.personId(), name.apply(x.personId()), x.legalBasis(),
                        x.category().name(), "ASSIGNED", x.plannedStart(), x.plannedEnd(), null));
            } else if (d instanceof MeasureStarted x) {
                measures.put(x.measureId(), new CaseFileView.Measure(x.measureId(), x.personId(), name.apply(x.personId()), x.legalBasis(),
                        x.category().name(), "RUNNING", x.start(), x.plannedEnd(), null));
            } else if (d instanceof MeasureEnded x) {
                CaseFileView.Measure m = measures.get(x.measureId());
                measures.put(x.measureId(), new CaseFileView.Measure(x.measureId(), x.personId(), name.apply(x.personId()), x.legalBasis(),
                        x.category().name(), "ENDED", m == null ? null : m.start(), m == null ? null : m.plannedEnd(), x.end()));
            } else if (d instanceof MeasureAssignmentWithdrawn x) {
                CaseFileView.Measure m = measures.get(x.measureId());
                measures.put(x.measureId(), new CaseFileView.Measure(x.measureId(), x.personId(), name.apply(x.personId()), x.legalBasis(),
                        x.category().name(), "WITHDRAWN", m == null ? null : m.start(), m == null ? null : m.plannedEnd(), x.withdrawnOn()));
            } else if (d instanceof PlacementProposed x) {
                proposals.add(new CaseFileView.Proposal(x.personId(), name.apply(x.personId()), x.offerId(), x.score(), e.time(), null, null));
            } else if (d instanceof PlacementOutcomeRecorded x) {
                for (int i = proposals.size() - 1; i >= 0; i--) {
                    CaseFileView.Proposal p = proposals.get(i);
                    if (p.personId().equals(x.personId()) && p.offerId().equals(x.offerId())) {
                        proposals.set(i, new CaseFileView.Proposal(p.personId(), p.name(), p.offerId(), p.score(), p.proposedAt(),
                                x.outcome().name(), x.occurredOn()));
                        break;
                    }
                }
            } else if (d instanceof IntegrationRecorded x) {
                integrations.add(new CaseFileView.Integration(x.personId(), name.apply(x.personId()), x.kind().name(), x.startDate(), null));
            } else if (d instanceof EmploymentEnded x) {
                for (int i = integrations.size() - 1; i >= 0; i--) {
                    CaseFileView.Integration n = integrations.get(i);
                    if (n.personId().equals(x.personId()) && n.endDate() == null) {
                        integrations.set(i, new CaseFileView.Integration(n.personId(), n.name(), n.kind(), n.startDate(), x.endDate()));
                        break;
                    }
                }
            }
        }
        List<CaseFileView.Proposal> last = proposals.subList(Math.max(0, proposals.size() - 10), proposals.size());
        return new CaseFileView.Placement(new ArrayList<>(profiles.values()), new ArrayList<>(plans.values()), new ArrayList<>(measures.values()),
                new ArrayList<>(last), integrations, assistance);
    }
}
