package de.auseinerhand.testsupport;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/**
 * Requests to the service's management interface (health, metrics), which is not the public port (issue 15 §3): in tests a
 * random port of its own, published by Quarkus as {@code test.management.url}.
 */
public final class Management {

    private Management() {
    }

    /** The port the management interface of the running test application listens on. */
    public static int port() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
    }

    /** A request to the management interface: {@code Management.given().get("/q/metrics")}. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
