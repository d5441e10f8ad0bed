package dev.tollgate.policy;

/** What became of a finding once exceptions were applied; {@link #json()} is the word in JSON output. */
public enum FindingStatus {
    OPEN("open"), EXCEPTED("excepted"), INVALID_EXCEPTION("invalid_exception");

    private final String json;

    FindingStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
