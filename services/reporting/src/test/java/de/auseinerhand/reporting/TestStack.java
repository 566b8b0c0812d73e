package de.auseinerhand.reporting;

import de.auseinerhand.testsupport.KafkaTestResource;
import de.auseinerhand.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Real PostgreSQL, the in-process Kafka broker and a token issuer, shared by every test of this module (one boot). */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestStack {
    private TestStack() {
    }
}
