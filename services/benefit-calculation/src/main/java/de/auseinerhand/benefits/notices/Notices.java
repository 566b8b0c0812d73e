package de.auseinerhand.benefits.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.auseinerhand.benefits.application.DecisionService;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.NoticeIssued;
import de.auseinerhand.events.benefits.NoticeKind;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.registryview.KnownPerson;
import de.auseinerhand.servicekit.keys.PersonKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Written decisions (Bescheide). Every decision, provisional or final decision, amendment, termination and reduction
 * appended to a case's benefit stream leaves a {@link NoticeJob} in the same transaction; a worker renders each job's
 * notice (the event, its stored sheets, the members' data opened for the rendering only), stores the PDF encrypted
 * ({@link NoticeVault}) and appends {@code benefits.notice-issued} with its SHA-256 to the case's notice stream
 * ({@code benefit-notices-<case>}, so the benefit stream's version, the clients' If-Match, does not move under them).
 * Jobs survive restarts and are claimed with {@code skip locked}: any number of replicas share the work, a killed run
 * goes on where it stopped.
 */
@ApplicationScoped
public class Notices {
    private static final Logger LOG = Logger.getLogger(Notices.class);

    @Inject
    EventStore store;

    @Inject
    NoticePdf pdf;

    @Inject
    NoticeVault vault;

    @Inject
    PersonKeys keys;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry meters;

    @Inject
    de.auseinerhand.servicekit.reference.District district;

    @ConfigProperty(name = "aeh.notices.worker.enabled", defaultValue = "true")
    boolean workerEnabled;

    /** Worker threads per instance (each renders on one core; more instances add more). */
    @ConfigProperty(name = "aeh.notices.worker.threads", defaultValue = "1")
    int workerThreads;

    @ConfigProperty(name = "aeh.notices.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "aeh.notices.office.name", defaultValue = "Jobcenter Hochsauerlandkreis")
    String officeName;

    @ConfigProperty(name = "aeh.notices.office.street", defaultValue = "Steinstraße 27")
    String officeStreet;

    @ConfigProperty(name = "aeh.notices.office.city", defaultValue = "59872 Meschede")
    String officeCity;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private final List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The job the current thread works on (for recording its failure after a rollback). */
    private final ThreadLocal<UUID> current = new ThreadLocal<>();

    public static String stream(String caseId) {
        return "benefit-notices-" + caseId;
    }

    /** The notice of an event: the same id however often its job runs. */
    public static UUID noticeIdOf(UUID sourceEventId) {
        return UUID.nameUUIDFromBytes(("aeh-notice:" + sourceEventId).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ enqueue (in the decision's transaction)

    /** Leaves a job for every appended event that needs a notice; {@code hearingOn} is the hearing of a reduction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String caseId, List<StoredEvent> appended, LocalDate hearingOn) {
        boolean any = false;
        Instant now = Instant.now(clock);
        for (StoredEvent e : appended) {
            if (NoticeComposer.kindOf(e.data()) == null) {
                continue;
            }
            NoticeJob job = new NoticeJob();
            job.sourceEventId = e.envelope().id();
            job.caseId = caseId;
            job.streamVersion = e.envelope().streamversion();
            job.hearingOn = e.data() instanceof BenefitReductionImposed ? hearingOn : null;
            job.enqueuedAt = now;
            job.notBefore = now;
            job.persist();
            any = true;
        }
        if (any) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        wakeUps.release();
                    }
                }
            });
        }
    }

    // ------------------------------------------------------------------ the worker

    void onStart(@Observes StartupEvent ev) {
        if (!workerEnabled) {
            return;
        }
        running = true;
        for (int i = 0; i < Math.max(1, workerThreads); i++) {
            Thread t = new Thread(this::run, "notice-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        running = false;
        for (Thread t : workers) {
            t.interrupt();
        }
        for (Thread t : workers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        while (running) {
            try {
                if (drain() == 0) {
                    // jobs of other replicas and retries come due without a wake-up: look again within a second
                    wakeUps.tryAcquire(1, TimeUnit.SECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(e, "notice worker: a round failed; trying again");
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Issues due notices until none is left; returns how many jobs it took. */
    public int drain() {
        int done = 0;
        // without worker threads (aeh.notices.worker.enabled=false) a caller drains the queue itself
        while (running || workers.isEmpty()) {
            current.remove();
            boolean took;
            try {
                took = QuarkusTransaction.requiringNew().call(this::processOne);
            } catch (RuntimeException e) {
                UUID failed = current.get();
                if (failed == null) {
                    throw e;
                }
                QuarkusTransaction.requiringNew().run(() -> failed(failed, e));
                took = true;
            }
            if (!took) {
                return done;
            }
            done++;
        }
        return done;
    }

    private boolean processOne() {
        @SuppressWarnings("unchecked")
        List<UUID> due = NoticeJob.getEntityManager().createNativeQuery(
                "select source_event_id from notice_job where status = 'PENDING' and not_before <= ?1 "
                        + "order by not_before limit 1 for update skip locked", UUID.class)
                .setParameter(1, Instant.now(clock)).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        current.set(due.get(0));
        NoticeJob job = NoticeJob.findById(due.get(0));
        long t0 = System.nanoTime();
        String withheld = issue(job);
        meters.timer("aeh.notices.issue").record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        if (withheld == null) {
            job.delete();
            meters.counter("aeh.notices.issued").increment();
        } else {
            job.status = NoticeJob.WITHHELD;
            job.lastError = withheld;
            meters.counter("aeh.notices.withheld").increment();
            LOG.infof("notice for event %s of case %s withheld: %s", job.sourceEventId, job.caseId, withheld);
        }
        return true;
    }

    private void failed(UUID jobId, RuntimeException e) {
        NoticeJob job = NoticeJob.findById(jobId);
        if (job == null) {
            return;
        }
        job.attempts++;
        job.lastError = String.valueOf(e).substring(0, Math.min(2_000, String.valueOf(e).length()));
        if (job.attempts >= maxAttempts) {
            job.status = NoticeJob.FAILED;
            meters.counter("aeh.notices.failed").increment();
            LOG.errorf(e, "notice for event %s of case %s failed %d times; given up (notice_job keeps the reason)", jobId, job.caseId, job.attempts);
        } else {
            job.notBefore = Instant.now(clock).plus(Duration.ofSeconds(1L << Math.min(job.attempts, 10)));
            LOG.warnf(e, "notice for event %s of case %s failed (attempt %d); trying again", jobId, job.caseId, job.attempts);
        }
    }

    // ------------------------------------------------------------------ issuing one notice

    /** Renders, stores and announces the notice of a job; returns why it was withheld, or null when issued. */
    String issue(NoticeJob job) {
        UUID noticeId = noticeIdOf(job.sourceEventId);
        if (BenefitNotice.findById(noticeId) != null) {
            return null;
        }
        List<StoredEvent> events = store.readStream(DecisionService.stream(job.caseId));
        StoredEvent source = null;
        List<StoredEvent> earlier = new ArrayList<>();
        for (StoredEvent e : events) {
            if (e.envelope().id().equals(job.sourceEventId)) {
                source = e;
                break;
            }
            earlier.add(e);
        }
        if (source == null) {
            throw new IllegalStateException("event " + job.sourceEventId + " is not in the benefit stream of " + job.caseId);
        }
        EventData data = source.data();
        LocalDate issuedOn = LocalDate.ofInstant(Instant.now(clock), NoticeComposer.BERLIN);
        List<JsonNode> sheets = sheetsOf(data, job);

        List<KnownPerson> known = KnownPerson.list("caseId = ?1 order by joinedOn, personId", job.caseId);
        Map<UUID, KnownPerson> byId = new LinkedHashMap<>();
        Set<UUID> currentMembers = new LinkedHashSet<>();
        UUID addressee = null;
        for (KnownPerson p : known) {
            byId.put(p.personId, p);
            boolean present = p.leftOn == null || p.leftOn.isAfter(issuedOn);
            if (present) {
                currentMembers.add(p.personId);
                if (addressee == null && "HEAD".equals(p.role)) {
                    addressee = p.personId;
                }
            }
        }
        if (addressee == null) {
            addressee = known.stream().filter(p -> "HEAD".equals(p.role)).map(p -> p.personId).findFirst()
                    .orElse(known.isEmpty() ? null : known.get(0).personId);
        }
        if (addressee == null) {
            return "the case has no member known to benefit-calculation";
        }
        Set<UUID> named = NoticeComposer.personsNamed(data, sheets, addressee, currentMembers);
        Map<UUID, EncryptedPii> sealedData = new LinkedHashMap<>();
        for (UUID id : named) {
            KnownPerson p = byId.get(id);
            if (p != null && !p.erased && p.pii() != null) {
                sealedData.put(id, p.pii());
            }
        }
        Map<UUID, NoticePersonData> opened = keys.decryptAll(sealedData, NoticePersonData.class);
        if (!opened.containsKey(addressee)) {
            return "the addressee's personal data is erased or was never registered";
        }
        Map<UUID, NoticeComposer.Person> persons = new LinkedHashMap<>();
        for (UUID id : named) {
            KnownPerson p = byId.get(id);
            NoticePersonData d = opened.get(id);
            persons.put(id, new NoticeComposer.Person(id, p == null ? null : p.role, d == null ? null : d.firstName(),
                    d == null ? null : d.lastName(), d == null ? null : d.birthDate(), d == null ? null : d.address(), d == null));
        }
        BigDecimal reductionAmount = data instanceof BenefitReductionImposed r ? reductionOf(job.caseId, r) : null;
        NoticeModel model = NoticeComposer.compose(new NoticeComposer.Input(noticeId, job.caseId, issuedOn, source, earlier, sheets,
                persons, addressee, job.hearingOn, reductionAmount, new NoticeModel.Office(officeName, officeStreet, officeCity,
                        handledBy(source.envelope().municipality())), benefitNameOn(job.caseId, data)));
        long r0 = System.nanoTime();
        byte[] document = pdf.render(model);
        meters.timer("aeh.notices.render").record(System.nanoTime() - r0, TimeUnit.NANOSECONDS);
        // the parts of the notice's key go to every named person whose data could be opened just now, i.e. who has a key
        NoticeVault.Sealed sealed = vault.seal(noticeId, document, addressee, opened.keySet());

        NoticeKind kind = NoticeComposer.kindOf(data);
        BenefitNotice n = new BenefitNotice();
        n.noticeId = noticeId;
        n.caseId = job.caseId;
        n.kind = kind.name();
        n.sourceEventId = job.sourceEventId;
        n.decisionId = NoticeComposer.decisionOf(data);
        n.addresseeId = addressee;
        n.personIds = sealed.shares().stream().map(NoticeVault.Share::personId).toArray(UUID[]::new);
        n.issuedOn = issuedOn;
        n.issuedAt = Instant.now(clock);
        n.template = NoticePdf.TEMPLATE;
        n.sha256 = sha256Hex(document);
        n.sizeBytes = document.length;
        n.shares = NoticeVault.sharesJson(sealed.shares());
        n.pdf = sealed.ciphertext();
        n.persist();

        String notices = stream(job.caseId);
        store.append(notices, store.currentVersion(notices), List.of(new NewEvent(new NoticeIssued(noticeId, kind, job.sourceEventId,
                n.decisionId, addressee, issuedOn, n.template, n.sha256, n.sizeBytes), job.caseId, source.envelope().municipality())),
                new EventMetadata(source.envelope().actor(), source.envelope().correlationid(), source.envelope().id(), null));
        return null;
    }

    /** "Stadt Meschede für den Hochsauerlandkreis (§ 6 Abs. 2 SGB II)", or null for a municipality the reference data lacks. */
    private String handledBy(String municipality) {
        return district.find(municipality).map(m -> m.name() + " für den kommunalen Träger " + district.name() + " (§ 6 Abs. 2 SGB II)")
                .orElse(null);
    }

    private List<JsonNode> sheetsOf(EventData data, NoticeJob job) {
        UUID decision = data instanceof EntitlementDecided d ? d.decisionId() : data instanceof EntitlementAmended a ? a.decisionId() : null;
        if (decision == null) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper json = de.auseinerhand.events.EventCodec.instance().mapper();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select sheet::text from decision_sheet where decision_id = ? and version = ? order by month")) {
            ps.setObject(1, decision);
            ps.setInt(2, (int) job.streamVersion);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(json.readTree(rs.getString(1)));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("reading the sheets of decision " + decision + " failed", e);
        }
        return out;
    }

    /**
     * The benefit's name in the month a notice without sheets concerns (a termination, a reduction), as the case's latest
     * stored sheet of that month or before names it; "Bürgergeld" before any.
     */
    private String benefitNameOn(String caseId, EventData data) {
        LocalDate on = data instanceof de.auseinerhand.events.benefits.EntitlementTerminated t ? t.effectiveFrom()
                : data instanceof BenefitReductionImposed r ? r.from() : null;
        if (on == null) {
            return "Bürgergeld";
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select sheet->>'benefit' from decision_sheet where case_id = ? and month <= ? order by month desc, version desc limit 1")) {
            ps.setString(1, caseId);
            ps.setString(2, YearMonth.from(on).toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "Bürgergeld";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the benefit name of " + caseId + " failed", e);
        }
    }

    /** The monthly reduction of the person in the latest sheet of the reduction's first month, if one is stored. */
    private BigDecimal reductionOf(String caseId, BenefitReductionImposed r) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select m->>'reduction' from decision_sheet s, jsonb_array_elements(s.sheet->'members') m "
                        + "where s.case_id = ? and s.month = ? and m->>'memberId' = ? order by s.recorded_at desc, s.version desc limit 1")) {
            ps.setString(1, caseId);
            ps.setString(2, YearMonth.from(r.from()).toString());
            ps.setString(3, r.personId().toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    BigDecimal amount = new BigDecimal(rs.getString(1)).setScale(2);
                    return amount.signum() > 0 ? amount : null;
                }
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the reduction of " + caseId + " failed", e);
        }
    }

    // ------------------------------------------------------------------ reading and erasure

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BenefitNotice> list(String caseId) {
        return BenefitNotice.list("caseId = ?1 order by issuedAt, noticeId", caseId);
    }

    /** A notice's PDF: empty when the notice is unknown for the case; {@link Erased} when its data was erased. */
    @Transactional(dontRollbackOn = Erased.class)
    public Optional<byte[]> pdf(String caseId, UUID noticeId) {
        BenefitNotice n = BenefitNotice.findById(noticeId);
        if (n == null || !n.caseId.equals(caseId)) {
            return Optional.empty();
        }
        if (n.pdf == null) {
            throw new Erased(n);
        }
        Optional<byte[]> opened = vault.open(noticeId, n.pdf, NoticeVault.sharesOf(n.shares));
        if (opened.isEmpty()) {
            n.pdf = null;
            n.erasedAt = Instant.now(clock);
            throw new Erased(n);
        }
        if (!sha256Hex(opened.get()).equals(n.sha256)) {
            throw new IllegalStateException("notice " + noticeId + " does not match its SHA-256");
        }
        return opened;
    }

    /** The notice was destroyed with the personal data of a person it names. */
    public static final class Erased extends RuntimeException {
        public final transient BenefitNotice notice;

        Erased(BenefitNotice notice) {
            super("notice " + notice.noticeId + " was erased", null, false, false);
            this.notice = notice;
        }
    }

    /**
     * {@code registry.person-data-erased}: the person's key is gone, so their notices can no longer be opened; their stored
     * PDFs are deleted too (in the consumer's transaction).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(UUID personId) {
        return BenefitNotice.getEntityManager().createNativeQuery(
                "update benefit_notice set pdf = null, erased_at = ?1 where ?2 = any (person_ids) and pdf is not null")
                .setParameter(1, Instant.now(clock)).setParameter(2, personId).executeUpdate();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
