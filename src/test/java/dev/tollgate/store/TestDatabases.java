package dev.tollgate.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** Migrated H2 databases for tests: private in-memory ones, and files in a test's temporary directory. */
public final class TestDatabases {

    /** Nothing listens on port 1: the connection is refused at once. */
    public static final String UNREACHABLE_URL = "jdbc:h2:tcp://127.0.0.1:1/nowhere";

    private TestDatabases() {
    }

    public static String memoryUrl() {
        return "jdbc:h2:mem:tollgate-" + UUID.randomUUID();
    }

    public static Database memory() {
        return new Database(memoryUrl(), null, null).migrate();
    }

    /** The same file database each time for the same directory, as a restarted process opens it. */
    public static Database file(Path dir) {
        return new Database(fileUrl(dir), null, null).migrate();
    }

    public static String fileUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("tollgate").toAbsolutePath() + ";TRACE_LEVEL_FILE=0";
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
