package dev.tollgate.exception;

import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.tollgate.exception.TestFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register (exceptions requested by reply) applied by {@link ExceptionResolver#applyRegister}. */
class RegisteredExceptionsTest {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    final ExceptionResolver resolver = new ExceptionResolver();
    final Finding bucket = finding("TG-AWS-S3-001", "main.tf", 3, "aws_s3_bucket.b", 1, 4);
    final Finding other = finding("TG-AWS-S3-002", "main.tf", 1, "aws_s3_bucket.b", 1, 4);

    static RegisteredException entry(String fingerprint, String expires) {
        return new RegisteredException(fingerprint, "@acme/platform", expires, "legacy", "octocat");
    }

    @Test
    void aValidEntryWaivesExactlyTheFindingWithItsFingerprint() {
        List<Finding> result = resolver.applyRegister(List.of(bucket, other),
                List.of(entry(bucket.fingerprint(), "2027-02-14")), TODAY, 90);
        assertEquals(FindingStatus.EXCEPTED, result.get(0).status());
        assertEquals("excepted by @acme/platform until 2027-02-14 (requested by @octocat in the pull request): legacy",
                result.get(0).statusDetail());
        assertEquals(FindingStatus.OPEN, result.get(1).status(), "same resource, another rule: not waived");
        assertNull(result.get(1).statusDetail());
    }

    @Test
    void anExpiredEntryWaivesNothingAndSaysWhy() {
        Finding result = resolver.applyRegister(List.of(bucket), List.of(entry(bucket.fingerprint(), "2027-01-14")),
                TODAY, 90).get(0);
        assertEquals(FindingStatus.INVALID_EXCEPTION, result.status());
        assertTrue(result.statusDetail().startsWith("the exception requested by @octocat in the pull request no"
                + " longer counts: expires 2027-01-14 is in the past"), result.statusDetail());
        assertTrue(result.isActive());

        Finding lastDay = resolver.applyRegister(List.of(bucket), List.of(entry(bucket.fingerprint(), "2027-01-15")),
                TODAY, 90).get(0);
        assertEquals(FindingStatus.EXCEPTED, lastDay.status(), "the expiry date is the last valid day");
    }

    @Test
    void aShortenedWindowInvalidatesAnEntryBeyondIt() {
        Finding result = resolver.applyRegister(List.of(bucket), List.of(entry(bucket.fingerprint(), "2027-03-31")),
                TODAY, 30).get(0);
        assertEquals(FindingStatus.INVALID_EXCEPTION, result.status());
        assertTrue(result.statusDetail().contains("more than 30 days away"), result.statusDetail());
    }

    @Test
    void aValidEntryOutranksABrokenInlineAnnotationAndAnInlineExceptionIsKept() {
        Finding broken = bucket.withStatus(FindingStatus.INVALID_EXCEPTION, "owner is missing");
        assertEquals(FindingStatus.EXCEPTED, resolver.applyRegister(List.of(broken),
                List.of(entry(bucket.fingerprint(), "2027-02-14")), TODAY, 90).get(0).status());

        Finding inline = bucket.withStatus(FindingStatus.EXCEPTED, "excepted by @a until 2027-02-01: inline");
        assertSame(inline, resolver.applyRegister(List.of(inline), List.of(entry(bucket.fingerprint(), "2027-01-01")),
                TODAY, 90).get(0), "an expired register entry does not spoil a valid inline exception");
    }

    @Test
    void theScannerResultsAndTheRegisterCombine() {
        String text = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl = \"public-read\"\n}\n";
        List<Finding> scanned = resolver.apply(List.of(bucket, other),
                Map.of("main.tf", new dev.tollgate.iac.SourceFile("main.tf", text)), TODAY, 90);
        List<Finding> result = resolver.applyRegister(scanned, List.of(entry(other.fingerprint(), "2027-02-14")),
                TODAY, 90);
        assertEquals(List.of(FindingStatus.OPEN, FindingStatus.EXCEPTED), result.stream().map(Finding::status).toList());
    }
}
