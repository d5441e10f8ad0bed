package dev.tollgate.iac.dockerfile;

import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.iac.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerfileReaderTest {

    private final DockerfileReader reader = new DockerfileReader();

    @Test
    void acceptsDockerfileNames() {
        assertTrue(reader.accepts("Dockerfile"));
        assertTrue(reader.accepts("svc/api/Dockerfile.dev"));
        assertTrue(reader.accepts("build/api.Dockerfile"));
        assertTrue(reader.accepts("Containerfile"));
        assertFalse(reader.accepts("docs/Dockerfile-notes.md"));
        assertFalse(reader.accepts("main.tf"));
        assertFalse(reader.accepts(".dockerignore"));
    }

    @Test
    void joinsContinuationLinesAndSkipsCommentsInside() {
        ParsedFiles parsed = read("""
                FROM alpine:3.20
                # a comment
                RUN apk add --no-cache \\
                # dropped inside the instruction
                    curl \\

                    jq
                USER app
                """);
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        List<Map<String, Object>> runs = instructions(parsed, "RUN");
        assertEquals(1, runs.size());
        assertEquals(3L, runs.get(0).get("line"));
        assertEquals(7L, runs.get(0).get("end_line"));
        assertEquals("apk add --no-cache     curl     jq", runs.get(0).get("command"));
        assertEquals(8L, instructions(parsed, "USER").get(0).get("line"));
        assertEquals(8, resource(parsed, "Dockerfile.USER").startLine());
    }

    @Test
    void honoursTheEscapeDirective() {
        ParsedFiles parsed = read("""
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                RUN dir C:\\ `
                    && echo done
                COPY app C:\\app\\
                """);
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        Map<String, Object> run = instructions(parsed, "RUN").get(0);
        assertEquals(3L, run.get("line"));
        assertEquals(4L, run.get("end_line"));
        assertEquals("dir C:\\     && echo done", run.get("command"));
        Map<String, Object> copy = instructions(parsed, "COPY").get(0);
        assertEquals(5L, copy.get("line"), "a trailing backslash is not a continuation under escape=`");
        assertEquals("C:\\app\\", copy.get("destination"));
    }

    @Test
    void readsHeredocsWithTheirLines() {
        ParsedFiles parsed = read("""
                FROM debian:12
                RUN <<EOF
                set -e
                apt-get update
                EOF
                COPY <<-"CONF" /etc/app.conf
                \tkey=value
                \tCONF
                USER 1000
                """);
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        Map<String, Object> run = instructions(parsed, "RUN").get(0);
        assertEquals(2L, run.get("line"));
        assertEquals(5L, run.get("end_line"));
        assertTrue(((String) run.get("command")).contains("apt-get update"));
        Map<?, ?> heredoc = (Map<?, ?>) ((List<?>) run.get("heredocs")).get(0);
        assertEquals("EOF", heredoc.get("delimiter"));
        assertEquals(3L, heredoc.get("line"));
        Map<String, Object> copy = instructions(parsed, "COPY").get(0);
        assertEquals(8L, copy.get("end_line"));
        assertEquals("key=value\n", ((Map<?, ?>) ((List<?>) copy.get("heredocs")).get(0)).get("body"));
        assertEquals("/etc/app.conf", copy.get("destination"));
        assertEquals(9L, instructions(parsed, "USER").get(0).get("line"));
    }

    @Test
    void execAndShellForms() {
        ParsedFiles parsed = read("""
                FROM alpine:3.20
                CMD ["python", "-m", "http.server"]
                ENTRYPOINT [not json
                """);
        Map<String, Object> cmd = instructions(parsed, "CMD").get(0);
        assertEquals("exec", cmd.get("form"));
        assertEquals(List.of("python", "-m", "http.server"), cmd.get("args"));
        assertEquals("shell", instructions(parsed, "ENTRYPOINT").get(0).get("form"));
    }

    @Test
    void multiStageBuildsStagesAndTheFinalImage() {
        ParsedFiles parsed = read("""
                ARG GO=1.22
                ARG TAG
                FROM golang:${GO} AS Build
                USER builder
                RUN go build ./...

                FROM --platform=$TARGETPLATFORM gcr.io/distroless/static:${TAG} AS runtime
                COPY --from=build /out /app

                FROM build AS test
                RUN go test ./...

                FROM runtime
                USER 65532
                """);
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        List<Map<String, Object>> froms = instructions(parsed, "FROM");
        Map<?, ?> first = (Map<?, ?>) froms.get(0).get("image");
        assertEquals("golang:1.22", first.get("reference"));
        assertEquals("1.22", first.get("tag"));
        assertEquals("Build", froms.get(0).get("stage_name"));
        assertEquals(Unknown.VALUE, froms.get(1).get("image"), "a build arg without default is unknown");
        assertEquals(Boolean.TRUE, ((Map<?, ?>) froms.get(1).get("flags")).containsKey("platform"));
        assertEquals("build", ((Map<?, ?>) froms.get(2).get("image")).get("stage"), "stage names ignore case");
        assertEquals("runtime", ((Map<?, ?>) froms.get(3).get("image")).get("stage"));
        Resource file = resource(parsed, "Dockerfile");
        List<?> stages = (List<?>) file.attributes().get("stages");
        assertEquals(List.of(false, true, false, true),
                stages.stream().map(s -> ((Map<?, ?>) s).get("final_image")).toList());
        assertEquals("65532", file.attributes().get("user"));
        assertEquals(14, file.lines().get("user"));
        assertEquals(13, file.lines().get("final_stage"));
        List<Map<String, Object>> users = instructions(parsed, "USER");
        assertEquals(List.of(false, true), users.stream().map(u -> u.get("effective_user")).toList());
        assertEquals(Map.of("from", "build"), Map.of("from", ((Map<?, ?>) instructions(parsed, "COPY").get(0)
                .get("flags")).get("from")));
    }

    @Test
    void finalImageUserIsInheritedThroughStageReferences() {
        ParsedFiles parsed = read("""
                FROM alpine:3.20 AS base
                USER app
                FROM base
                RUN true
                """);
        assertEquals("app", resource(parsed, "Dockerfile").attributes().get("user"));
        ParsedFiles external = read("""
                FROM alpine:3.20 AS build
                USER app
                FROM alpine:3.20
                """);
        assertFalse(resource(external, "Dockerfile").attributes().containsKey("user"),
                "a USER of a stage the final image is not built on does not count");
    }

    @Test
    void substitutesArgAndEnvWhereDockerDoes() {
        ParsedFiles parsed = read("""
                FROM alpine:3.20
                ARG UID=10001
                ENV HOME_DIR=/srv/app PORT=8080
                USER ${UID}:${GID:-0}
                EXPOSE $PORT 9000-9010/udp
                ENV SECRET_TOKEN="abc def" LEGACY=${HOME_DIR}/x
                ENV OLD_STYLE the rest of the line
                """);
        Map<String, Object> user = instructions(parsed, "USER").get(0);
        assertEquals("10001", user.get("user"));
        assertEquals(Unknown.VALUE, user.get("group"), "GID is not declared: unknown, never guessed");
        List<?> ports = (List<?>) instructions(parsed, "EXPOSE").get(0).get("ports");
        assertEquals(Map.of("from", 8080L, "to", 8080L, "protocol", "tcp"), ports.get(0));
        assertEquals(Map.of("from", 9000L, "to", 9010L, "protocol", "udp"), ports.get(1));
        List<?> vars = (List<?>) instructions(parsed, "ENV").get(1).get("vars");
        assertEquals(Map.of("name", "SECRET_TOKEN", "value", "abc def", "literal", true), vars.get(0));
        assertEquals(Map.of("name", "LEGACY", "value", "/srv/app/x", "literal", false), vars.get(1));
        List<?> legacy = (List<?>) instructions(parsed, "ENV").get(2).get("vars");
        assertEquals(Map.of("name", "OLD_STYLE", "value", "the rest of the line", "literal", true), legacy.get(0));
    }

    @Test
    void resourceAddressesFollowCheckov() {
        ParsedFiles parsed = reader.read(List.of(new SourceFile("svc/Dockerfile", "FROM a:1\nUSER x\nUSER y\n")));
        assertEquals(List.of("svc/Dockerfile", "svc/Dockerfile.FROM", "svc/Dockerfile.USER"),
                parsed.resources().stream().map(Resource::address).toList());
        Resource users = resource(parsed, "svc/Dockerfile.USER");
        assertEquals("USER", users.type());
        assertEquals(2, users.startLine());
        assertEquals(3, users.endLine());
        assertEquals(3, users.lines().get("instructions[1]"));
    }

    @Test
    void unterminatedHeredocIsAnErrorWithItsLine() {
        ParsedFiles parsed = read("FROM a:1\nUSER app\nRUN <<EOF\necho hi\n");
        assertEquals(1, parsed.errors().size());
        ScanError error = parsed.errors().get(0);
        assertEquals(3, error.line());
        assertTrue(error.message().contains("<<EOF"), error.message());
        assertTrue(instructions(parsed, "RUN").isEmpty());
        assertEquals(2L, instructions(parsed, "USER").get(0).get("line"));
    }

    @Test
    void continuationToTheEndOfTheFileIsAnError() {
        ParsedFiles parsed = read("FROM a:1\nRUN echo \\\n  one \\\n");
        assertEquals(1, parsed.errors().size());
        assertEquals(2, parsed.errors().get(0).line());
    }

    @Test
    @Timeout(10)
    void hostileInputIsBoundedAndReported() {
        String endless = "FROM a:1\nRUN x \\\n" + "y \\\n".repeat(DockerfileParser.MAX_INSTRUCTION_LINES + 10)
                + "z\nUSER app\n";
        ParsedFiles parsed = read(endless);
        assertEquals(2, parsed.errors().get(0).line());
        assertTrue(parsed.errors().get(0).message().contains("longer than"), parsed.errors().toString());
        assertEquals("app", resource(parsed, "Dockerfile").attributes().get("user"), "the rest is still read");

        ParsedFiles huge = read("FROM a:1\n" + "#".repeat(DockerfileParser.MAX_CHARS));
        assertEquals(1, huge.errors().size());
        assertTrue(huge.resources().isEmpty());

        StringBuilder doubling = new StringBuilder("FROM a:1\nENV A=xxxxxxxxxxxxxxxx\n");
        for (int i = 0; i < 40; i++) {
            doubling.append("ENV A=$A$A\n");
        }
        doubling.append("USER $A\n");
        ParsedFiles doubled = read(doubling.toString());
        assertTrue(doubled.errors().isEmpty());
        assertEquals(Unknown.VALUE, resource(doubled, "Dockerfile").attributes().get("user"),
                "an expansion beyond the bound is unknown, not a huge string");

        ParsedFiles garbage = read("\u0000\u0001 not a dockerfile {{ }}\nFROM\n");
        assertFalse(garbage.errors().isEmpty());
        assertEquals(1, garbage.errors().get(0).line());
    }

    @Test
    void unterminatedQuoteIsLenientAsInBuildKit() {
        ParsedFiles parsed = read("FROM base\n\nLABEL foo=\"bar baz\nUSER  me\n");
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        assertEquals("me", resource(parsed, "Dockerfile").attributes().get("user"));
        assertNull(((Map<?, ?>) instructions(parsed, "FROM").get(0).get("image")).get("tag"));
    }

    private ParsedFiles read(String text) {
        return reader.read(List.of(new SourceFile("Dockerfile", text)));
    }

    private static Resource resource(ParsedFiles parsed, String address) {
        return parsed.resources().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow(
                () -> new AssertionError("no resource " + address + " in " + parsed.resources().stream()
                        .map(Resource::address).toList()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> instructions(ParsedFiles parsed, String keyword) {
        return parsed.resources().stream().filter(r -> r.type().equals(keyword)).findFirst()
                .map(r -> (List<Map<String, Object>>) r.attributes().get("instructions")).orElse(List.of());
    }
}
