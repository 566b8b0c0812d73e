package de.auseinerhand.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database per test run: on the machine's server at 127.0.0.1:5432 when it answers
 * (user {@code postgres}, trust authentication), otherwise on an embedded PostgreSQL started from
 * Maven Central binaries. The database is dropped when the run ends.
 */
public final class TestDatabase {

    private static EmbeddedPostgres embedded;

    private final String adminUrl;
    private final String name;
    private final String user;

    private TestDatabase(String adminUrl, String name, String user) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.user = user;
    }

    public static TestDatabase create(String prefix) {
        String name = (prefix + "_" + LocalDateTime.now(TestClock.clock()).format(DateTimeFormatter.ofPattern("MMddHHmmss")) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff))).toLowerCase()
                .replaceAll("[^a-z0-9_]", "_");
        String host = System.getProperty("aeh.test.pg.host", "127.0.0.1");
        int port = Integer.getInteger("aeh.test.pg.port", 5432);
        String adminUrl;
        if (reachable(host, port)) {
            adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        } else {
            adminUrl = startEmbedded();
        }
        TestDatabase db = new TestDatabase(adminUrl, name, "postgres");
        // as in production: an owner that is no superuser runs the migrations, the service runs as its own login, and
        // the owner is a member of the service's login (reporting's migrations hand it its projections)
        db.execute("create role " + db.runtimeUser() + " login");
        db.execute("create role " + db.ownerUser() + " login in role " + db.runtimeUser());
        db.execute("create database " + name + " owner " + db.ownerUser());
        return db;
    }

    private static synchronized String startEmbedded() {
        try {
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (Exception ignored) {
                        // the JVM ends anyway
                    }
                }));
            }
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL on 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public String jdbcUrl() {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query > 0 ? adminUrl.substring(query) : "");
    }

    public String user() {
        return user;
    }

    public String name() {
        return name;
    }

    /**
     * A connection to the database behind {@code dataSource} as its administrator, for what a test does that the service's
     * own login may not (fault injection with triggers, switching the database read-only).
     */
    public static Connection administrator(javax.sql.DataSource dataSource) throws java.sql.SQLException {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        return DriverManager.getConnection(url, "postgres", "");
    }

    /** The service's own login (no superuser): what it may do is what the migrations grant it. */
    public String runtimeUser() {
        return name + "_app";
    }

    /** The database's owner (no superuser), which runs the migrations. */
    public String ownerUser() {
        return name + "_owner";
    }

    public void drop() {
        execute("drop database if exists " + name + " with (force)");
        execute("drop role if exists " + ownerUser());
        execute("drop role if exists " + runtimeUser());
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("'" + sql + "' failed on " + adminUrl, e);
        }
    }
}
