package dev.tollgate.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffPatchTest {

    @Test
    void addedAndContextLinesOfEveryHunkAreCommentable() {
        String patch = String.join("\n",
                "@@ -1,4 +1,5 @@ resource \"aws_s3_bucket\" \"b\" {",
                " resource \"aws_s3_bucket\" \"b\" {",
                "-  acl = \"private\"",
                "+  acl = \"public-read\"",
                "+  force_destroy = true",
                "   bucket = \"x\"",
                " }",
                "@@ -20,3 +21,2 @@",
                " a",
                "-b",
                " c");
        DiffPatch diff = DiffPatch.parse(patch);
        assertEquals(Set.of(1, 2, 3, 4, 5, 21, 22), diff.commentableLines());
        assertEquals(Set.of(2, 3), diff.addedLines());
    }

    @Test
    void noNewlineMarkerAndCrlfDoNotShiftLines() {
        String patch = "@@ -1,2 +1,2 @@\r\n a\r\n-b\r\n\\ No newline at end of file\r\n+c\r\n\\ No newline at end of file\r\n";
        DiffPatch diff = DiffPatch.parse(patch);
        assertEquals(Set.of(1, 2), diff.commentableLines());
        assertEquals(Set.of(2), diff.addedLines());
    }

    @Test
    void newFileWithoutCountsAndEmptyContextLine() {
        assertEquals(Set.of(1), DiffPatch.parse("@@ -0,0 +1 @@\n+only line").addedLines());
        assertEquals(Set.of(1, 2, 3), DiffPatch.parse("@@ -1,3 +1,3 @@\n a\n\n c\n").commentableLines());
    }

    @Test
    void gitHeadersBetweenFilesAreNotLines() {
        String diff = "diff --git a/x.tf b/x.tf\n--- a/x.tf\n+++ b/x.tf\n@@ -1 +1 @@\n-a\n+b\n"
                + "diff --git a/y.tf b/y.tf\n+++ b/y.tf\n";
        assertEquals(Set.of(1), DiffPatch.parse(diff).commentableLines());
    }

    @Test
    void missingPatchMeansNoCommentableLines() {
        assertTrue(DiffPatch.parse(null).commentableLines().isEmpty());
        assertTrue(DiffPatch.parse("").commentableLines().isEmpty());
        assertTrue(DiffPatch.parse("Binary files differ").commentableLines().isEmpty());
    }

    @Test
    void malformedHeadersAreRejected() {
        assertNull(DiffPatch.parseHunkHeader("@@ -x +1 @@"));
        assertNull(DiffPatch.parseHunkHeader("@@ -1 +99999999999999999999 @@"));
        assertArrayEquals(new int[] {3, 1, 4, 7}, DiffPatch.parseHunkHeader("@@ -3 +4,7 @@ ctx"));
        assertTrue(DiffPatch.parse("@@ -1 +1,junk @@\n+a\n").commentableLines().isEmpty());
    }

    @Test
    void hostileHugePatchIsBounded() {
        String patch = "@@ -1,1 +1,999999999 @@\n" + "+x\n".repeat(3_000_000);
        DiffPatch diff = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DiffPatch.parse(patch));
        assertEquals(DiffPatch.MAX_RECORDED_LINES, diff.commentableLines().size());
        assertEquals(1, diff.commentableLines().first());
    }
}
