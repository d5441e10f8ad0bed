package dev.tollgate.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {

    @Test
    void migrationsCreateTheJobDeliveryAndExceptionTablesOnceInAFileDatabase(@TempDir Path dir) throws SQLException {
        Database database = TestDatabases.file(dir);
        try {
            assertTrue(Files.exists(dir.resolve("tollgate.mv.db")));
            assertEquals(List.of("1", "2"), column(database, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""));
            assertEquals(List.of("0"), column(database, "SELECT COUNT(*) FROM review_jobs"));
            assertEquals(List.of("0"), column(database, "SELECT COUNT(*) FROM webhook_deliveries"));
            assertEquals(List.of("0"), column(database, "SELECT COUNT(*) FROM exception_register"));
        } finally {
            database.close();
        }
        Database reopened = TestDatabases.file(dir); // migrating again applies nothing and fails nothing
        try {
            assertEquals(List.of("2"), column(reopened, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"));
            assertTrue(reopened.isReachable());
        } finally {
            reopened.close();
        }
    }

    @Test
    void oneWaitingAndOneRunningRowPerPullRequestIsADatabaseRule() throws SQLException {
        Database database = TestDatabases.memory();
        String insert = "INSERT INTO review_jobs (pr_key, repository, pr_number, head_sha, received_at, state, updated_at, %s)"
                + " VALUES ('a/b#1', 'a/b', 1, 'sha', CURRENT_TIMESTAMP, '%s', CURRENT_TIMESTAMP, 'a/b#1')";
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(insert.formatted("waiting_key", "WAITING"));
            statement.executeUpdate(insert.formatted("running_key", "RUNNING"));
            SQLException second = assertThrows(SQLException.class,
                    () -> statement.executeUpdate(insert.formatted("waiting_key", "WAITING")));
            assertTrue(Sql.isUniqueViolation(second), second.getSQLState());
            assertTrue(Sql.isUniqueViolation(assertThrows(SQLException.class,
                    () -> statement.executeUpdate(insert.formatted("running_key", "RUNNING")))));
        }
    }

    @Test
    void anUnreachableDatabaseFailsMigrationWithOneLineAndIsNotReady() {
        Database database = new Database(TestDatabases.UNREACHABLE_URL, null, null);
        StoreException e = assertThrows(StoreException.class, database::migrate);
        assertTrue(e.getMessage().startsWith("cannot open or migrate the database jdbc:h2:tcp://127.0.0.1:1/nowhere: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(database.isReachable());
    }

    @Test
    void defaultsToAnH2FileUnderDataAndTakesCredentialsFromTheEnvironment() {
        assertEquals("jdbc:h2:file:./data/tollgate;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                Database.fromEnvironment(Map.of()).describe());
        assertEquals("jdbc:h2:file:/app/data/tollgate;db_close_delay=10;DB_CLOSE_ON_EXIT=FALSE", Database.fromEnvironment(
                Map.of(Database.URL_VARIABLE, "jdbc:h2:file:/app/data/tollgate;db_close_delay=10")).describe(),
                "the operator's own H2 options stay");
        assertEquals("jdbc:h2:tcp://db/tollgate", new Database("jdbc:h2:tcp://db/tollgate", null, null).describe());
        assertThrows(IllegalArgumentException.class,
                () -> Database.fromEnvironment(Map.of(Database.URL_VARIABLE, "postgres://host/db")));
        assertTrue(Database.fromEnvironment(Map.of(Database.URL_VARIABLE, "jdbc:postgresql://db:5432/tollgate")).isPostgreSql());
    }

    @Test
    void descriptionsHideCredentials() {
        String description = new Database("jdbc:postgresql://bot:s3cret@db:5432/tollgate?password=s3cret&ssl=true", null, null)
                .describe();
        assertFalse(description.contains("s3cret"), description);
        assertTrue(description.contains("db:5432/tollgate"), description);
        assertFalse(new Database("jdbc:h2:file:./x;PASSWORD=hunter2", null, null).describe().contains("hunter2"));
    }

    static List<String> column(Database database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
