package dev.tollgate.exception;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An exception requested by replying to a bot comment:
 * {@code /tollgate exception owner=@acme/platform expires=2027-03-31 reason="legacy export bucket"}.
 * The rule comes from the comment replied to, so the reply names none. Judged by the same rules as an inline
 * annotation: owner, expiry (today is the last valid day, within {@code maxDays}) and reason are required.
 *
 * @param problems what is wrong, each saying how to fix it; empty when the request is valid
 */
public record ExceptionRequest(String owner, String expires, String reason, List<String> problems) {

    public static final String COMMAND = "/tollgate exception";
    static final int MAX_TEXT = 4096;

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The request in a reply body, or null when the body holds no {@value #COMMAND} command. */
    public static ExceptionRequest parse(String replyBody, LocalDate today, int maxDays) {
        if (replyBody == null) {
            return null;
        }
        for (String line : replyBody.lines().limit(200).toList()) {
            String trimmed = line.strip();
            if (!trimmed.startsWith(COMMAND)) {
                continue;
            }
            String rest = trimmed.substring(COMMAND.length());
            if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
                continue;
            }
            if (rest.length() > MAX_TEXT) {
                return new ExceptionRequest(null, null, null,
                        List.of("the request is longer than " + MAX_TEXT + " characters"));
            }
            // the rule id is implied by the comment replied to: check everything else exactly like an annotation
            Annotation annotation = Annotation.parseTollgate(rest, 0);
            List<String> problems = new ArrayList<>();
            for (String problem : ExceptionCheck.problems(annotation, today, maxDays)) {
                if (!problem.startsWith("no rule id")) {
                    problems.add(problem);
                }
            }
            return new ExceptionRequest(annotation.fields().get("owner"), annotation.fields().get("expires"),
                    annotation.fields().get("reason"), List.copyOf(problems));
        }
        return null;
    }
}
