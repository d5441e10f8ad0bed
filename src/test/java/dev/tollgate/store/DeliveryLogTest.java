package dev.tollgate.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryLogTest {

    final TestDatabases.MutableClock clock = new TestDatabases.MutableClock(Instant.parse("2030-01-10T10:00:00Z"));

    @Test
    void aDeliveryIsRecordedOnceAndForgottenOnRequest() {
        DeliveryLog log = new DeliveryLog(TestDatabases.memory(), clock);
        assertTrue(log.record("d-1"));
        assertFalse(log.record("d-1"));
        assertTrue(log.record("d-2"));
        assertTrue(log.contains("d-1"));

        log.forget("d-1");
        assertFalse(log.contains("d-1"));
        assertTrue(log.record("d-1"), "a forgotten delivery is accepted again");
        assertTrue(log.contains("d-2"), "forgetting one id leaves the others");
    }

    @Test
    void dedupeSurvivesARestart(@TempDir Path dir) {
        Database before = TestDatabases.file(dir);
        assertTrue(new DeliveryLog(before, clock).record("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
        before.close();

        Database after = TestDatabases.file(dir);
        try {
            DeliveryLog log = new DeliveryLog(after, clock);
            assertFalse(log.record("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
            assertTrue(log.record("another"));
        } finally {
            after.close();
        }
    }

    @Test
    void idsOlderThanTheRetentionArePruned() {
        DeliveryLog log = new DeliveryLog(TestDatabases.memory(), clock);
        assertTrue(log.record("old"));
        clock.advance(DeliveryLog.RETENTION.minusHours(2));
        assertTrue(log.record("recent"));
        clock.advance(Duration.ofHours(3)); // "old" is now past the retention, "recent" is not

        assertTrue(log.record("new"), "recording prunes now and then");
        assertFalse(log.contains("old"));
        assertTrue(log.contains("recent"));
        assertEquals(0, log.prune());
    }

    @Test
    void refusesEmptyOrOverlongIds() {
        DeliveryLog log = new DeliveryLog(TestDatabases.memory(), clock);
        assertThrows(IllegalArgumentException.class, () -> log.record(""));
        assertThrows(IllegalArgumentException.class, () -> log.record("x".repeat(DeliveryLog.MAX_ID_LENGTH + 1)));
        assertTrue(log.record("x".repeat(DeliveryLog.MAX_ID_LENGTH)));
    }
}
