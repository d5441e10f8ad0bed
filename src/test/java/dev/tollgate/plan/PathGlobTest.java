package dev.tollgate.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathGlobTest {

    @Test
    void anchoredPatterns() {
        PathGlob glob = PathGlob.compile("modules/*/examples/**");
        assertTrue(glob.matches("modules/s3/examples/main.tf"));
        assertTrue(glob.matches("./modules/s3/examples/a/b/c.tf"));
        assertFalse(glob.matches("modules/s3/x/examples/main.tf"));
        assertFalse(glob.matches("other/modules/s3/examples/main.tf"));
        assertTrue(PathGlob.compile("/main.tf").matches("main.tf"));
        assertFalse(PathGlob.compile("/main.tf").matches("sub/main.tf"));
    }

    @Test
    void bareNamesMatchAtAnyDepthAndCoverDirectories() {
        assertTrue(PathGlob.compile("*.md").matches("a/b/README.md"));
        assertTrue(PathGlob.compile("test?").matches("x/test1/main.tf"));
        assertFalse(PathGlob.compile("test?").matches("x/test12/main.tf"));
        assertTrue(PathGlob.compile("**/fixtures/**").matches("a/fixtures/b.tf"));
    }

    @Test
    void rejectsEmptyAndHugePatternsAndStaysFastOnNastyOnes() {
        assertThrows(IllegalArgumentException.class, () -> PathGlob.compile(" "));
        assertThrows(IllegalArgumentException.class, () -> PathGlob.compile("a".repeat(300)));
        PathGlob nasty = PathGlob.compile("**/" + "*a".repeat(60) + "b/**/" + "**/".repeat(20) + "x");
        String path = ("a".repeat(200) + "/").repeat(20) + "c";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(nasty.matches(path)));
    }
}
