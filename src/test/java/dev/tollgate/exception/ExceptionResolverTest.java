package dev.tollgate.exception;

import dev.tollgate.iac.SourceFile;
import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.tollgate.exception.TestFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExceptionResolverTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 15);
    private static final String RULE = "TG-AWS-S3-001";
    private static final String VALID = "owner=@acme/platform expires=2027-03-31 reason=\"legacy export bucket\"";

    private final ExceptionResolver resolver = new ExceptionResolver();

    /** The file holds one bucket at lines 3..5 whose acl (line 4) is the finding. */
    private Finding resolveBucket(String path, String above, String aclLineSuffix) {
        String text = "terraform {}\n" + above + "\n"
                + "resource \"aws_s3_bucket\" \"b\" {\n"
                + "  acl = \"public-read\"" + aclLineSuffix + "\n"
                + "}\n";
        return resolve(path, text, 3, 4, 5);
    }

    private Finding resolve(String path, String text, int resourceStart, int line, int resourceEnd) {
        Finding f = finding(RULE, path, line, "aws_s3_bucket.b", resourceStart, resourceEnd);
        return resolver.apply(List.of(f), Map.of(path, new SourceFile(path, text)), TODAY, 90).get(0);
    }

    @Test
    void anExceptionNamingAnIdThatIsNoRuleIsReportedNotIgnored() {
        String text = "# tollgate:exception TG-AWS-S3-999 " + VALID + "\nresource \"aws_s3_bucket\" \"b\" {\n"
                + "  acl = \"public-read\"\n}\n";
        Finding f = finding(RULE, "main.tf", 3, "aws_s3_bucket.b", 2, 4);
        Map<String, SourceFile> files = Map.of("main.tf", new SourceFile("main.tf", text));
        Finding judged = new ExceptionResolver(java.util.Set.of(RULE, "TG-AWS-S3-002"))
                .apply(List.of(f), files, TODAY, 90).get(0);
        assertEquals(FindingStatus.INVALID_EXCEPTION, judged.status());
        assertTrue(judged.statusDetail().contains("names TG-AWS-S3-999, which is not a Tollgate rule id"),
                judged.statusDetail());
        Finding other = new ExceptionResolver(java.util.Set.of(RULE, "TG-AWS-S3-999"))
                .apply(List.of(f), files, TODAY, 90).get(0);
        assertEquals(FindingStatus.OPEN, other.status(), "an exception for another real rule leaves this one alone");
    }

    @Test
    void validAnnotationAboveTheResourceExceptsIt() {
        Finding f = resolveBucket("main.tf", "# tollgate:exception " + RULE + " " + VALID, "");
        assertEquals(FindingStatus.EXCEPTED, f.status());
        assertEquals("excepted by @acme/platform until 2027-03-31: legacy export bucket", f.statusDetail());
    }

    @Test
    void annotationOnTheAttributeLineOrInsideTheResourceCounts() {
        assertEquals(FindingStatus.EXCEPTED,
                resolveBucket("main.tf", "", " // tollgate:exception " + RULE + " " + VALID).status());
        String inside = "resource \"aws_s3_bucket\" \"b\" {\n  /* tollgate:exception " + RULE + " " + VALID + " */\n"
                + "  tags = {}\n  acl = \"public-read\"\n}\n";
        assertEquals(FindingStatus.EXCEPTED, resolve("main.tf", inside, 1, 4, 5).status());
    }

    @Test
    void commentBlockAboveMayBeSeparatedByBlankLinesButNotByCode() {
        String blankBetween = "# tollgate:exception " + RULE + " " + VALID + "\n# more words\n\n"
                + "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";
        assertEquals(FindingStatus.EXCEPTED, resolve("main.tf", blankBetween, 4, 5, 6).status());
        String codeBetween = "# tollgate:exception " + RULE + " " + VALID + "\nlocals {}\n"
                + "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";
        assertEquals(FindingStatus.OPEN, resolve("main.tf", codeBetween, 3, 4, 5).status());
    }

    @Test
    void annotationBelowAResourceBelongsToTheNextOne() {
        String text = "resource \"aws_s3_bucket\" \"a\" {\n  acl = \"public-read\"\n}\n"
                + "# tollgate:exception " + RULE + " " + VALID + "\n"
                + "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";
        assertEquals(FindingStatus.OPEN, resolve("main.tf", text, 1, 2, 3).status());
        assertEquals(FindingStatus.EXCEPTED, resolve("main.tf", text, 5, 6, 7).status());
    }

    @Test
    void pastExpiryIsInvalidAndSaysHowToFixIt() {
        Finding f = resolveBucket("main.tf",
                "# tollgate:exception " + RULE + " owner=@acme/platform expires=2026-01-01 reason=\"old\"", "");
        assertEquals(FindingStatus.INVALID_EXCEPTION, f.status());
        assertEquals("exception for TG-AWS-S3-001 at main.tf:2 is invalid: expires 2026-01-01 is in the past; "
                + "set a date within 90 days, e.g. expires=2027-02-14", f.statusDetail());
    }

    @Test
    void expiresIsTheLastValidDay() {
        String today = "# tollgate:exception " + RULE + " owner=@a expires=2027-01-15 reason=x";
        assertEquals(FindingStatus.EXCEPTED, resolveBucket("main.tf", today, "").status());
        String yesterday = "# tollgate:exception " + RULE + " owner=@a expires=2027-01-14 reason=x";
        assertEquals(FindingStatus.INVALID_EXCEPTION, resolveBucket("main.tf", yesterday, "").status());
    }

    @Test
    void expiryBeyondTheWindowIsInvalid() {
        Finding f = resolveBucket("main.tf", "# tollgate:exception " + RULE + " owner=@a expires=2027-04-16 reason=x", "");
        assertEquals(FindingStatus.INVALID_EXCEPTION, f.status());
        assertTrue(f.statusDetail().endsWith("expires 2027-04-16 is more than 90 days away; the latest allowed date "
                + "is 2027-04-15"), f.statusDetail());
        Finding last = resolveBucket("main.tf", "# tollgate:exception " + RULE + " owner=@a expires=2027-04-15 reason=x", "");
        assertEquals(FindingStatus.EXCEPTED, last.status());
    }

    @Test
    void everyMissingFieldIsNamed() {
        Finding f = resolveBucket("main.tf", "# tollgate:exception " + RULE, "");
        assertEquals(FindingStatus.INVALID_EXCEPTION, f.status());
        assertEquals("exception for TG-AWS-S3-001 at main.tf:2 is invalid: "
                + "owner is missing; add owner=@user, owner=@org/team or owner=name@example.com; "
                + "expires is missing; add expires=YYYY-MM-DD no later than 2027-04-15; "
                + "reason is missing; add reason=\"why this is acceptable\"", f.statusDetail());
    }

    @Test
    void badDateBadOwnerUnknownFieldAndUnquotedReasonAreReported() {
        Finding f = resolveBucket("main.tf", "# tollgate:exception " + RULE
                + " owner=acme expires=31/03/2027 reason=legacy export bucket expiry=2027-02-01", "");
        String detail = f.statusDetail();
        assertEquals(FindingStatus.INVALID_EXCEPTION, f.status());
        assertTrue(detail.contains("unexpected text \"export bucket\" after reason=; quote values"), detail);
        assertTrue(detail.contains("owner acme is not @user, @org/team or an email address"), detail);
        assertTrue(detail.contains("expires 31/03/2027 is not a date; write it as YYYY-MM-DD"), detail);
        assertTrue(detail.contains("unknown field expiry="), detail);
    }

    @Test
    void emailOwnerCommaSeparatedIdsAndEscapedQuotesAreAccepted() {
        Finding f = resolveBucket("main.tf", "# tollgate:exception TG-OTHER-1," + RULE
                + " owner=sre@example.com expires=2027-02-01 reason=\"the \\\"legacy\\\" bucket\"", "");
        assertEquals(FindingStatus.EXCEPTED, f.status());
        assertEquals("excepted by sre@example.com until 2027-02-01: the \"legacy\" bucket", f.statusDetail());
    }

    @Test
    void annotationForAnotherRuleIsIgnored() {
        Finding f = resolveBucket("main.tf", "# tollgate:exception TG-AWS-S3-999 owner=@a expires=2020-01-01", "");
        assertEquals(FindingStatus.OPEN, f.status());
        assertNull(f.statusDetail());
    }

    @Test
    void annotationInsideAStringIsNotAComment() {
        Finding f = resolveBucket("main.tf", "", " description = \"# tollgate:exception " + RULE + " " + VALID + "\"");
        assertEquals(FindingStatus.OPEN, f.status());
    }

    @Test
    void yamlUsesHashCommentsOnly() {
        String yaml = "Resources:\n  # tollgate:exception " + RULE + " " + VALID + "\n  Bucket:\n"
                + "    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n";
        assertEquals(FindingStatus.EXCEPTED, resolve("t.yaml", yaml, 3, 6, 6).status());
        String slashes = "Resources:\n  // tollgate:exception " + RULE + " " + VALID + "\n  Bucket:\n"
                + "    Type: AWS::S3::Bucket\n";
        assertEquals(FindingStatus.OPEN, resolve("t.yaml", slashes, 3, 4, 4).status());
        String url = "Resources:\n  Bucket:\n    Url: http://x/#tollgate:exception " + RULE + " " + VALID + "\n";
        assertEquals(FindingStatus.OPEN, resolve("t.yaml", url, 2, 3, 3).status());
    }

    @Test
    void checkovSkipOfAnEquivalentCheckIsAnInvalidException() {
        Finding f = resolveBucket("main.tf", "", "  # checkov:skip=CKV_AWS_20:public website");
        assertEquals(FindingStatus.INVALID_EXCEPTION, f.status());
        assertEquals("checkov:skip=CKV_AWS_20 at main.tf:4 does not waive TG-AWS-S3-001: other scanners' "
                + "suppressions have no owner or expiry; replace it with # tollgate:exception TG-AWS-S3-001 "
                + "owner=@your-team expires=2027-02-14 reason=\"why this is acceptable\"", f.statusDetail());
        assertEquals(FindingStatus.OPEN, resolveBucket("main.tf", "", " #checkov:skip=CKV_AWS_18").status());
    }

    @Test
    void trivyAndTfsecIgnoresMatchTheirEquivalents() {
        assertEquals(FindingStatus.INVALID_EXCEPTION,
                resolveBucket("main.tf", "#trivy:ignore:AVD-AWS-0092", "").status());
        assertEquals(FindingStatus.INVALID_EXCEPTION,
                resolveBucket("main.tf", "#tfsec:ignore:aws-s3-no-public-access-with-acl:exp:2027-01-01", "").status());
        assertEquals(FindingStatus.OPEN, resolveBucket("main.tf", "#tfsec:ignore:aws-s3-enable-versioning", "").status());
    }

    @Test
    void kicsIgnoresApplyToAnyFindingAtThatPlaceAndFileWide() {
        assertEquals(FindingStatus.INVALID_EXCEPTION,
                resolveBucket("main.tf", "# kics-scan ignore-block", "").status());
        String fileWide = "# kics-scan ignore\n\nresource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";
        Finding f = resolve("main.tf", fileWide, 3, 4, 5);
        assertEquals(FindingStatus.INVALID_EXCEPTION, f.status());
        assertTrue(f.statusDetail().startsWith("kics-scan ignore at main.tf:1 does not waive"), f.statusDetail());
    }

    @Test
    void validTollgateExceptionWinsOverAForeignSuppression() {
        Finding f = resolveBucket("main.tf", "# checkov:skip=CKV_AWS_20\n# tollgate:exception " + RULE + " " + VALID, "");
        assertEquals(FindingStatus.EXCEPTED, f.status());
    }

    @Test
    void registerExceptionIsNotUndoneByABrokenInlineOneAndMissingFileLeavesFindingOpen() {
        Finding excepted = finding(RULE, "main.tf", 2, "aws_s3_bucket.b", 1, 3)
                .withStatus(FindingStatus.EXCEPTED, "excepted by @x until 2027-02-01: register");
        String text = "resource \"aws_s3_bucket\" \"b\" { # tollgate:exception " + RULE + "\n  acl = \"x\"\n}\n";
        Finding kept = resolver.apply(List.of(excepted), Map.of("main.tf", new SourceFile("main.tf", text)), TODAY, 90).get(0);
        assertEquals(excepted, kept);
        Finding noFile = resolver.apply(List.of(finding(RULE, "gone.tf", 2, "r", 1, 3)), Map.of(), TODAY, 90).get(0);
        assertEquals(FindingStatus.OPEN, noFile.status());
    }

    @Test
    void hugeLinesAndHugeResourcesStayCheap() {
        String huge = "# tollgate:exception " + RULE + " " + VALID + " " + "x".repeat(10_000);
        assertEquals(FindingStatus.OPEN, resolveBucket("main.tf", huge, "").status());
        StringBuilder big = new StringBuilder("resource \"a\" \"b\" {\n");
        for (int i = 0; i < 200_000; i++) {
            big.append("  a").append(i).append(" = \"tollgate:exception:").append(i).append("\"\n");
        }
        big.append("}\n");
        String text = big.toString();
        List<Finding> many = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> finding(RULE, "big.tf", 2 + i, "a.b", 1, 200_002)).toList();
        List<Finding> out = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                resolver.apply(many, Map.of("big.tf", new SourceFile("big.tf", text)), TODAY, 90));
        assertTrue(out.stream().allMatch(f -> f.status() == FindingStatus.OPEN));
    }
}
