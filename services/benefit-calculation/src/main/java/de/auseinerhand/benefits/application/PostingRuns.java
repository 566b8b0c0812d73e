package de.auseinerhand.benefits.application;

import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.domain.decision.BenefitCommand;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.benefits.domain.decision.MonthAmounts;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.benefits.PostedPersonAmount;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The monthly posting run: for each case with a decision in force, exactly one
 * {@code monthly-entitlement-posted} per month (§ 42 SGB II: benefits are paid monthly in advance),
 * with the entitlement per person and item split into LLU (federal) and KdU (municipal). Idempotent
 * and resumable: a run that was killed is started again and posts only what is missing; a case
 * posted twice is refused by its stream.
 */
@ApplicationScoped
public class PostingRuns {
    private static final Logger LOG = Logger.getLogger(PostingRuns.class);

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Inject
    EntitlementCalculator calculator;

    @ConfigProperty(name = "aeh.benefits.posting.batch-size", defaultValue = "100")
    int batchSize;

    private final Set<YearMonth> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "posting-run");
        t.setDaemon(true);
        return t;
    });

    public record RunStatus(YearMonth month, String status, Instant startedAt, Instant finishedAt, Integer casesTotal, int posted,
                            int skipped) {
    }

    /** Starts (or resumes) the run for a month in the background; false if it is running already. */
    public boolean start(YearMonth month, String actor) {
        if (!running.add(month)) {
            return false;
        }
        try {
            sql("insert into posting_run (month, started_at, status) values (?, now(), 'RUNNING') on conflict (month) do update"
                    + " set status = 'RUNNING', finished_at = null", month.toString());
            executor.submit(() -> {
                try {
                    run(month, actor);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "posting run %s failed; start it again to resume", month);
                    sql("update posting_run set status = 'FAILED' where month = ?", month.toString());
                } finally {
                    running.remove(month);
                }
            });
            return true;
        } catch (RuntimeException e) {
            running.remove(month);
            throw e;
        }
    }

    /** Runs in the caller's thread (the benchmark and the background job use it). */
    public void run(YearMonth month, String actor) {
        run(month, actor, batchSize);
    }

    public void run(YearMonth month, String actor, int batchSize) {
        sql("insert into posting_run (month, started_at, status) values (?, now(), 'RUNNING') on conflict (month) do update"
                + " set status = 'RUNNING', finished_at = null", month.toString());
        long t0 = System.nanoTime();
        List<String> cases = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select substr(s.stream_id, 10) from es_stream s where s.stream_id like 'benefits-%' and not exists"
                        + " (select 1 from monthly_posting p where p.case_id = substr(s.stream_id, 10) and p.month = ?) order by s.stream_id")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cases.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        sql("update posting_run set cases_total = posted + skipped + ? where month = ?", cases.size(), month.toString());
        UUID correlation = UUID.randomUUID();
        for (int i = 0; i < cases.size(); i += batchSize) {
            List<String> batch = cases.subList(i, Math.min(cases.size(), i + batchSize));
            int[] counts = QuarkusTransaction.requiringNew().call(() -> {
                Map<String, String> municipalities = municipalities(batch);
                int posted = 0;
                int skipped = 0;
                for (String caseId : batch) {
                    if (postOne(caseId, month, municipalities.get(caseId), new EventMetadata(actor, correlation, null, null))) {
                        posted++;
                    } else {
                        skipped++;
                    }
                }
                sql("update posting_run set posted = posted + ?, skipped = skipped + ? where month = ?", posted, skipped, month.toString());
                return new int[] {posted, skipped};
            });
            if ((i / batchSize) % 20 == 0) {
                LOG.infof("posting run %s: %d of %d cases (%d posted in this batch)", month, Math.min(cases.size(), i + batchSize),
                        cases.size(), counts[0]);
            }
        }
        sql("update posting_run set status = 'DONE', finished_at = now() where month = ?", month.toString());
        LOG.infof("posting run %s done: %d cases in %d ms", month, cases.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    private boolean postOne(String caseId, YearMonth month, String municipality, EventMetadata md) {
        Loaded<BenefitState> loaded = store.load(DecisionService.stream(caseId), DecisionService.DECIDER);
        BenefitState.Decision d = loaded.state().decisionFor(month);
        if (d == null || loaded.state().posted().containsKey(month)) {
            return false;
        }
        MonthAmounts.Amounts amounts = d.amountsFor(month);
        int days = d.daysPaidIn(month);
        List<PostedPersonAmount> people = new ArrayList<>();
        Money llu = Money.ZERO;
        Money kdu = Money.ZERO;
        Money reductions = Money.ZERO;
        RuleSet rules = calculator.ruleSets().forMonth(month);
        int cap = rules == null ? 30 : rules.reductions().capPercent();
        for (PersonEntitlement p : amounts.perPerson()) {
            // § 41(1) SGB II: a month counts 30 days; a termination within the month pays the days before it
            Money pl = Money.of(p.llu()).days(days);
            Money pk = Money.of(p.kdu()).days(days);
            Money reduction = reduction(loaded.state(), p, month, days, cap).min(pl);
            people.add(new PostedPersonAmount(p.personId(), pl.toBigDecimal(), pk.toBigDecimal(), reduction.toBigDecimal(),
                    pl.plus(pk).minus(reduction).toBigDecimal()));
            llu = llu.plus(pl);
            kdu = kdu.plus(pk);
            reductions = reductions.plus(reduction);
        }
        BenefitCommand.Post post = new BenefitCommand.Post(month, people, llu.toBigDecimal(), kdu.toBigDecimal(), reductions.toBigDecimal(),
                llu.plus(kdu).minus(reductions).toBigDecimal());
        store.handle(DecisionService.stream(caseId), loaded, null, post, DecisionService.DECIDER, caseId, s -> municipality, md);
        sql("insert into monthly_posting (case_id, month, payable, posted_at) values (?, ?, ?, now())", caseId, month.toString(),
                llu.plus(kdu).minus(reductions).toBigDecimal());
        return true;
    }

    /**
     * §§ 31a, 32 SGB II: the reductions of one person in a month, in percent of the standard need and
     * by days; all together at most {@code cap} percent; never more than the LLU (housing costs are
     * never reduced, the caller caps at the LLU).
     */
    static Money reduction(BenefitState state, PersonEntitlement p, YearMonth month, int daysPaid, int cap) {
        long percentDays = 0;
        for (BenefitState.Reduction r : state.reductions()) {
            if (r.personId().equals(p.personId())) {
                percentDays += (long) r.percent() * Math.min(daysPaid, r.daysIn(month));
            }
        }
        percentDays = Math.min(percentDays, (long) cap * daysPaid);
        if (percentDays == 0) {
            return Money.ZERO;
        }
        long cents = Money.of(p.standardNeed()).cents();
        long value = cents * percentDays;
        long q = value / 3000;
        return Money.ofCents(value % 3000 * 2 >= 3000 ? q + 1 : q);
    }

    private Map<String, String> municipalities(List<String> caseIds) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select case_id, municipality from known_case where case_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", caseIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public RunStatus status(YearMonth month) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select status, started_at, finished_at, cases_total, posted, skipped from posting_run where month = ?")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp finished = rs.getTimestamp(3);
                String status = rs.getString(1);
                if (status.equals("RUNNING") && !running.contains(month)) {
                    status = "INTERRUPTED";
                }
                return new RunStatus(month, status, rs.getTimestamp(2).toInstant(), finished == null ? null : finished.toInstant(),
                        (Integer) rs.getObject(4), rs.getInt(5), rs.getInt(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
