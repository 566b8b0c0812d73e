package de.auseinerhand.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.placement.BreachKind;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The worklist through the API, fed by the registry's own events and by what benefit-calculation and job-placement published:
 * a decision ending in 20 days (continuation from six weeks before), an unemployed employable member without a profile after
 * four weeks (overdue) and without a plan, a recorded breach to decide within six months (§ 31b), a plan review in a week.
 * The case worker sees their assigned cases only, sorted by due date, filtered and keyset-paged; a colleague sees none of
 * it; the team lead sees the caseload; items go when the work is done.
 */
@QuarkusTest
class WorklistApiTest {
    static final String MESCHEDE = "05958032";
    static final LocalDate TODAY = TestClock.today();

    static JsonPath worklist(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/worklist" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCaseWorkersDayAcrossBenefitsAndPlacement() {
        String me = "cw-wl-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.caseworker(me, MESCHEDE);
        String colleague = TestTokens.caseworker("cw-wl-other-" + UUID.randomUUID().toString().substring(0, 8), MESCHEDE);
        String teamLead = TestTokens.token("tl-" + me, Set.of("team-lead"), List.of(MESCHEDE));
        String otherTownLead = TestTokens.token("tl-brilon-" + me, Set.of("team-lead"), List.of("05958012"));

        Api.Case c = Api.open(token, MESCHEDE, TODAY.minusMonths(13).toString());
        String[] head = Api.register(token, c, Api.person("HEAD", "Erika", "Muster", "1986-02-11", "FEMALE", true));
        UUID erika = UUID.fromString(head[0]);
        String etag = head[1];
        etag = Api.command(token, "/api/v1/cases/{id}/caseworkers", etag,
                Map.of("caseworkerId", me, "function", "PLACEMENT", "effectiveFrom", TODAY.minusMonths(13).toString()), c.id())
                .then().statusCode(200).extract().header("ETag");
        LocalDate unemployed = TODAY.minusDays(40);
        Api.command(token, "/api/v1/cases/{id}/persons/{p}/unemployment/start", etag, Map.of("date", unemployed.toString()), c.id(), erika)
                .then().statusCode(200);

        LocalDate end = TODAY.plusDays(20);
        TestEvents.publish(new EntitlementDecided(UUID.randomUUID(), new Period(end.minusYears(1).plusDays(1), end), false, "2026-07", List.of(),
                new BigDecimal("1043.00"), new BigDecimal("563.00"), new BigDecimal("480.00"), null, null, null), c.id(), MESCHEDE, 1);
        UUID breach = UUID.randomUUID();
        TestEvents.publish(new BreachOfDutyRecorded(breach, erika, BreachKind.MISSED_APPOINTMENT, TODAY.minusDays(10), null, null, null, null),
                c.id(), MESCHEDE, 1);

        Eventually.assertSoon(() -> assertThat(worklist(token, "").getList("items.kind"))
                .containsExactlyInAnyOrder("CONTINUATION_DUE", "PROFILE_MISSING", "PLAN_MISSING", "REDUCTION_DECISION_DUE"));
        JsonPath page = worklist(token, "");
        assertThat(page.getString("caseworker")).isEqualTo(me);
        List<String> due = page.getList("items.dueOn");
        assertThat(due).isSortedAccordingTo(String::compareTo);
        // by hand: profile within 4 weeks of unemployment 40 days ago: overdue; continuation due on the decision's last day
        assertThat(page.getString("items.find { it.kind == 'PROFILE_MISSING' }.dueOn")).isEqualTo(unemployed.plusDays(28).toString());
        assertThat(page.getBoolean("items.find { it.kind == 'PROFILE_MISSING' }.overdue")).isTrue();
        assertThat(page.getString("items.find { it.kind == 'CONTINUATION_DUE' }.dueOn")).isEqualTo(end.toString());
        assertThat(page.getString("items.find { it.kind == 'REDUCTION_DECISION_DUE' }.dueOn")).isEqualTo(TODAY.minusDays(10).plusMonths(6).toString());
        assertThat(page.getString("items.find { it.kind == 'REDUCTION_DECISION_DUE' }.detail")).contains("§ 31b Abs. 1 SGB II");
        assertThat(page.getString("items[0].fileHref")).isEqualTo("/api/v1/cases/" + c.id() + "/file");

        // filters and pages
        assertThat(worklist(token, "?function=BENEFITS").getList("items.kind")).containsExactlyInAnyOrder("CONTINUATION_DUE", "REDUCTION_DECISION_DUE");
        assertThat(worklist(token, "?kind=PROFILE_MISSING&kind=PLAN_MISSING").getList("items.kind")).containsExactlyInAnyOrder("PROFILE_MISSING", "PLAN_MISSING");
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath p = worklist(token, "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(p.getList("items.kind"));
            cursor = p.getString("nextCursor");
        } while (cursor != null);
        assertThat(walked).isEqualTo(page.getList("items.kind"));

        // a colleague's own list does not show them; the team lead sees the case and the caseload; another town sees nothing
        assertThat(worklist(colleague, "").getList("items.caseId")).doesNotContain(c.id());
        JsonPath team = worklist(teamLead, "?caseworker=" + me);
        assertThat(team.getList("items.caseId")).contains(c.id());
        JsonPath teamAll = worklist(teamLead, "");
        assertThat(teamAll.getInt("caseloads.find { it.caseworkerId == '" + me + "' }.elb25AndOver")).isEqualTo(1);
        assertThat(teamAll.getInt("caseloads.find { it.caseworkerId == '" + me + "' }.cases")).isEqualTo(1);
        assertThat(worklist(otherTownLead, "").getList("items.caseId")).doesNotContain(c.id());

        // the work is done: a profile and a plan (review in a week) are recorded
        TestEvents.publish(new ClientProfileRecorded(erika, List.of("Bürokauffrau"), List.of("71302"), 30, null, null, null, null, null, null, null),
                c.id(), MESCHEDE, 2);
        TestEvents.publish(new CooperationPlanAgreed(UUID.randomUUID(), erika, List.of(), List.of(), TODAY.plusDays(7), List.of(), TODAY, null, null),
                c.id(), MESCHEDE, 3);
        Eventually.assertSoon(() -> assertThat(worklist(token, "").getList("items.kind"))
                .containsExactlyInAnyOrder("CONTINUATION_DUE", "REDUCTION_DECISION_DUE", "PLAN_REVIEW_DUE"));

        // a four-eyes request waits for the team lead (due in two days), and leaves the list once decided
        UUID approval = UUID.randomUUID();
        TestEvents.publish(new de.auseinerhand.events.benefits.ApprovalRequested(approval, "DECISION", "monthly total 2,612.40 above 2,500.00",
                TODAY), c.id(), MESCHEDE, 1);
        Eventually.assertSoon(() -> assertThat(worklist(teamLead, "?kind=FOUR_EYES_PENDING").getList("items.caseId")).contains(c.id()));
        assertThat(worklist(teamLead, "?kind=FOUR_EYES_PENDING").getString("items.find { it.caseId == '" + c.id() + "' }.dueOn"))
                .isEqualTo(TODAY.plusDays(2).toString());
        TestEvents.publish(new de.auseinerhand.events.benefits.ApprovalDecided(approval, "APPROVED", TODAY), c.id(), MESCHEDE, 2);
        Eventually.assertSoon(() -> assertThat(worklist(teamLead, "?kind=FOUR_EYES_PENDING").getList("items.caseId")).doesNotContain(c.id()));

        // bad input: a clear problem naming the field
        given().auth().oauth2(token).get("/api/v1/worklist?kind=SOMETHING").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(token).get("/api/v1/worklist?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).get("/api/v1/worklist?cursor=abc").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(token).get("/api/v1/worklist?municipality=05958012").then().statusCode(400).body("errors[0].field", equalTo("municipality"));
        given().auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID())).get("/api/v1/worklist").then().statusCode(403);
    }
}
