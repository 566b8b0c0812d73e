package de.auseinerhand.registry.domain;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** Commands on a case (Bedarfsgemeinschaft). Business dates are in the command; the clock is not. */
public sealed interface CaseCommand {

    /** Opens a case; with {@code citizenId} (a citizen applying through a portal) their account is linked at once. */
    record OpenCase(String caseId, String municipality, LocalDate openedOn, String citizenId) implements CaseCommand {
        public OpenCase(String caseId, String municipality, LocalDate openedOn) {
            this(caseId, municipality, openedOn, null);
        }
    }

    record LinkCitizen(String citizenId, de.auseinerhand.events.registry.CitizenLinkKind link, LocalDate linkedOn)
            implements CaseCommand {
    }

    record UnlinkCitizen(String citizenId, LocalDate unlinkedOn, String reason) implements CaseCommand {
    }

    /** {@code birthDate} is checked by the rules but travels only inside {@code pii}. */
    record RegisterPerson(UUID personId, PersonRole role, LocalDate birthDate, Sex sex, boolean employable,
            boolean singleParent, LocalDate effectiveFrom, String customerNumber, EncryptedPii pii)
            implements CaseCommand {
    }

    record LeaveCase(UUID personId, LocalDate effectiveFrom, String reason) implements CaseCommand {
    }

    record RejoinCase(UUID personId, PersonRole role, LocalDate effectiveFrom, String reason) implements CaseCommand {
    }

    record CloseCase(LocalDate effectiveFrom, String reason) implements CaseCommand {
    }

    /** {@code toMunicipality} is checked against the district's reference data before. */
    record MoveCase(String toMunicipality, LocalDate effectiveFrom) implements CaseCommand {
    }

    record AssignCaseworker(String caseworkerId, CaseworkerFunction function, LocalDate effectiveFrom)
            implements CaseCommand {
    }

    record StartUnemployment(UUID personId, LocalDate date, String reason) implements CaseCommand {
    }

    /** § 8, § 44a SGB II: the person's ability to work from a date, in either direction. */
    record ChangeEmployability(UUID personId, boolean employable, LocalDate effectiveFrom,
            de.auseinerhand.events.registry.EmployabilityBasis basis) implements CaseCommand {
    }

    record EndUnemployment(UUID personId, LocalDate date, String reason) implements CaseCommand {
    }

    record DeclareIncome(UUID personId, IncomeKind kind, YearMonth fromMonth, YearMonth toMonth, BigDecimal gross,
            BigDecimal net, BigDecimal socialContributions, boolean earnedBeforeBirth) implements CaseCommand {
        public DeclareIncome(UUID personId, IncomeKind kind, YearMonth fromMonth, YearMonth toMonth, BigDecimal gross,
                BigDecimal net, BigDecimal socialContributions) {
            this(personId, kind, fromMonth, toMonth, gross, net, socialContributions, false);
        }
    }

    record DeclareHousingCosts(LocalDate effectiveFrom, BigDecimal rent, BigDecimal heating, BigDecimal utilities,
            int householdSize, BigDecimal livingSpace, boolean decentralHotWater) implements CaseCommand {
    }

    /**
     * The circumstances of a person that change the amount, from a date. {@code health} is checked by the rules but
     * travels only inside {@code pii} (encrypted with the person's key before the command is decided).
     */
    record RecordCircumstances(UUID personId, LocalDate effectiveFrom, java.util.List<UUID> parentIds, Boolean singleParent,
            boolean inEducation, boolean movedOutWithoutConsent, boolean minorChildOutsideCase,
            de.auseinerhand.events.registry.HealthFacts health, EncryptedPii pii) implements CaseCommand {
    }

    record DeclareAssets(UUID personId, AssetKind kind, BigDecimal value, LocalDate effectiveFrom, boolean ownerOccupied,
            Integer livingSpace, boolean house, boolean recognisedPensionProvision) implements CaseCommand {
        public DeclareAssets(UUID personId, AssetKind kind, BigDecimal value, LocalDate effectiveFrom) {
            this(personId, kind, value, effectiveFrom, false, null, false, false);
        }
    }

    record EraseCaseMemberData(UUID personId) implements CaseCommand {
    }
}
