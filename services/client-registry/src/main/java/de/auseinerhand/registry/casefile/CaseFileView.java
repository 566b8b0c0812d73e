package de.auseinerhand.registry.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The case file: the household as the three services know it, and every event of the case in business-date order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseFileView(String caseId, String municipality, String municipalityName, String status, LocalDate openedOn,
        LocalDate closedOn, List<Caseworker> caseworkers, List<Member> members, Benefits benefits, Placement placement,
        List<TimelineEntry> timeline, long version) {

    public record Caseworker(String function, String caseworkerId, String displayName) {
    }

    /** {@code name} "gelöscht" once erased; {@code eligibleEmployable}: an eLb this month (employable and of working age). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(UUID personId, String role, String name, LocalDate birthDate, int age, String sex, boolean employable,
            boolean eligibleEmployable, boolean singleParent, LocalDate joinedOn, LocalDate leftOn, LocalDate unemployedSince,
            boolean erased, Health health) {
    }

    /** The latest recorded health facts (§ 21 SGB II): staff of the case's municipality only, decrypted for this read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(LocalDate recordedFrom, LocalDate expectedDelivery, LocalDate deliveredOn, boolean disabledWithIntegrationHelp,
            boolean disabilityMarkG, BigDecimal costlyDiet) {
    }

    public record Benefits(Decision inForce, List<Decision> decisions, List<Reduction> reductions, List<Notice> notices,
            List<String> postedMonths) {
    }

    /** A decision with the amounts in force today (or at its start); {@code sheetHref} at benefit-calculation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(UUID decisionId, LocalDate from, LocalDate to, boolean provisional, LocalDate terminatedFrom,
            BigDecimal monthlyTotal, BigDecimal federalShare, BigDecimal municipalShare, LocalDate amountsFrom, String sheetHref) {
    }

    public record Reduction(UUID personId, String name, int percent, LocalDate from, LocalDate to) {
    }

    public record Notice(UUID noticeId, String kind, LocalDate issuedOn, String sha256, String href) {
    }

    /** {@code assistance}: per current employable member, the best open offers and the last proposals (issue 16 §4). */
    public record Placement(List<Profile> profiles, List<Plan> plans, List<Measure> measures, List<Proposal> proposals,
            List<Integration> integrations, List<Assistance> assistance) {
    }

    /**
     * The five best open offers of the district for an employable member, ranked and explained with job-placement's
     * matching rules, and the member's last proposals with their outcomes. Without a recorded profile there is nothing to
     * rank ({@code profileRecorded} false). {@code moreHref}: job-placement's full ranking with filters and paging.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assistance(UUID personId, String name, boolean profileRecorded, List<OfferSuggestion> bestOffers,
            List<Proposal> lastProposals, String moreHref) {
    }

    /** An open offer with its score (0–100), distance and the points and reason of every factor; when it was proposed already. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfferSuggestion(UUID offerId, String title, String occupationCode, String municipality, String municipalityName,
            BigDecimal hoursPerWeek, LocalDate startDate, int score, int distanceKm, List<Factor> factors, Instant proposedAt,
            String proposalOutcome) {
    }

    public record Factor(String name, int points, int max, String reason) {
    }

    public record Profile(UUID personId, String name, List<String> occupationsSought, Instant recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plan(UUID planId, UUID personId, String name, LocalDate agreedOn, LocalDate reviewBy, boolean disputeRunning) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measure(UUID measureId, UUID personId, String name, String legalBasis, String category, String status, LocalDate start,
            LocalDate plannedEnd, LocalDate end) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proposal(UUID personId, String name, UUID offerId, BigDecimal score, Instant proposedAt, String outcome, LocalDate outcomeOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Integration(UUID personId, String name, String kind, LocalDate startDate, LocalDate endDate) {
    }

    /** One event: the day it concerns, when it was recorded, by whom (display name for staff), in German. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(LocalDate businessDate, Instant recordedAt, String service, String type, String description, String actor,
            String actorName) {
    }
}
