package dev.tollgate.review;

import dev.tollgate.plan.PathGlob;
import dev.tollgate.policy.Severity;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A repository's {@code .tollgate.yml}, read from the base branch:
 * <pre>
 * block: new                 # new (default): only findings this change introduces block; all: every finding
 * severity_threshold: low    # findings below it never block (default low: all do)
 * exceptions:
 *   max_days: 90             # longest allowed exception, 1..365
 * disable: [TG-AWS-S3-002]   # rule ids never reported
 * paths:
 *   ignore: ["examples/**", "*.md"]
 * </pre>
 * A bad file never crashes a review and never silently weakens the gate: each unreadable or invalid setting
 * falls back to its default (the strict choice) and adds a warning that the review summary shows.
 */
public record TollgateConfig(BlockMode block, int maxExceptionDays, Severity severityThreshold,
                             Set<String> disabledRules, List<PathGlob> ignoredPaths, List<String> warnings) {

    public enum BlockMode { NEW, ALL }

    public static final int DEFAULT_MAX_DAYS = 90;
    public static final int MAX_MAX_DAYS = 365;
    static final int MAX_CONFIG_CHARS = 64 * 1024;
    static final int MAX_FLOW_DEPTH = 32;
    static final int MAX_LIST_ENTRIES = 500;
    static final int MAX_WARNINGS = 20;

    public TollgateConfig {
        disabledRules = Set.copyOf(disabledRules);
        ignoredPaths = List.copyOf(ignoredPaths);
        warnings = List.copyOf(warnings);
    }

    public static TollgateConfig defaults() {
        return new TollgateConfig(BlockMode.NEW, DEFAULT_MAX_DAYS, Severity.LOW, Set.of(), List.of(), List.of());
    }

    public boolean isDisabled(String ruleId) {
        return ruleId != null && disabledRules.contains(ruleId.toUpperCase(Locale.ROOT));
    }

    public boolean isIgnored(String path) {
        return ignoredPaths.stream().anyMatch(glob -> glob.matches(path));
    }

    /** Whether a finding of this severity may fail the status. */
    public boolean canBlock(Severity severity) {
        return severity.ordinal() <= severityThreshold.ordinal(); // CRITICAL is ordinal 0
    }

    /** Reads {@code .tollgate.yml}; null or blank text gives the defaults without warning. */
    public static TollgateConfig parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return defaults();
        }
        Builder builder = new Builder();
        if (yaml.length() > MAX_CONFIG_CHARS) {
            return builder.fail("the file is larger than " + MAX_CONFIG_CHARS / 1024 + " KiB");
        }
        if (flowDepth(yaml) > MAX_FLOW_DEPTH) {
            return builder.fail("the file nests deeper than " + MAX_FLOW_DEPTH + " levels");
        }
        Object root;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(".tollgate.yml")
                    .setAllowDuplicateKeys(false)
                    .setAllowRecursiveKeys(false)
                    .setMaxAliasesForCollections(10)
                    .setCodePointLimit(MAX_CONFIG_CHARS)
                    .build();
            root = new Load(settings).loadFromString(yaml);
        } catch (RuntimeException | StackOverflowError e) {
            return builder.fail("it is not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null) {
            return defaults();
        }
        if (!(root instanceof Map<?, ?> map)) {
            return builder.fail("the top level must be a mapping of settings");
        }
        map.forEach((key, value) -> builder.read(String.valueOf(key), value));
        return builder.build();
    }

    /** Deepest nesting of [ and { outside quotes: the YAML parser recurses on it, so refuse absurd depths first. */
    private static int flowDepth(String text) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && depth == 0) {
                quote = 0; // an apostrophe in a comment must not hide the brackets that follow
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return max;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static final class Builder {
        private BlockMode block = BlockMode.NEW;
        private int maxDays = DEFAULT_MAX_DAYS;
        private Severity threshold = Severity.LOW;
        private final Set<String> disabled = new LinkedHashSet<>();
        private final List<PathGlob> ignored = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        TollgateConfig fail(String why) {
            warn("ignored .tollgate.yml because " + why + "; using the defaults (block: new, "
                    + "severity_threshold: low, exceptions.max_days: " + DEFAULT_MAX_DAYS + ")");
            return build();
        }

        void read(String key, Object value) {
            switch (key) {
                case "block" -> readBlock(value);
                case "severity_threshold" -> readThreshold(value);
                case "exceptions" -> readExceptions(value);
                case "disable" -> readDisable(value);
                case "paths" -> readPaths(value);
                default -> warn("unknown setting " + quoted(key) + " ignored (known: block, severity_threshold, "
                        + "exceptions, disable, paths)");
            }
        }

        private void readBlock(Object value) {
            String text = value instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
            switch (text) {
                case "new" -> block = BlockMode.NEW;
                case "all" -> block = BlockMode.ALL;
                default -> warn("block: " + quoted(value) + " is not new or all; using new");
            }
        }

        private void readThreshold(Object value) {
            try {
                threshold = Severity.parse((String) value);
            } catch (RuntimeException e) {
                warn("severity_threshold: " + quoted(value) + " is not low, medium, high or critical; using low");
            }
        }

        private void readExceptions(Object value) {
            if (!(value instanceof Map<?, ?> map)) {
                warn("exceptions must be a mapping such as {max_days: 90}; using max_days " + DEFAULT_MAX_DAYS);
                return;
            }
            map.forEach((k, v) -> {
                if (!"max_days".equals(k)) {
                    warn("unknown setting exceptions." + quoted(k) + " ignored (known: max_days)");
                } else if (v instanceof Integer days && days >= 1 && days <= MAX_MAX_DAYS) {
                    maxDays = days;
                } else {
                    warn("exceptions.max_days: " + quoted(v) + " must be a whole number from 1 to " + MAX_MAX_DAYS
                            + "; using " + DEFAULT_MAX_DAYS);
                }
            });
        }

        private void readDisable(Object value) {
            for (Object entry : list("disable", value)) {
                String id = entry instanceof String s ? s.trim() : "";
                if (id.isEmpty() || id.length() > 100 || !id.chars().allMatch(c -> c < 128
                        && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))) {
                    warn("disable: " + quoted(entry) + " is not a rule id; ignored");
                } else {
                    disabled.add(id.toUpperCase(Locale.ROOT));
                }
            }
        }

        private void readPaths(Object value) {
            if (!(value instanceof Map<?, ?> map)) {
                warn("paths must be a mapping such as {ignore: [\"examples/**\"]}; no paths ignored");
                return;
            }
            map.forEach((k, v) -> {
                if (!"ignore".equals(k)) {
                    warn("unknown setting paths." + quoted(k) + " ignored (known: ignore)");
                    return;
                }
                for (Object entry : list("paths.ignore", v)) {
                    try {
                        ignored.add(PathGlob.compile((String) entry));
                    } catch (RuntimeException e) {
                        warn("paths.ignore: " + quoted(entry) + " is not a path pattern of 1 to "
                                + PathGlob.MAX_PATTERN_LENGTH + " characters; ignored");
                    }
                }
            });
        }

        private Collection<?> list(String name, Object value) {
            if (value instanceof String single) {
                return List.of(single);
            }
            if (!(value instanceof List<?> list)) {
                if (value != null) {
                    warn(name + " must be a list; ignored");
                }
                return List.of();
            }
            if (list.size() > MAX_LIST_ENTRIES) {
                warn(name + " has more than " + MAX_LIST_ENTRIES + " entries; only the first " + MAX_LIST_ENTRIES
                        + " are used");
                return list.subList(0, MAX_LIST_ENTRIES);
            }
            return list;
        }

        private void warn(String warning) {
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(".tollgate.yml: " + warning);
            } else if (warnings.size() == MAX_WARNINGS) {
                warnings.add(".tollgate.yml: more problems not shown");
            }
        }

        private static String quoted(Object value) {
            String text = String.valueOf(value);
            return text.length() > 60 ? text.substring(0, 60) + "…" : text;
        }

        TollgateConfig build() {
            return new TollgateConfig(block, maxDays, threshold, disabled, ignored, warnings);
        }
    }
}
