package de.auseinerhand.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives the service under test its own fresh database for this run (see {@link TestDatabase}), with two logins as in
 * production (issue 15 §4): Flyway migrates as the database's owner, the service runs as a login of its own, neither of
 * them a superuser, so the grants of {@code afterMigrate__runtime_login.sql} are what it can do.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create("aeh_test_" + System.getProperty("aeh.test.db-prefix", "svc"));
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.runtimeUser(),
                "quarkus.datasource.password", "",
                "quarkus.flyway.username", database.ownerUser(),
                "quarkus.flyway.password", "trust-authentication-ignores-it");
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
    }
}
