package de.auseinerhand.benefits.rest;

import de.auseinerhand.benefits.domain.calculation.Household;
import de.auseinerhand.benefits.domain.calculation.InvalidHouseholdException;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.rules.AdequacyLimit;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.servicekit.problem.FieldError;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Maps the API's household to the calculator's; amounts must be whole cents. Field names stay the API's JSON paths. */
final class CalculationMapper {
    private final List<FieldError> errors = new ArrayList<>();

    static Household toHousehold(CalculationRequest r) {
        CalculationMapper m = new CalculationMapper();
        Household h = m.map(r);
        if (!m.errors.isEmpty()) {
            throw new ValidationFailedException(m.errors);
        }
        return h;
    }

    static ValidationFailedException toValidation(InvalidHouseholdException e) {
        return new ValidationFailedException(e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
    }

    private Household map(CalculationRequest r) {
        List<Household.Member> members = new ArrayList<>();
        List<CalculationRequest.MemberRequest> ms = r.members() == null ? List.of() : r.members();
        for (int i = 0; i < ms.size(); i++) {
            CalculationRequest.MemberRequest m = ms.get(i);
            String at = "members[" + i + "]";
            if (m == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            List<Household.Income> incomes = new ArrayList<>();
            List<CalculationRequest.IncomeRequest> is = m.incomes() == null ? List.of() : m.incomes();
            for (int k = 0; k < is.size(); k++) {
                CalculationRequest.IncomeRequest in = is.get(k);
                String iat = at + ".incomes[" + k + "]";
                if (in == null) {
                    errors.add(new FieldError(iat, "must not be null"));
                    continue;
                }
                incomes.add(new Household.Income(in.kind(), money(in.gross(), iat + ".gross", null),
                        money(in.incomeTax(), iat + ".incomeTax", Money.ZERO), money(in.socialContributions(), iat + ".socialContributions", Money.ZERO),
                        in.paidTo(), Boolean.TRUE.equals(in.earnedBeforeBirth())));
            }
            boolean defaultEmployable = m.role() != PersonRole.CHILD || m.age() == null || m.age() >= 15;
            members.add(new Household.Member(m.id(), m.role(), m.birthDate(), m.age(), m.parentIds() == null ? List.of() : m.parentIds(),
                    m.employable() == null ? defaultEmployable : m.employable(), flag(m.singleParent()), flag(m.pregnant()),
                    flag(m.disabledWithIntegrationHelp()), flag(m.nonEmployableMarkG()), money(m.costlyDiet(), at + ".costlyDiet", null),
                    flag(m.inEducation()), flag(m.movedOutWithoutConsent()), flag(m.hasMinorChildOutsideCase()),
                    m.reductionPercent() == null ? 0 : m.reductionPercent(), incomes));
        }
        Household.Housing housing = null;
        if (r.housing() != null) {
            CalculationRequest.HousingRequest hr = r.housing();
            housing = new Household.Housing(money(hr.rent(), "housing.rent", null), money(hr.utilities(), "housing.utilities", Money.ZERO),
                    money(hr.heating(), "housing.heating", null),
                    hr.personsInHousehold() == null ? Math.max(1, ms.size()) : hr.personsInHousehold(),
                    hr.costReductionMonths() == null ? 0 : hr.costReductionMonths());
        }
        List<Household.Asset> assets = new ArrayList<>();
        List<CalculationRequest.AssetRequest> as = r.assets() == null ? List.of() : r.assets();
        for (int k = 0; k < as.size(); k++) {
            CalculationRequest.AssetRequest a = as.get(k);
            if (a == null) {
                errors.add(new FieldError("assets[" + k + "]", "must not be null"));
                continue;
            }
            assets.add(new Household.Asset(a.ownerId(), a.kind(), money(a.value(), "assets[" + k + "].value", null), flag(a.ownerOccupied()),
                    a.livingSpace(), flag(a.house()), flag(a.recognisedPensionProvision())));
        }
        AdequacyLimit limit = r.adequacyLimit() == null ? null
                : new AdequacyLimit(money(r.adequacyLimit().grossColdRent(), "adequacyLimit.grossColdRent", null),
                        money(r.adequacyLimit().heating(), "adequacyLimit.heating", null), null);
        return new Household(r.month(), r.from(), r.to(), r.municipality(), limit, members, housing, assets,
                r.monthsOfReceipt() == null ? 0 : r.monthsOfReceipt(), flag(r.decentralHotWater()));
    }

    private Money money(BigDecimal value, String field, Money absent) {
        if (value == null) {
            return absent;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "at most two decimal places (whole cents)"));
            return Money.ZERO;
        }
        if (value.abs().compareTo(new BigDecimal("10000000")) > 0) {
            errors.add(new FieldError(field, "implausibly large amount"));
            return Money.ZERO;
        }
        return Money.of(value);
    }

    private static boolean flag(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
