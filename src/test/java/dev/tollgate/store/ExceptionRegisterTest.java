package dev.tollgate.store;

import dev.tollgate.exception.RegisteredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExceptionRegisterTest {

    static final LocalDate TODAY = LocalDate.of(2030, 1, 10);
    final TestDatabases.MutableClock clock = new TestDatabases.MutableClock(Instant.parse("2030-01-10T10:00:00Z"));

    static RegisteredException entry(String fingerprint, String expires) {
        return new RegisteredException(fingerprint, "@acme/platform", expires, "legacy export", "octocat");
    }

    @Test
    void activeEntriesArePerRepositoryAndEndAfterTheirLastDay() {
        ExceptionRegister register = new ExceptionRegister(TestDatabases.memory(), clock);
        RegisteredException bucket = entry("TG-AWS-S3-002:infra/s3.tf:aws_s3_bucket.data", "2030-01-10");
        RegisteredException group = entry("TG-AWS-EC2-001:infra/ec2.tf:aws_security_group.web", "2030-02-01");
        assertTrue(register.add("acme/infra", 11, bucket));
        assertTrue(register.add("acme/infra", 12, group));
        assertTrue(register.add("acme/other", 13, entry("TG-X:a.tf:b", "2030-02-01")));

        assertEquals(List.of(bucket, group), register.active("acme/infra", TODAY), "expiring today still holds today");
        assertEquals(List.of(group), register.active("acme/infra", TODAY.plusDays(1)));
        assertEquals(List.of(), register.active("acme/nothing", TODAY));
    }

    @Test
    void theSameReplyIsRecordedOnceButCanCoverSeveralFindings() {
        ExceptionRegister register = new ExceptionRegister(TestDatabases.memory(), clock);
        assertTrue(register.add("acme/infra", 11, entry("TG-A:f.tf:r", "2030-02-01")));
        assertTrue(register.add("acme/infra", 11, entry("TG-B:f.tf:r", "2030-02-01")));
        assertFalse(register.add("acme/infra", 11, entry("TG-A:f.tf:r", "2030-02-01")), "a redelivery");
        assertEquals(2, register.active("acme/infra", TODAY).size());
    }

    @Test
    void entriesSurviveARestartAndBadEntriesAreRefused(@TempDir Path dir) {
        Database before = TestDatabases.file(dir);
        new ExceptionRegister(before, clock).add("acme/infra", 11, entry("TG-A:f.tf:r", "2030-02-01"));
        before.close();
        Database after = TestDatabases.file(dir);
        try {
            ExceptionRegister register = new ExceptionRegister(after, clock);
            assertEquals(List.of(entry("TG-A:f.tf:r", "2030-02-01")), register.active("acme/infra", TODAY));
            assertThrows(IllegalArgumentException.class, () -> register.add("acme/infra", 12,
                    new RegisteredException("TG-A:f.tf:r", "@a", "2030-02-01", " ", "octocat")));
            assertThrows(IllegalArgumentException.class, () -> register.add("acme/infra", 12,
                    new RegisteredException("TG-A:f.tf:r", "@a", "2030-02-01", "r".repeat(4097), "octocat")));
            assertThrows(RuntimeException.class, () -> register.add("acme/infra", 12, entry("TG-A:f.tf:r", "soon")));
        } finally {
            after.close();
        }
    }
}
