package de.auseinerhand.registry.casefile;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.ApplicationWithdrawn;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.BenefitReductionLifted;
import de.auseinerhand.events.benefits.CostReductionNoticeIssued;
import de.auseinerhand.events.benefits.CostReductionNoticeWithdrawn;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.benefits.NoticeIssued;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
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
import de.auseinerhand.events.registry.AssetsDeclared;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.CircumstancesRecorded;
import de.auseinerhand.events.registry.CitizenLinked;
import de.auseinerhand.events.registry.CitizenUnlinked;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.IncomeDeclared;
import de.auseinerhand.events.registry.PersonDataErased;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.UnemploymentEnded;
import de.auseinerhand.events.registry.UnemploymentStarted;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One line of the case file's timeline per event, from every service: the business date it concerns and a short German
 * description ("Einkommen aus Minijob ab 01.03.2026 erklärt"). Persons are named by the caller's {@code names} (decrypted
 * for staff of the case's municipality, "gelöscht" once erased); free texts about persons are never shown here.
 */
public final class Timeline {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private Timeline() {
    }

    /** The described event: business date (the day it concerns), service, text. */
    public record Line(LocalDate businessDate, String service, String description) {
    }

    public static Line describe(EventData data, Instant recordedAt, Function<UUID, String> names, Function<String, String> towns) {
        LocalDate recorded = recordedAt.atZone(BERLIN).toLocalDate();
        // registry
        if (data instanceof CaseOpened e) {
            return reg(e.openedOn(), "Fall in " + towns.apply(e.municipality()) + " eröffnet");
        }
        if (data instanceof PersonRegistered e) {
            return reg(e.effectiveFrom(), names.apply(e.personId()) + " als " + role(e.role().name()) + " aufgenommen"
                    + (e.employable() ? " (erwerbsfähig)" : ""));
        }
        if (data instanceof PersonJoinedCase e) {
            return reg(e.effectiveFrom(), names.apply(e.personId()) + " ist wieder Mitglied der Bedarfsgemeinschaft");
        }
        if (data instanceof PersonLeftCase e) {
            return reg(e.effectiveFrom(), names.apply(e.personId()) + " hat die Bedarfsgemeinschaft verlassen");
        }
        if (data instanceof PersonDataErased e) {
            return reg(recorded, "Personenbezogene Daten einer Person gelöscht (Art. 17 DSGVO)");
        }
        if (data instanceof IncomeDeclared e) {
            return reg(e.fromMonth().atDay(1), "Einkommen aus " + income(e.kind().name()) + " von " + names.apply(e.personId()) + " ab "
                    + date(e.fromMonth().atDay(1)) + (e.toMonth() == null ? "" : " bis " + date(e.toMonth().atEndOfMonth())) + " erklärt ("
                    + euro(e.gross()) + " brutto)");
        }
        if (data instanceof HousingCostsDeclared e) {
            return reg(e.effectiveFrom(), "Kosten der Unterkunft ab " + date(e.effectiveFrom()) + " erklärt: Miete " + euro(e.rent()) + ", Heizung "
                    + euro(e.heating()) + ", Nebenkosten " + euro(e.utilities()));
        }
        if (data instanceof AssetsDeclared e) {
            return reg(e.effectiveFrom(), "Vermögen von " + names.apply(e.personId()) + " ab " + date(e.effectiveFrom()) + " erklärt: " + euro(e.value()));
        }
        if (data instanceof CaseMoved e) {
            return reg(e.effectiveFrom(), "Umzug von " + towns.apply(e.fromMunicipality()) + " nach " + towns.apply(e.toMunicipality()) + " zum " + date(e.effectiveFrom()));
        }
        if (data instanceof CaseworkerAssigned e) {
            return reg(e.effectiveFrom(), "Fallverantwortung " + function(e.function().name()) + " ab " + date(e.effectiveFrom()) + " zugewiesen");
        }
        if (data instanceof CircumstancesRecorded e) {
            return reg(e.effectiveFrom(), "Persönliche Verhältnisse von " + names.apply(e.personId()) + " ab " + date(e.effectiveFrom()) + " erfasst");
        }
        if (data instanceof EmployabilityChanged e) {
            return reg(e.effectiveFrom(), names.apply(e.personId()) + " ab " + date(e.effectiveFrom()) + (e.employable() ? " erwerbsfähig" : " nicht erwerbsfähig"));
        }
        if (data instanceof UnemploymentStarted e) {
            return reg(e.date(), names.apply(e.personId()) + " arbeitslos seit " + date(e.date()));
        }
        if (data instanceof UnemploymentEnded e) {
            return reg(e.date(), "Arbeitslosigkeit von " + names.apply(e.personId()) + " endet am " + date(e.date()));
        }
        if (data instanceof CitizenLinked e) {
            return reg(e.linkedOn(), "Bürgerkonto mit dem Fall verbunden (" + (e.link().name().equals("APPLICATION") ? "Antrag über Portal" : "Aktivierungscode") + ")");
        }
        if (data instanceof CitizenUnlinked e) {
            return reg(e.unlinkedOn(), "Bürgerkonto vom Fall getrennt");
        }
        if (data instanceof CaseClosed e) {
            return reg(e.effectiveFrom(), "Fall zum " + date(e.effectiveFrom()) + " geschlossen");
        }
        // benefit-calculation
        if (data instanceof ApplicationReceived e) {
            return ben(e.effectiveFrom(), "Antrag auf Leistungen am " + date(e.receivedOn()) + " eingegangen (wirkt ab " + date(e.effectiveFrom()) + ")");
        }
        if (data instanceof ApplicationWithdrawn e) {
            return ben(e.withdrawnOn(), "Antrag vom " + date(e.applicationFrom()) + " zurückgenommen");
        }
        if (data instanceof EntitlementDecided e) {
            String what = e.replacesDecisionId() != null ? "Abschließende Entscheidung" : e.provisional() ? "Vorläufige Bewilligung" : "Bewilligung";
            return ben(e.period().from(), what + " " + date(e.period().from()) + " bis " + date(e.period().to()) + ": " + euro(e.total()) + " monatlich"
                    + (e.settlement() == null || e.settlement().signum() == 0 ? ""
                            : e.settlement().signum() > 0 ? ", Nachzahlung " + euro(e.settlement())
                            : ", Überzahlung " + euro(e.settlement().negate()) + (Boolean.TRUE.equals(e.reclaimWaived()) ? " (nicht zurückgefordert)" : "")));
        }
        if (data instanceof EntitlementAmended e) {
            return ben(e.effectiveFrom(), "Bewilligung ab " + date(e.effectiveFrom()) + " geändert: " + euro(e.total()) + " monatlich");
        }
        if (data instanceof EntitlementTerminated e) {
            return ben(e.effectiveFrom(), "Bewilligung ab " + date(e.effectiveFrom()) + " aufgehoben");
        }
        if (data instanceof BenefitReductionImposed e) {
            return ben(e.from(), "Minderung " + e.percent() + " % für " + names.apply(e.personId()) + " vom " + date(e.from()) + " bis " + date(e.to()));
        }
        if (data instanceof BenefitReductionLifted e) {
            return ben(e.to(), "Minderung für " + names.apply(e.personId()) + " endet am " + date(e.to()));
        }
        if (data instanceof CostReductionNoticeIssued e) {
            return ben(e.issuedOn(), "Kostensenkungsaufforderung (§ 22 Abs. 1 SGB II) vom " + date(e.issuedOn()));
        }
        if (data instanceof CostReductionNoticeWithdrawn e) {
            return ben(e.withdrawnOn(), "Kostensenkungsaufforderung zurückgenommen");
        }
        if (data instanceof MonthlyEntitlementPosted e) {
            return ben(e.month().atDay(1), "Zahlung für " + MONTH.format(e.month()) + " angewiesen: " + euro(e.payable()));
        }
        if (data instanceof de.auseinerhand.events.benefits.ApprovalRequested e) {
            return ben(e.requestedOn(), "Vier-Augen-Prüfung angefordert (" + e.reason() + ")");
        }
        if (data instanceof de.auseinerhand.events.benefits.ApprovalDecided e) {
            return ben(e.decidedOn(), "Vier-Augen-Prüfung: " + ("APPROVED".equals(e.outcome()) ? "freigegeben" : "abgelehnt"));
        }
        if (data instanceof NoticeIssued e) {
            return ben(e.issuedOn(), "Bescheid erstellt (" + notice(e.kind().name()) + ")");
        }
        // job-placement
        if (data instanceof ClientProfileRecorded e) {
            return pla(recorded, "Bewerberprofil von " + names.apply(e.personId()) + " erfasst");
        }
        if (data instanceof CooperationPlanAgreed e) {
            LocalDate on = e.agreedOn() != null ? e.agreedOn() : recorded;
            return pla(on, "Kooperationsplan mit " + names.apply(e.personId()) + " vereinbart, Überprüfung bis " + date(e.reviewBy()));
        }
        if (data instanceof CooperationPlanUpdated e) {
            LocalDate on = e.reviewedOn() != null ? e.reviewedOn() : recorded;
            return pla(on, "Kooperationsplan von " + names.apply(e.personId()) + " fortgeschrieben, nächste Überprüfung bis " + date(e.reviewBy()));
        }
        if (data instanceof CooperationPlanDisputeStarted e) {
            return pla(e.startedOn(), "Schlichtungsverfahren zum Kooperationsplan von " + names.apply(e.personId()) + " begonnen");
        }
        if (data instanceof CooperationPlanDisputeEnded e) {
            return pla(e.endedOn(), "Schlichtungsverfahren zum Kooperationsplan von " + names.apply(e.personId()) + " beendet");
        }
        if (data instanceof MeasureAssigned e) {
            return pla(e.assignedOn(), "Maßnahme (" + e.legalBasis() + ") für " + names.apply(e.personId()) + " zugewiesen, Beginn " + date(e.plannedStart()));
        }
        if (data instanceof MeasureAssignmentWithdrawn e) {
            return pla(e.withdrawnOn(), "Zuweisung der Maßnahme (" + e.legalBasis() + ") für " + names.apply(e.personId()) + " zurückgenommen");
        }
        if (data instanceof MeasureStarted e) {
            return pla(e.start(), "Maßnahme (" + e.legalBasis() + ") von " + names.apply(e.personId()) + " begonnen");
        }
        if (data instanceof MeasureEnded e) {
            return pla(e.end(), "Maßnahme (" + e.legalBasis() + ") von " + names.apply(e.personId()) + " beendet");
        }
        if (data instanceof PlacementProposed e) {
            return pla(recorded, "Stellenangebot für " + names.apply(e.personId()) + " vorgeschlagen (Eignung " + e.score().setScale(2, RoundingMode.HALF_UP) + ")");
        }
        if (data instanceof PlacementOutcomeRecorded e) {
            return pla(e.occurredOn(), "Vermittlungsvorschlag für " + names.apply(e.personId()) + ": " + outcome(e.outcome().name()));
        }
        if (data instanceof IntegrationRecorded e) {
            return pla(e.startDate(), names.apply(e.personId()) + " nimmt ab " + date(e.startDate()) + " eine " + integration(e.kind().name()) + " auf");
        }
        if (data instanceof EmploymentEnded e) {
            return pla(e.endDate(), "Beschäftigung von " + names.apply(e.personId()) + " endet am " + date(e.endDate()));
        }
        if (data instanceof BreachOfDutyRecorded e) {
            return pla(e.occurredOn(), "Pflichtverletzung von " + names.apply(e.personId()) + " am " + date(e.occurredOn()) + " festgestellt");
        }
        return new Line(recorded, "other", data.getClass().getSimpleName());
    }

