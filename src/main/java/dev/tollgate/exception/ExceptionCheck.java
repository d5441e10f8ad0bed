package dev.tollgate.exception;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What is wrong with a Tollgate exception annotation, in words that say how to fix it; empty when valid. */
final class ExceptionCheck {

    private static final Set<String> KNOWN_FIELDS = Set.of("owner", "expires", "reason");

    private ExceptionCheck() {
    }

    static List<String> problems(Annotation annotation, LocalDate today, int maxDays) {
        List<String> problems = new ArrayList<>(annotation.problems());
        LocalDate latest = today.plusDays(maxDays);
        String owner = annotation.fields().get("owner");
        if (owner == null || owner.isBlank()) {
            problems.add("owner is missing; add owner=@user, owner=@org/team or owner=name@example.com");
        } else if (!isValidOwner(owner)) {
            problems.add("owner " + owner + " is not @user, @org/team or an email address");
        }
        String expires = annotation.fields().get("expires");
        if (expires == null || expires.isBlank()) {
            problems.add("expires is missing; add expires=YYYY-MM-DD no later than " + latest);
        } else {
            try {
                LocalDate date = LocalDate.parse(expires);
                if (date.isBefore(today)) {
                    problems.add("expires " + date + " is in the past; set a date within " + maxDays
                            + " days, e.g. expires=" + suggestedExpiry(today, maxDays));
                } else if (date.isAfter(latest)) {
                    problems.add("expires " + date + " is more than " + maxDays
                            + " days away; the latest allowed date is " + latest);
                }
            } catch (DateTimeParseException e) {
                problems.add("expires " + expires + " is not a date; write it as YYYY-MM-DD, e.g. expires="
                        + suggestedExpiry(today, maxDays));
            }
        }
        String reason = annotation.fields().get("reason");
        if (reason == null || reason.isBlank()) {
            problems.add("reason is missing; add reason=\"why this is acceptable\"");
        }
        for (String field : annotation.fields().keySet()) {
            if (!KNOWN_FIELDS.contains(field)) {
                problems.add("unknown field " + field + "= (expected owner=, expires=, reason=)");
            }
        }
        if (annotation.ruleIds().isEmpty()) {
            problems.add("no rule id; write the rule id right after tollgate:exception");
        }
        return problems;
    }

    static LocalDate suggestedExpiry(LocalDate today, int maxDays) {
        return today.plusDays(Math.min(30, maxDays));
    }

    static boolean isValidOwner(String owner) {
        if (owner.startsWith("@")) {
            String name = owner.substring(1);
            int slash = name.indexOf('/');
            if (slash < 0) {
                return isHandle(name, false);
            }
            return isHandle(name.substring(0, slash), false) && isHandle(name.substring(slash + 1), true);
        }
        int at = owner.indexOf('@');
        if (at <= 0 || at != owner.lastIndexOf('@') || owner.length() > 254) {
            return false;
        }
        String domain = owner.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        return dot > 0 && dot < domain.length() - 1
                && owner.chars().noneMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == '"');
    }

    private static boolean isHandle(String name, boolean team) {
        if (name.isEmpty() || name.length() > 100) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '-' || (team && (c == '_' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
