package dev.tollgate.review;

import dev.tollgate.forge.StatusReport;

/** What one review job did; {@code status} is null when nothing was posted (closed or superseded). */
public record ReviewOutcome(Kind kind, StatusReport status, boolean reviewPosted) {

    public enum Kind { CLOSED, SUPERSEDED, NO_IAC_CHANGES, REVIEWED, ERROR }
}
