package dev.tollgate.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the bot keeps its job queue and delivery log: a JDBC URL from {@code TOLLGATE_DATABASE_URL} (default: an
 * embedded H2 file under {@code ./data}), with {@code TOLLGATE_DATABASE_USER} and {@code TOLLGATE_DATABASE_PASSWORD}
 * when the URL does not carry them. PostgreSQL ({@code jdbc:postgresql://...}) is the choice for several replicas.
 * A connection is opened per unit of work (no pool): the queue does a handful of statements per webhook.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/tollgate";
    public static final String URL_VARIABLE = "TOLLGATE_DATABASE_URL";
    public static final String USER_VARIABLE = "TOLLGATE_DATABASE_USER";
    public static final String PASSWORD_VARIABLE = "TOLLGATE_DATABASE_PASSWORD";
    private static final int VALIDATION_SECONDS = 2;

    private final String url;
    private final String user;
    private final String password;
    private volatile boolean lastReachable = true;

    public Database(String url, String user, String password) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException(URL_VARIABLE + " must be a JDBC URL (jdbc:h2:... or jdbc:postgresql://...)");
        }
        this.url = withEmbeddedH2Options(url);
        this.user = blankToNull(user);
        this.password = blankToNull(password);
    }

    public static Database fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get(URL_VARIABLE));
        return new Database(url == null ? DEFAULT_URL : url.trim(), env.get(USER_VARIABLE), env.get(PASSWORD_VARIABLE));
    }

    /**
     * Opens the database and applies the migrations under {@code db/migration}; throws {@link StoreException} with a
     * one-line reason when it cannot.
     */
    public Database migrate() {
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("database {}: schema version {} ({} migrations applied now)", describe(),
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
            return this;
        } catch (RuntimeException e) {
            throw new StoreException("cannot open or migrate the database " + describe() + ": " + StoreException.firstLine(e), e);
        }
    }

    public Connection connection() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** For {@code /readyz}: a connection opens and answers within a couple of seconds. */
    public boolean isReachable() {
        boolean reachable;
        String reason = null;
        try (Connection connection = connection()) {
            reachable = connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            reachable = false;
            reason = StoreException.firstLine(e);
        }
        if (reachable != lastReachable) {
            lastReachable = reachable;
            if (reachable) {
                LOG.info("database {} is reachable again", describe());
            } else {
                LOG.warn("database {} is unreachable: {}", describe(), reason == null ? "connection not valid" : reason);
            }
        }
        return reachable;
    }

    public boolean isPostgreSql() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials, for logs and error messages. */
    public String describe() {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    /** Shuts an embedded H2 database down cleanly (it was kept open by DB_CLOSE_DELAY); nothing for a server database. */
    @Override
    public void close() {
        if (!isEmbeddedH2(url)) {
            return;
        }
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("database {}: shutdown failed: {}", describe(), StoreException.firstLine(e));
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * For an embedded H2 database, unless the URL says otherwise: DB_CLOSE_DELAY=-1 keeps it open between
     * connections (reopening the file for each is slow), and DB_CLOSE_ON_EXIT=FALSE leaves closing to
     * {@link #close()}, after the workers have finished, instead of H2's own shutdown hook racing them.
     */
    static String withEmbeddedH2Options(String url) {
        if (!isEmbeddedH2(url)) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder options = new StringBuilder(url);
        if (!upper.contains(";DB_CLOSE_DELAY=")) {
            options.append(";DB_CLOSE_DELAY=-1");
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            options.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return options.toString();
    }

    private static boolean isEmbeddedH2(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
