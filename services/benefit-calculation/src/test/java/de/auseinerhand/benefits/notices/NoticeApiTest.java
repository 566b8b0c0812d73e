package de.auseinerhand.benefits.notices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.NoticeIssued;
import de.auseinerhand.events.benefits.NoticeKind;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.IncomeDeclared;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonDataErased;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.servicekit.keys.PersonKeys;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Written decisions through the API: every decision and amendment gets a PDF notice that is read back with PDFBox's text
 * extraction and checked against amounts worked out by hand from the law (single adult, Regelbedarfsstufe 1 of 563 euros
 * under § 20(2) SGB II with the values from 2024, rent 400 and heating 80 under § 22(1)) and against the stored sheet;
 * the download is byte-identical to the SHA-256 in the notice-issued event; other towns get 404; erasing a member's
 * data destroys the notice (410).
 */
@QuarkusTest
class NoticeApiTest {
    static final String MESCHEDE = "05958032";
    static final String CASEWORKER = TestTokens.caseworker("cw-meschede-1", MESCHEDE);
    static final String OTHER_TOWN = TestTokens.caseworker("cw-brilon-1", "05958012");
    static final LocalDate TODAY = TestClock.today();
    static final YearMonth START = YearMonth.from(TODAY);
    static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** The 13th amending act renamed the benefit from 2026-07-01. */
    static final boolean NEW_LAW = !START.atDay(1).isBefore(LocalDate.of(2026, 7, 1));
    static final String BENEFIT = NEW_LAW ? "Grundsicherungsgeld" : "Bürgergeld";

    @Inject
    PersonKeys keys;

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    long version;

    void publish(String caseId, EventData data) {
        TestEvents.publish(data, caseId, MESCHEDE, ++version);
    }

    PersonRegistered member(PersonRole role, YearMonth born, String first, String last, LocalDate birth) {
        UUID id = UUID.randomUUID();
        EncryptedPii pii = keys.encrypt(id, Map.of("firstName", first, "lastName", last, "birthDate", birth.toString(),
                "address", "Ruhrstraße 5, 59872 Meschede"));
        return new PersonRegistered(id, role, born, Sex.FEMALE, role == PersonRole.HEAD, false, START.minusMonths(1).atDay(1), null, pii);
    }

