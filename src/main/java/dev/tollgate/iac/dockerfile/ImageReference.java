package dev.tollgate.iac.dockerfile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An image reference {@code [registry[:port]/]repository[:tag][@digest]} split into its parts. A colon is a
 * tag separator only after the last slash ({@code localhost:5000/app} has no tag).
 */
record ImageReference(String reference, String name, String tag, String digest) {

    static ImageReference parse(String reference) {
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(reference, rest, tag, digest);
    }

    boolean isScratch() {
        return name.toLowerCase(Locale.ROOT).equals("scratch");
    }

    /** {@code reference, name, tag, digest, scratch, stage}: the rules' view; absent parts are null. */
    Map<String, Object> toAttributes(String stage) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", reference);
        map.put("name", name);
        map.put("tag", tag);
        map.put("digest", digest);
        map.put("scratch", stage == null && isScratch());
        map.put("stage", stage);
        return map;
    }
}
