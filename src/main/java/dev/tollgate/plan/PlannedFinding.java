package dev.tollgate.plan;

import dev.tollgate.policy.Finding;
import dev.tollgate.policy.FindingStatus;

/**
 * A finding as the plan sees it.
 *
 * @param kind         new in this change, existing at the base, or excepted
 * @param blocking     whether it fails the status
 * @param key          the marker key: the fingerprint, with {@code #n} for the n-th repeat of one fingerprint
 * @param inlineLine   the line its inline comment sits on, 0 when it is not commented inline
 * @param notInlineWhy for new findings without an inline comment: why (outside the diff, over the limit)
 */
record PlannedFinding(Finding finding, Kind kind, boolean blocking, String key, int inlineLine, String notInlineWhy) {

    enum Kind { NEW, EXISTING, EXCEPTED }

    boolean invalidException() {
        return finding.status() == FindingStatus.INVALID_EXCEPTION;
    }

    PlannedFinding inline(int line) {
        return new PlannedFinding(finding, kind, blocking, key, line, null);
    }

    PlannedFinding notInline(String why) {
        return new PlannedFinding(finding, kind, blocking, key, 0, why);
    }
}