    /** Erika Mustermann alone in Meschede, rent 400 and heating 80 from last month, her account linked; applied today. */
    String singleAdultApplied(PersonRegistered head, String citizen) {
        String caseId = TestEvents.newCaseId(MESCHEDE);
        version = 0;
        publish(caseId, TestEvents.caseOpened(caseId, MESCHEDE, START.minusMonths(1).atDay(1)));
        publish(caseId, head);
        publish(caseId, new de.auseinerhand.events.registry.CitizenLinked(citizen, de.auseinerhand.events.registry.CitizenLinkKind.APPLICATION,
                TODAY));
        publish(caseId, new HousingCostsDeclared(START.minusMonths(1).atDay(1), new BigDecimal("400.00"), new BigDecimal("80.00"),
                BigDecimal.ZERO.setScale(2), 1, null));
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).get("/api/v1/known-cases/{id}", caseId).then().statusCode(200)
                .body("persons", hasSize(1)));
        given().auth().oauth2(CASEWORKER).contentType("application/json").body("{\"receivedOn\": \"" + TODAY + "\"}")
                .post("/api/v1/cases/{id}/benefits/application", caseId).then().statusCode(201);
        return caseId;
    }

    static Response decide(String caseId, boolean provisional) {
        return given().auth().oauth2(CASEWORKER).contentType("application/json").header("If-Match", etag(caseId))
                .body("{\"provisional\": " + provisional + "}").post("/api/v1/cases/{id}/benefits/decisions", caseId);
    }

    static String etag(String caseId) {
        return given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits", caseId).then().statusCode(200).extract().header("ETag");
    }

    /** The texts of the case's notices of {@code kind} once at least {@code count} are issued, each checked against its hash. */
    static List<String> noticeTexts(String caseId, String kind, int count) throws Exception {
        Eventually.assertSoon(() -> assertThat(given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices", caseId).then()
                .statusCode(200).extract().jsonPath().getList("kind")).filteredOn(kind::equals).hasSizeGreaterThanOrEqualTo(count));
        Response listed = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices", caseId);
        List<String> kinds = listed.jsonPath().getList("kind");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).equals(kind)) {
                texts.add(text(download(caseId, listed.jsonPath().getString("[" + i + "].noticeId"), listed.jsonPath().getString("[" + i + "].sha256"))));
            }
        }
        return texts;
    }

    static String noticeText(String caseId, String kind) throws Exception {
        List<String> texts = noticeTexts(caseId, kind, 1);
        return texts.get(texts.size() - 1);
    }

    @Test
    void decisionsAndAmendmentsGetNoticesThatReadBackAsDecided() throws Exception {
        PersonRegistered head = member(PersonRole.HEAD, YearMonth.of(1988, 4), "Erika", "Mustermann", LocalDate.of(1988, 4, 12));
        String citizen = "citizen-" + UUID.randomUUID();
        String caseId = singleAdultApplied(head, citizen);
        Response decided = decide(caseId, false);
        decided.then().statusCode(201);
        String decisionId = decided.jsonPath().getString("decisions[0].decisionId");

        // the notice follows the decision asynchronously; the benefit stream's ETag does not move for it
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices", caseId).then()
                .statusCode(200).body("", hasSize(1)).body("[0].kind", equalTo("DECISION")).body("[0].available", equalTo(true)));
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits", caseId).then().header("ETag", "\"2\"");
        Response listed = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices", caseId);
        String noticeId = listed.jsonPath().getString("[0].noticeId");
        String sha = listed.jsonPath().getString("[0].sha256");
        assertThat(listed.jsonPath().getString("[0].decisionId")).isEqualTo(decisionId);

        byte[] pdf = download(caseId, noticeId, sha);
        String text = text(pdf);
        String from = GERMAN.format(START.atDay(1));
        String to = GERMAN.format(START.plusMonths(11).atEndOfMonth());
        assertThat(text).contains("Bescheid über die Bewilligung von " + BENEFIT, "Erika Mustermann", "Ruhrstraße 5, 59872 Meschede",
                "12.04.1988", caseId, "vom " + from + " bis " + to);
        // by hand: 563 standard need (§ 20(2) S. 1) + 480 housing (§ 22(1)) = 1,043 a month for the whole period
        assertThat(text).contains("Regelbedarf", "§ 20(2) S. 1 SGB II", "563,00 €", "§ 22(1) SGB II", "480,00 €", "1.043,00 €",
                "Vom " + from + " bis " + to + " monatlich", "Rechtsbehelfsbelehrung", "innerhalb eines Monats",
                "Jobcenter Hochsauerlandkreis", "Steinstraße 27", "59872 Meschede",
                "Bearbeitet von: Meschede für den kommunalen Träger Hochsauerlandkreis (§ 6 Abs. 2 SGB II)");
        assertThat(text).doesNotContain("keine aufschiebende Wirkung");
        // and the stored sheet's amounts, as the case worker sees them
        Response sheet = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/decisions/{d}/sheets/{m}", caseId, decisionId,
                START.toString());
        assertThat(text).contains(euro(sheet.jsonPath().getString("totals.payable")), euro(sheet.jsonPath().getString("totals.kdu")));
        assertFontsEmbedded(pdf);

        // the event announces exactly these bytes
        List<NoticeIssued> issued = issued(caseId);
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).sha256()).isEqualTo(sha);
        assertThat(issued.get(0).sizeBytes()).isEqualTo(pdf.length);
        assertThat(issued.get(0).kind()).isEqualTo(NoticeKind.DECISION);
        assertThat(issued.get(0).addresseeId()).isEqualTo(head.personId());

        // the household itself, through its portal: the same bytes; another citizen: nothing
        assertThat(given().auth().oauth2(TestTokens.citizen(citizen)).get("/api/v1/cases/{id}/benefits/notices/{n}", caseId, noticeId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray()).isEqualTo(pdf);
        given().auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID())).get("/api/v1/cases/{id}/benefits/notices/{n}", caseId,
                noticeId).then().statusCode(404);
        // outside the municipality: nothing, not even whether the notice exists
        given().auth().oauth2(OTHER_TOWN).get("/api/v1/cases/{id}/benefits/notices", caseId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OTHER_TOWN).get("/api/v1/cases/{id}/benefits/notices/{n}", caseId, noticeId).then().statusCode(404);
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices/{n}", caseId, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(auditActions(caseId)).contains("list-notices", "read-notice");

        // a wage from next month: benefit-calculation amends the decision by itself, and the household gets an amendment notice
        publish(caseId, new IncomeDeclared(head.personId(), IncomeKind.EMPLOYMENT, START.plusMonths(1), null, new BigDecimal("800.00"),
                new BigDecimal("640.00"), new BigDecimal("160.00")));
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices", caseId).then()
                .statusCode(200).body("", hasSize(2)).body("[1].kind", equalTo("AMENDMENT")));
        Response both = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices", caseId);
        String amendment = text(download(caseId, both.jsonPath().getString("[1].noticeId"), both.jsonPath().getString("[1].sha256")));
        // by hand: 800 gross, 640 net; allowances § 11b(2) 100 basic, (520-100)*20% = 84, (800-520)*30% = 84: 268 free,
        // 372 counts: 1,043 - 372 = 671 from next month
        assertThat(amendment).contains("Änderungsbescheid über " + BENEFIT, "mit Wirkung vom " + GERMAN.format(START.plusMonths(1).atDay(1)),
                "671,00 €", "abzüglich anzurechnendes Einkommen", "-372,00 €", "§ 48 Abs. 1 SGB X", "keine aufschiebende Wirkung");

        // erasure: the data of the addressee is destroyed; so are the notices that name her
        keys.erase(head.personId());
        publish(caseId, new PersonDataErased(head.personId()));
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices/{n}", caseId, noticeId)
                .then().statusCode(410).contentType("application/problem+json"));
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices", caseId).then().statusCode(200)
                .body("[0].available", equalTo(false)).body("[1].available", equalTo(false));
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select count(*) from benefit_notice where case_id = ? and pdf is not null")) {
            ps.setString(1, caseId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("stored PDFs left after erasure").isZero();
            }
        }
    }

    /**
     * Provisional decision, a month paid, the month's actual income of 150 euros known later: by hand 150 - 100 basic
     * allowance = 50, 20 % of it free = 10, 40 counts (§ 11b(2), (3)), so 1,003 instead of 1,043 were due and 40 were paid
     * too much; under the 50-euro threshold it is not reclaimed. The final decision's notice says so, month by month.
     */
    @Test
    void aFinalDecisionsNoticeSettlesWhatWasPaid() throws Exception {
        PersonRegistered head = member(PersonRole.HEAD, YearMonth.of(1988, 4), "Erika", "Mustermann", LocalDate.of(1988, 4, 12));
        String caseId = singleAdultApplied(head, "citizen-" + UUID.randomUUID());
        Response provisional = decide(caseId, true);
        provisional.then().statusCode(201);
        String decisionId = provisional.jsonPath().getString("decisions[0].decisionId");
        assertThat(noticeText(caseId, "PROVISIONAL_DECISION")).contains("Bescheid über die vorläufige Bewilligung von " + BENEFIT,
                "vorläufig bewilligt (§ 41a Abs. 1 SGB II)", "Bewilligungszeitraum beträgt 6 Monate");
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).post("/api/v1/posting-runs/{m}", START.toString()).then().statusCode(202);
        Eventually.assertSoon(() -> given().auth().oauth2(admin).get("/api/v1/posting-runs/{m}", START.toString()).then().statusCode(200)
                .body("status", equalTo("DONE")));
        publish(caseId, new IncomeDeclared(head.personId(), IncomeKind.EMPLOYMENT, START, START, new BigDecimal("150.00"),
                new BigDecimal("150.00"), BigDecimal.ZERO.setScale(2)));
        // two amendments: the month of the income, and back from the next month
        String amendment = noticeTexts(caseId, "AMENDMENT", 2).stream()
                .filter(t -> t.contains("mit Wirkung vom " + GERMAN.format(START.atDay(1)))).findFirst().orElseThrow();
        assertThat(amendment).contains("Bereits gezahlt", START.format(DateTimeFormatter.ofPattern("MM/yyyy")) + " 1.043,00 € 1.003,00 € -40,00 €",
                "40,00 € zu viel gezahlt", "gesonderter Bescheid");
        given().auth().oauth2(CASEWORKER).contentType("application/json").header("If-Match", etag(caseId))
                .post("/api/v1/cases/{id}/benefits/decisions/{d}/final", caseId, decisionId).then().statusCode(201);
        String fin = noticeText(caseId, "FINAL_DECISION");
        assertThat(fin).contains("Bescheid über die abschließende Festsetzung von " + BENEFIT, "abschließend in der unten genannten Höhe festgesetzt",
                "1.003,00 €", START.format(DateTimeFormatter.ofPattern("MM/yyyy")) + " 1.043,00 € 1.003,00 € -40,00 €",
                "40,00 € zu viel gezahlt", "wegen Geringfügigkeit nicht zurückgefordert");
    }

    /**
     * A refused reasonable job offer on the first of this month, heard today: the law in force on that day decides (up to
     * 2026-06 the first breach costs 10 % of the standard need for three months, § 31a(1); from 2026-07 the standard need is
     * withdrawn, 100 %); housing costs are never reduced; the notice names the hearing and that an objection does not stop it.
     */
    @Test
    void aReductionsNoticeNamesTheGroundTheHearingAndTheLaw() throws Exception {
        PersonRegistered head = member(PersonRole.HEAD, YearMonth.of(1988, 4), "Erika", "Mustermann", LocalDate.of(1988, 4, 12));
        String caseId = singleAdultApplied(head, "citizen-" + UUID.randomUUID());
        decide(caseId, false).then().statusCode(201);
        UUID breach = UUID.randomUUID();
        publish(caseId, new de.auseinerhand.events.placement.BreachOfDutyRecorded(breach, head.personId(),
                de.auseinerhand.events.placement.BreachKind.REFUSED_REASONABLE_OFFER, START.atDay(1), "reasonable offer refused", null, null));
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).contentType("application/json").header("If-Match", etag(caseId))
                .body("{\"breachId\": \"" + breach + "\", \"hearingOn\": \"" + TODAY + "\"}").post("/api/v1/cases/{id}/benefits/reductions", caseId)
                .then().statusCode(200));
        String text = noticeText(caseId, "REDUCTION");
        assertThat(text).contains("Bescheid über die Minderung des " + BENEFIT + "es", "Erika Mustermann",
                "um " + (NEW_LAW ? 100 : 10) + " Prozent des maßgebenden Regelbedarfs gemindert",
                "vom " + GERMAN.format(START.plusMonths(1).atDay(1)),
                "am " + GERMAN.format(TODAY) + " Gelegenheit, sich zu den Tatsachen zu äußern (§ 24 Abs. 1 SGB X)",
                GERMAN.format(START.atDay(1)), "Unterkunft und Heizung werden nicht gemindert", "keine aufschiebende Wirkung (§ 39 Nr. 1 SGB II)");
        assertThat(text).contains(NEW_LAW ? "§ 31a Abs. 7 SGB II" : "§ 31a Abs. 1 SGB II");
    }

    /** A stored notice whose bytes survive but one of whose persons' keys is gone cannot be opened (crypto-shredding). */
    @Test
    void aNoticeCannotBeOpenedOnceAnyPersonItNamesIsErased() {
        PersonRegistered a = member(PersonRole.HEAD, YearMonth.of(1980, 1), "Anna", "A", LocalDate.of(1980, 1, 2));
        PersonRegistered b = member(PersonRole.PARTNER, YearMonth.of(1981, 1), "Bert", "B", LocalDate.of(1981, 1, 3));
        UUID noticeId = UUID.randomUUID();
        byte[] document = "%PDF-1.7 a notice".getBytes();
        NoticeVault.Sealed sealed = vaultSeal(noticeId, document, a.personId(), List.of(a.personId(), b.personId()));
        assertThat(sealed.shares()).extracting(NoticeVault.Share::personId).containsExactly(a.personId(), b.personId());
        assertThat(vault.open(noticeId, sealed.ciphertext(), sealed.shares())).hasValue(document);
        // bound to its notice id: the ciphertext of one notice does not pass for another
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.open(UUID.randomUUID(), sealed.ciphertext(), sealed.shares()))
                .isInstanceOf(IllegalStateException.class);
        keys.erase(b.personId());
        assertThat(vault.open(noticeId, sealed.ciphertext(), sealed.shares())).isEmpty();
    }

    @Inject
    NoticeVault vault;

    NoticeVault.Sealed vaultSeal(UUID noticeId, byte[] document, UUID addressee, List<UUID> persons) {
        return vault.seal(noticeId, document, addressee, persons);
    }

    static String euro(String amount) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.GERMANY))
                .format(new BigDecimal(amount)) + " €";
    }

    static byte[] download(String caseId, String noticeId, String sha) throws Exception {
        Response r = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/{id}/benefits/notices/{n}", caseId, noticeId);
        r.then().statusCode(200).contentType("application/pdf");
        byte[] pdf = r.asByteArray();
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(actual).isEqualTo(sha);
        assertThat(r.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(r.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)) + ":");
        return pdf;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // lines wrap where the layout wants: compare with single spaces
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    static void assertFontsEmbedded(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int fonts = 0;
            for (var page : doc.getPages()) {
                PDResources res = page.getResources();
                for (var name : res.getFontNames()) {
                    PDFont font = res.getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }

    List<NoticeIssued> issued(String caseId) {
        List<NoticeIssued> out = new ArrayList<>();
        for (StoredEvent e : store.readStream(Notices.stream(caseId))) {
            out.add((NoticeIssued) e.data());
        }
        return out;
    }

    List<String> auditActions(String caseId) {
        return de.auseinerhand.testsupport.TestAudit.actions(dataSource, caseId);
    }
}
