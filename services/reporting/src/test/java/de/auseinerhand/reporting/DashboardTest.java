package de.auseinerhand.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard is served by reporting itself, with its scripts (no CDN) and the issuer the API trusts. */
@QuarkusTest
class DashboardTest {
    @jakarta.inject.Inject
    java.time.Clock clock;


    @Test
    void pageScriptsAndLoginSettingsAreServed() {
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("src=\"dashboard.js\"")).body(containsString("src=\"oidc.js\""))
                .body(org.hamcrest.Matchers.not(containsString("https://")));
        given().get("/dashboard/dashboard.js").then().statusCode(200).body(containsString("/api/v1/indicators/series"));
        given().get("/dashboard/oidc.js").then().statusCode(200).body(containsString("code_challenge_method"));
        given().get("/api/v1/dashboard-config").then().statusCode(200).body("clientId", equalTo("aeh-dashboard"))
                .body("issuer", endsWith("/realms/quarkus"))
                // the service's day in Europe/Berlin, from its clock (the dashboard's default asOf)
                .body("today", equalTo(java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Berlin"))).toString()));
    }

    @Test
    void thePageForbidsInlineScriptAndFramingAndTheApiIsNeverCached() {
        given().get("/dashboard/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Referrer-Policy", equalTo("no-referrer"));
        // the data goes into the page as text, never as markup
        given().get("/dashboard/dashboard.js").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("innerHTML")));
        given().auth().oauth2(de.auseinerhand.testsupport.TestTokens.analyst()).get("/api/v1/stocks?month=2026-01").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
