package dev.tollgate.iac.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions from untrusted configuration. Java's engine backtracks, so the pattern and input lengths
 * are capped and the input is read through a {@link CharSequence} that counts every character access and gives
 * up after {@link Limits#MAX_REGEX_STEPS}: a catastrophic pattern fails fast instead of running for hours.
 */
final class BoundedRegex {
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<([a-zA-Z][a-zA-Z0-9]*)>");

    /**
     * Character reads by every regular expression of the module being evaluated on this thread: many calls that
     * are each within {@link Limits#MAX_REGEX_STEPS} must not add up to minutes of work on one review.
     */
    private static final ThreadLocal<long[]> MODULE_STEPS = ThreadLocal.withInitial(() -> new long[1]);

    private final Pattern pattern;
    private final List<String> groupNames = new ArrayList<>();

    BoundedRegex(String re) {
        if (re.length() > Limits.MAX_REGEX_PATTERN) {
            throw new EvalException("regular expression too long");
        }
        // RE2 writes named groups (?P<name>...); Java wants (?<name>...).
        String javaRe = re.replace("(?P<", "(?<");
        Matcher names = NAMED_GROUP.matcher(re);
        while (names.find()) {
            groupNames.add(names.group(1));
        }
        try {
            this.pattern = Pattern.compile(javaRe);
        } catch (PatternSyntaxException e) {
            throw new EvalException("invalid regular expression: " + e.getDescription());
        }
    }

    Matcher matcher(String input) {
        if (input.length() > Limits.MAX_REGEX_INPUT) {
            throw new EvalException("input too long for a regular expression");
        }
        return pattern.matcher(new CountingChars(input, new long[1], MODULE_STEPS.get()));
    }

    /** What Terraform's {@code regex()} returns for one match: the match, a list of groups, or a map of named groups. */
    Object matchValue(Matcher m) {
        if (m.groupCount() == 0) {
            return m.group();
        }
        if (!groupNames.isEmpty()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String name : groupNames) {
                out.put(name, orEmpty(m.group(name)));
            }
            return out;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            out.add(orEmpty(m.group(i)));
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    String replaceAll(String input, String replacement) {
        try {
            return Values.checkString(matcher(input).replaceAll(replacement));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new EvalException("invalid replacement: " + e.getMessage());
        }
    }

    /** Starts the regular-expression budget of a new module on this thread. */
    static void startModule() {
        MODULE_STEPS.get()[0] = 0;
    }

    private static final class CountingChars implements CharSequence {
        private final String text;
        private final long[] steps;
        private final long[] moduleSteps;

        CountingChars(String text, long[] steps, long[] moduleSteps) {
            this.text = text;
            this.steps = steps;
            this.moduleSteps = moduleSteps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > Limits.MAX_REGEX_STEPS) {
                throw new EvalException("regular expression too expensive on this input");
            }
            if (++moduleSteps[0] > Limits.MAX_REGEX_STEPS_PER_MODULE) {
                throw new BudgetExceeded("regular expressions of this module exceeded "
                        + Limits.MAX_REGEX_STEPS_PER_MODULE + " steps");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountingChars(text.substring(start, end), steps, moduleSteps);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
