package dev.tollgate.exception;

/**
 * An exception recorded in the bot's register, requested by replying to one of its comments. It applies to the
 * findings with this fingerprint ({@code rule:file:resource}) and is judged like an annotation on each scan, so an
 * expired one waives nothing.
 *
 * @param expires     the last valid day, ISO date
 * @param requestedBy the platform login of whoever replied
 */
public record RegisteredException(String fingerprint, String owner, String expires, String reason, String requestedBy) {

    /** The rule id: the fingerprint up to its first colon. */
    public String ruleId() {
        int colon = fingerprint.indexOf(':');
        return colon < 0 ? fingerprint : fingerprint.substring(0, colon);
    }
}
