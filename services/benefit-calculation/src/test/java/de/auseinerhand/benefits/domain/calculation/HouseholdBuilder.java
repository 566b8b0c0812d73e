package de.auseinerhand.benefits.domain.calculation;

import de.auseinerhand.benefits.domain.rules.AdequacyLimit;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Test language for households: {@code household("2024-03").head(35).rent(400, 80)}. */
final class HouseholdBuilder {
    private final YearMonth month;
    private LocalDate from;
    private LocalDate to;
    private String municipality = "05958032"; // Meschede
    private AdequacyLimit explicitLimit;
    private final List<M> members = new ArrayList<>();
    private Money rent = Money.ZERO;
    private Money utilities = Money.ZERO;
    private Money heating = Money.ZERO;
    private Integer persons;
    private int costReductionMonths;
    private final List<Household.Asset> assets = new ArrayList<>();
    private int monthsOfReceipt;
    private boolean hotWater;

    static HouseholdBuilder household(String month) {
        return new HouseholdBuilder(YearMonth.parse(month));
    }

    private HouseholdBuilder(YearMonth month) {
        this.month = month;
    }

    static Money eur(String amount) {
        return Money.of(new BigDecimal(amount));
    }

    static Money eur(long amount) {
        return Money.euros(amount);
    }

    /** A member under construction; flags and incomes are set fluently, {@link #and()} returns to the household. */
    final class M {
        final String id;
        final PersonRole role;
        Integer age;
        LocalDate birthDate;
        List<String> parents = new ArrayList<>();
        boolean employable = true;
        boolean singleParent;
        boolean pregnant;
        boolean disabled;
        boolean markG;
        Money diet;
        boolean inEducation;
        boolean movedOut;
        boolean childOutside;
        int reduction;
        final List<Household.Income> incomes = new ArrayList<>();

        M(String id, PersonRole role) {
            this.id = id;
            this.role = role;
        }

        M born(String date) {
            this.birthDate = LocalDate.parse(date);
            this.age = null;
            return this;
        }

        M singleParent() {
            singleParent = true;
            return this;
        }

        M pregnant() {
            pregnant = true;
            return this;
        }

        M disabledWithIntegrationHelp() {
            disabled = true;
            return this;
        }

        M nonEmployableWithMarkG() {
            employable = false;
            markG = true;
            return this;
        }

        M notEmployable() {
            employable = false;
            return this;
        }

        M diet(long euros) {
            diet = eur(euros);
            return this;
        }

        M inEducation() {
            inEducation = true;
            return this;
        }

        M movedOutWithoutConsent() {
            movedOut = true;
            return this;
        }

        M hasMinorChildOutsideCase() {
            childOutside = true;
            return this;
        }

        M reduction(int percent) {
            reduction = percent;
            return this;
        }

        M parents(String... ids) {
            parents = List.of(ids);
            return this;
        }

        M wage(String gross, String net) {
            Money g = eur(gross);
            Money n = eur(net);
            incomes.add(new Household.Income(IncomeKind.EMPLOYMENT, g, Money.ZERO, g.minus(n), null, false));
            return this;
        }

        M income(IncomeKind kind, String gross, String net) {
            Money g = eur(gross);
            Money n = eur(net);
            incomes.add(new Household.Income(kind, g, Money.ZERO, g.minus(n), null, false));
            return this;
        }

        M income(IncomeKind kind, String gross) {
            return income(kind, gross, gross);
        }

        M parentalAllowance(String amount, boolean earnedBefore) {
            incomes.add(new Household.Income(IncomeKind.PARENTAL_ALLOWANCE, eur(amount), Money.ZERO, Money.ZERO, null, earnedBefore));
            return this;
        }

        M childBenefit(String amount) {
            incomes.add(new Household.Income(IncomeKind.CHILD_BENEFIT, eur(amount), Money.ZERO, Money.ZERO, null, false));
            return this;
        }

        HouseholdBuilder and() {
            return HouseholdBuilder.this;
        }

        Household.Member build() {
            return new Household.Member(id, role, birthDate, age, parents, employable, singleParent, pregnant, disabled, markG, diet,
                    inEducation, movedOut, childOutside, reduction, incomes);
        }
    }

    M member(String id, PersonRole role, int age) {
        M m = new M(id, role);
        m.age = age;
        if (role == PersonRole.CHILD && age < 15) {
            m.employable = false;
        }
        members.add(m);
        return m;
    }

    M head(int age) {
        return member("head", PersonRole.HEAD, age);
    }

    M partner(int age) {
        return member("partner", PersonRole.PARTNER, age);
    }

    M child(String id, int age) {
        return member(id, PersonRole.CHILD, age);
    }

    M other(String id, int age) {
        return member(id, PersonRole.OTHER, age);
    }

    HouseholdBuilder rent(long rentEuros, long heatingEuros) {
        this.rent = eur(rentEuros);
        this.heating = eur(heatingEuros);
        return this;
    }

    HouseholdBuilder rent(String rent, String utilities, String heating) {
        this.rent = eur(rent);
        this.utilities = eur(utilities);
        this.heating = eur(heating);
        return this;
    }

    HouseholdBuilder persons(int persons) {
        this.persons = persons;
        return this;
    }

    HouseholdBuilder municipality(String ags) {
        this.municipality = ags;
        return this;
    }

    HouseholdBuilder limit(long grossColdRent, long heating) {
        this.municipality = null;
        this.explicitLimit = new AdequacyLimit(eur(grossColdRent), eur(heating), null);
        return this;
    }

    HouseholdBuilder monthsOfReceipt(int months) {
        this.monthsOfReceipt = months;
        return this;
    }

    HouseholdBuilder costReductionMonths(int months) {
        this.costReductionMonths = months;
        return this;
    }

    HouseholdBuilder decentralHotWater() {
        this.hotWater = true;
        return this;
    }

    HouseholdBuilder days(String from, String to) {
        this.from = from == null ? null : LocalDate.parse(from);
        this.to = to == null ? null : LocalDate.parse(to);
        return this;
    }

    HouseholdBuilder asset(AssetKind kind, String value) {
        assets.add(new Household.Asset(null, kind, eur(value), false, null, false, false));
        return this;
    }

    HouseholdBuilder asset(Household.Asset asset) {
        assets.add(asset);
        return this;
    }

    Household build() {
        List<Household.Member> ms = new ArrayList<>();
        for (M m : members) {
            ms.add(m.build());
        }
        return new Household(month, from, to, municipality, explicitLimit, ms,
                new Household.Housing(rent, utilities, heating, persons == null ? members.size() : persons, costReductionMonths),
                assets, monthsOfReceipt, hotWater);
    }
}
