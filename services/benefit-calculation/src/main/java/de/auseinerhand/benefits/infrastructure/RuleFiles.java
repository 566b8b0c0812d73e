package de.auseinerhand.benefits.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.rules.AdequacyLimits;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.domain.rules.RuleSets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the rule data ({@code rules/rule-sets.json},
 * {@code rules/housing-adequacy-limits.json}). A broken file stops the service at start-up with
 * the path of the bad value, instead of producing wrong amounts later.
 */
public final class RuleFiles {
    public static final String RULE_SETS = "rules/rule-sets.json";
    public static final String ADEQUACY_LIMITS = "rules/housing-adequacy-limits.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleFiles() {
    }

    public static RuleSets ruleSets() {
        return parseRuleSets(read(RULE_SETS));
    }

    public static AdequacyLimits adequacyLimits() {
        return parseAdequacyLimits(read(ADEQUACY_LIMITS));
    }

    /**
     * The rule sets from {@code directory/rule-sets.json} when district IT put one there (a ConfigMap
     * mounted as a directory), else the ones built in. A broken file stops the start with its path and the
     * bad value.
     */
    public static RuleSets ruleSets(java.util.Optional<java.nio.file.Path> directory) {
        return parseRuleSets(readFrom(directory, "rule-sets.json", RULE_SETS));
    }

    /** Like {@link #ruleSets(java.util.Optional)} for {@code housing-adequacy-limits.json}. */
    public static AdequacyLimits adequacyLimits(java.util.Optional<java.nio.file.Path> directory) {
        return parseAdequacyLimits(readFrom(directory, "housing-adequacy-limits.json", ADEQUACY_LIMITS));
    }

    /** Where the rule data of {@code file} comes from: the directory's file if it exists, else the built-in resource. */
    public static String origin(java.util.Optional<java.nio.file.Path> directory, String file) {
        return directory.map(d -> d.resolve(file)).filter(java.nio.file.Files::isRegularFile).map(Object::toString)
                .orElse("built in (" + file + ")");
    }

    static JsonNode readFrom(java.util.Optional<java.nio.file.Path> directory, String file, String resource) {
        if (directory.isPresent()) {
            java.nio.file.Path path = directory.get().resolve(file);
            if (java.nio.file.Files.isRegularFile(path)) {
                try {
                    return JSON.readTree(path.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException("rule data: " + path + " is not valid JSON: " + e.getMessage(), e);
                }
            }
        }
        return read(resource);
    }

    static JsonNode read(String resource) {
        try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule file missing on the class path: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static RuleSets parseRuleSets(JsonNode root) {
        List<RuleSet> sets = new ArrayList<>();
        JsonNode list = req(root, "ruleSets", "$");
        for (int i = 0; i < list.size(); i++) {
            sets.add(parseRuleSet(list.get(i), "ruleSets[" + i + "]"));
        }
        return new RuleSets(sets);
    }

    public static RuleSet parseRuleSet(JsonNode n, String at) {
        String id = req(n, "id", at).asText();
        LocalDate validFrom = LocalDate.parse(req(n, "validFrom", at).asText());
        Money[] std = new Money[7];
        JsonNode sn = req(n, "standardNeed", at);
        for (int level = 1; level <= 6; level++) {
            std[level] = money(req(sn, String.valueOf(level), at + ".standardNeed"), at + ".standardNeed." + level);
        }
        JsonNode cs = req(n, "childSupplement", at);
        boolean[] csLevels = new boolean[7];
        for (JsonNode l : req(cs, "levels", at + ".childSupplement")) {
            int level = l.asInt();
            check(level >= 1 && level <= 6, at + ".childSupplement.levels", "level 1..6");
            csLevels[level] = true;
        }
        JsonNode an = req(n, "additionalNeeds", at);
        String anAt = at + ".additionalNeeds";
        int[] hotWater = new int[7];
        JsonNode hw = req(an, "hotWater", anAt);
        for (int level = 1; level <= 6; level++) {
            hotWater[level] = basisPoints(req(hw, String.valueOf(level), anAt + ".hotWater"), anAt + ".hotWater." + level);
        }
        JsonNode ei = req(n, "earnedIncome", at);
        String eiAt = at + ".earnedIncome";
        List<RuleSet.Band> bands = new ArrayList<>();
        JsonNode bl = req(ei, "bands", eiAt);
        Money previousTo = money(req(ei, "basicAllowance", eiAt), eiAt + ".basicAllowance");
        for (int i = 0; i < bl.size(); i++) {
            JsonNode b = bl.get(i);
            String bAt = eiAt + ".bands[" + i + "]";
            Money from = money(req(b, "from", bAt), bAt + ".from");
            Money to = money(req(b, "to", bAt), bAt + ".to");
            Money toWithChild = b.has("toWithChild") ? money(b.get("toWithChild"), bAt + ".toWithChild") : null;
            check(from.equals(previousTo), bAt + ".from", "bands must be contiguous, starting at the basic allowance");
            check(to.compareTo(from) > 0, bAt + ".to", "must be above from");
            check(toWithChild == null || (i == bl.size() - 1 && toWithChild.compareTo(to) >= 0), bAt + ".toWithChild",
                    "only the last band may have a higher upper limit with a child");
            bands.add(new RuleSet.Band(from, to, toWithChild, basisPoints(req(b, "percent", bAt), bAt + ".percent")));
            previousTo = to;
        }
        JsonNode housing = req(n, "housing", at);
        JsonNode assets = req(n, "assets", at);
        JsonNode red = req(n, "reductions", at);
        String rAt = at + ".reductions";
        int[] breachPercents = ints(req(red, "breachPercents", rAt));
        int[] breachMonths = ints(req(red, "breachMonths", rAt));
        check(breachPercents.length > 0 && breachPercents.length == breachMonths.length, rAt + ".breachMonths",
                "one duration per breach level");
        int[] missedPercents;
        int[] missedMonths;
        if (red.has("missedAppointmentSteps")) {
            JsonNode steps = red.get("missedAppointmentSteps");
            check(steps.isArray() && steps.size() > 0, rAt + ".missedAppointmentSteps", "a list of {percent, months}");
            missedPercents = new int[steps.size()];
            missedMonths = new int[steps.size()];
            for (int i = 0; i < steps.size(); i++) {
                String sAt = rAt + ".missedAppointmentSteps[" + i + "]";
                missedPercents[i] = percent(req(steps.get(i), "percent", sAt), sAt + ".percent");
                missedMonths[i] = req(steps.get(i), "months", sAt).asInt();
                check(missedMonths[i] >= 0 && missedMonths[i] <= 12, sAt + ".months", "0 to 12");
            }
        } else {
            missedPercents = new int[] {percent(req(red, "missedAppointmentPercent", rAt), rAt + ".missedAppointmentPercent")};
            missedMonths = new int[] {req(red, "missedAppointmentMonths", rAt).asInt()};
        }
        for (int p : breachPercents) {
            check(p >= 0 && p <= 100, rAt + ".breachPercents", "0 to 100");
        }
        Integer workRefusalPercent = null;
        Integer workRefusalMonths = null;
        if (red.has("workRefusal")) {
            String wAt = rAt + ".workRefusal";
            workRefusalPercent = percent(req(red.get("workRefusal"), "percent", wAt), wAt + ".percent");
            workRefusalMonths = req(red.get("workRefusal"), "months", wAt).asInt();
            check(workRefusalMonths >= 1 && workRefusalMonths <= 12, wAt + ".months", "1 to 12");
        }
        int cap = percent(req(red, "capPercent", rAt), rAt + ".capPercent");
        return new RuleSet(id, validFrom, std,
                money(req(cs, "amount", at + ".childSupplement"), at + ".childSupplement.amount"), csLevels,
                basisPoints(req(an, "singleParentHigh", anAt), anAt + ".singleParentHigh"),
                basisPoints(req(an, "singleParentPerChild", anAt), anAt + ".singleParentPerChild"),
                basisPoints(req(an, "singleParentMax", anAt), anAt + ".singleParentMax"),
                basisPoints(req(an, "pregnancy", anAt), anAt + ".pregnancy"),
                basisPoints(req(an, "disabilityIntegration", anAt), anAt + ".disabilityIntegration"),
                basisPoints(req(an, "nonEmployableMarkG", anAt), anAt + ".nonEmployableMarkG"),
                hotWater,
                money(req(ei, "basicAllowance", eiAt), eiAt + ".basicAllowance"),
                List.copyOf(bands),
                req(ei, "trainingExemptionUpToMinijobThreshold", eiAt).asBoolean(),
                money(req(n, "minijobThreshold", at), at + ".minijobThreshold"),
                money(req(n, "insuranceFlatRate", at), at + ".insuranceFlatRate"),
                money(req(n, "parentalAllowanceExemption", at), at + ".parentalAllowanceExemption"),
                money(req(n, "childBenefit", at), at + ".childBenefit"),
                req(housing, "waitingPeriodMonths", at + ".housing").asInt(),
                req(housing, "costReductionMonths", at + ".housing").asInt(),
                req(assets, "waitingPeriodMonths", at + ".assets").asInt(),
                money(req(assets, "considerableFirstMember", at + ".assets"), at + ".assets.considerableFirstMember"),
                money(req(assets, "considerableFurtherMember", at + ".assets"), at + ".assets.considerableFurtherMember"),
                money(req(assets, "perMember", at + ".assets"), at + ".assets.perMember"),
                money(req(assets, "vehiclePresumedAdequate", at + ".assets"), at + ".assets.vehiclePresumedAdequate"),
                req(assets, "ownHomeHouseSquareMetres", at + ".assets").asInt(),
                req(assets, "ownHomeFlatSquareMetres", at + ".assets").asInt(),
                new RuleSet.Reductions(breachPercents, breachMonths, missedPercents, missedMonths, cap,
                        req(red, "lookbackMonths", rAt).asInt(), workRefusalPercent, workRefusalMonths),
                law(n, housing, assets, red, at));
    }

    /** The optional fields that describe the law beyond amounts; absent = the Bürgergeld law of 2023. */
    static RuleSet.Law law(JsonNode n, JsonNode housing, JsonNode assets, JsonNode reductions, String at) {
        RuleSet.Law old = RuleSet.Law.bürgergeld2023();
        int cap = 0;
        if (housing.has("waitingPeriodCapFactor")) {
            cap = basisPoints(housing.get("waitingPeriodCapFactor"), at + ".housing.waitingPeriodCapFactor") * 100;
            check(cap >= 10_000, at + ".housing.waitingPeriodCapFactor", "at least 1 (the adequacy limit itself)");
        }
        List<RuleSet.AgeAllowance> byAge = new ArrayList<>();
        if (assets.has("allowanceByAge")) {
            JsonNode list = assets.get("allowanceByAge");
            int previous = -1;
            for (int i = 0; i < list.size(); i++) {
                String aAt = at + ".assets.allowanceByAge[" + i + "]";
                int from = req(list.get(i), "fromAge", aAt).asInt();
                check(i == 0 ? from == 0 : from > previous, aAt + ".fromAge", "ascending, the first from age 0");
                byAge.add(new RuleSet.AgeAllowance(from, money(req(list.get(i), "amount", aAt), aAt + ".amount")));
                previous = from;
            }
        }
        List<String> sources = new ArrayList<>();
        n.path("sources").forEach(x -> sources.add(x.asText()));
        List<String> toConfirm = new ArrayList<>();
        n.path("toConfirm").forEach(x -> toConfirm.add(x.asText()));
        String name = n.path("benefitName").asText(old.benefitName());
        check(!name.isBlank() && name.length() <= 60, at + ".benefitName", "1 to 60 characters");
        return new RuleSet.Law(name, n.path("legalBasis").asText(old.legalBasis()), cap, List.copyOf(byAge),
                reductions.path("disputeProcedure").asBoolean(old.disputeProcedure()),
                n.hasNonNull("confirmedUntil") ? LocalDate.parse(n.get("confirmedUntil").asText()) : null, List.copyOf(sources),
                List.copyOf(toConfirm));
    }

    private static int percent(JsonNode n, String at) {
        check(n.isInt() && n.asInt() >= 0 && n.asInt() <= 100, at, "a whole percent from 0 to 100");
        return n.asInt();
    }

    public static AdequacyLimits parseAdequacyLimits(JsonNode root) {
        Map<String, List<AdequacyLimits.Table>> result = new LinkedHashMap<>();
        JsonNode ms = req(root, "municipalities", "$");
        Iterator<Map.Entry<String, JsonNode>> it = ms.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "municipalities." + e.getKey();
            check(e.getKey().matches("\\d{8}"), at, "key must be an 8-digit AGS");
            List<AdequacyLimits.Table> tables = new ArrayList<>();
            JsonNode limits = req(e.getValue(), "limits", at);
            for (int i = 0; i < limits.size(); i++) {
                JsonNode t = limits.get(i);
                String tAt = at + ".limits[" + i + "]";
                tables.add(new AdequacyLimits.Table(LocalDate.parse(req(t, "validFrom", tAt).asText()),
                        bySize(req(t, "grossColdRent", tAt), tAt + ".grossColdRent"),
                        money(req(t, "grossColdRentPerFurtherPerson", tAt), tAt + ".grossColdRentPerFurtherPerson"),
                        bySize(req(t, "heating", tAt), tAt + ".heating"),
                        money(req(t, "heatingPerFurtherPerson", tAt), tAt + ".heatingPerFurtherPerson")));
            }
            result.put(e.getKey(), tables);
        }
        return new AdequacyLimits(result, root.path("exampleData").asBoolean(false));
    }

    private static Money[] bySize(JsonNode n, String at) {
        Money[] out = new Money[n.size() + 1];
        for (int size = 1; size <= n.size(); size++) {
            out[size] = money(req(n, String.valueOf(size), at), at + "." + size);
            check(size == 1 || out[size].compareTo(out[size - 1]) >= 0, at + "." + size, "must not fall with household size");
        }
        return out;
    }

    private static JsonNode req(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalStateException("rule data: " + at + "." + field + " is missing");
        }
        return v;
    }

    private static Money money(JsonNode n, String at) {
        check(n.isNumber(), at, "must be a number");
        BigDecimal v = n.decimalValue();
        check(v.signum() >= 0 && v.stripTrailingZeros().scale() <= 2, at, "must be a non-negative amount in whole cents");
        return Money.of(v);
    }

    private static int basisPoints(JsonNode n, String at) {
        check(n.isNumber(), at, "must be a number");
        BigDecimal bp = n.decimalValue().movePointRight(2);
        check(bp.signum() >= 0 && bp.stripTrailingZeros().scale() <= 0, at, "percent with at most two decimals");
        return bp.intValueExact();
    }

    private static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asInt();
        }
        return out;
    }

    private static void check(boolean ok, String at, String message) {
        if (!ok) {
            throw new IllegalStateException("rule data: " + at + ": " + message);
        }
    }
}
