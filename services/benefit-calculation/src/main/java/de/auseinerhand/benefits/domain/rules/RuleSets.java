package de.auseinerhand.benefits.domain.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** All rule sets, ordered by validity start; each is valid until the next one starts. */
public final class RuleSets {
    private final List<RuleSet> ordered;

    public RuleSets(List<RuleSet> ruleSets) {
        List<RuleSet> sorted = new ArrayList<>(ruleSets);
        sorted.sort(Comparator.comparing(RuleSet::validFrom));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no rule sets");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).validFrom().equals(sorted.get(i - 1).validFrom())) {
                throw new IllegalArgumentException("two rule sets start on " + sorted.get(i).validFrom());
            }
        }
        this.ordered = List.copyOf(sorted);
    }

    public List<RuleSet> all() {
        return ordered;
    }

    public LocalDate earliest() {
        return ordered.get(0).validFrom();
    }

    /** The rule set in force on {@code day}, or null before the first one. */
    public RuleSet on(LocalDate day) {
        RuleSet found = null;
        for (RuleSet r : ordered) {
            if (r.validFrom().isAfter(day)) {
                break;
            }
            found = r;
        }
        return found;
    }

    /** The rule set for a benefit month: the one in force on its first day. */
    public RuleSet forMonth(YearMonth month) {
        return on(month.atDay(1));
    }
}