    private static Line reg(LocalDate d, String text) {
        return new Line(d, "client-registry", text);
    }

    private static Line ben(LocalDate d, String text) {
        return new Line(d, "benefit-calculation", text);
    }

    private static Line pla(LocalDate d, String text) {
        return new Line(d, "job-placement", text);
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    private static final ThreadLocal<DecimalFormat> EURO = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY)));

    static String euro(BigDecimal amount) {
        return EURO.get().format(amount.setScale(2, RoundingMode.HALF_UP)) + " €";
    }

    static String month(YearMonth m) {
        return MONTH.format(m);
    }

    private static final Map<String, String> ROLES = Map.of("HEAD", "antragstellende Person", "PARTNER", "Partnerin/Partner", "CHILD", "Kind",
            "OTHER", "weitere Person");

    static String role(String role) {
        return ROLES.getOrDefault(role, role);
    }

    private static String income(String kind) {
        return Map.of("EMPLOYMENT", "Beschäftigung", "SELF_EMPLOYMENT", "selbständiger Tätigkeit", "MAINTENANCE", "Unterhalt", "CHILD_BENEFIT",
                "Kindergeld", "UVG", "Unterhaltsvorschuss", "PENSION", "Rente", "PARENTAL_ALLOWANCE", "Elterngeld", "TRAINING_ALLOWANCE",
                "Ausbildungsvergütung", "OTHER", "sonstigen Quellen").getOrDefault(kind, kind);
    }

    private static String function(String f) {
        return Map.of("BENEFITS", "Leistung", "PLACEMENT", "Vermittlung", "CASE_MANAGEMENT", "Fallmanagement").getOrDefault(f, f);
    }

    private static String notice(String kind) {
        return Map.of("DECISION", "Bewilligung", "PROVISIONAL_DECISION", "vorläufige Bewilligung", "FINAL_DECISION", "abschließende Entscheidung",
                "AMENDMENT", "Änderung", "TERMINATION", "Aufhebung", "REDUCTION", "Minderung").getOrDefault(kind, kind);
    }

    private static String outcome(String o) {
        return Map.of("APPLIED", "beworben", "INTERVIEW", "Vorstellungsgespräch", "HIRED", "eingestellt", "REJECTED_BY_EMPLOYER",
                "vom Arbeitgeber abgelehnt", "DECLINED_BY_CLIENT", "abgelehnt").getOrDefault(o, o);
    }

    private static String integration(String k) {
        return Map.of("EMPLOYMENT_SV", "sozialversicherungspflichtige Beschäftigung", "APPRENTICESHIP", "Ausbildung", "SELF_EMPLOYMENT",
                "selbständige Tätigkeit", "MINIJOB", "geringfügige Beschäftigung", "SUBSIDISED", "geförderte Beschäftigung").getOrDefault(k, k);
    }
}
