package dev.tollgate.policy;

import java.util.Locale;

public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
