package de.auseinerhand.registry;

import de.auseinerhand.testsupport.KafkaTestResource;
import de.auseinerhand.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real components every test of this module shares (one Quarkus boot): a fresh PostgreSQL
 * database, the in-process Kafka broker, and an OIDC issuer whose key signs the test tokens.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestStack {
    private TestStack() {
    }
}
