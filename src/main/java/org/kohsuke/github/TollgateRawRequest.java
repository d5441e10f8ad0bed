package org.kohsuke.github;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A raw JSON request through an existing {@link GitHub} client (same connector, same authentication, same
 * rate-limit handling). It lives in github-api's package because {@code GitHub.createRequest()} is
 * package-private; it is used only where the library's builders lack a field (the review comment {@code side}).
 */
public final class TollgateRawRequest {

    private TollgateRawRequest() {
    }

    /** Sends {@code method path} with {@code fields} as the JSON body; the response body is discarded. */
    public static void send(GitHub gitHub, String method, String path, Map<String, Object> fields) throws IOException {
        Requester requester = gitHub.createRequest().method(method).withUrlPath(path);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue();
            if (value instanceof List<?> list) {
                requester.with(field.getKey(), list);
            } else if (value instanceof Map<?, ?> map) {
                requester.with(field.getKey(), map);
            } else {
                requester.with(field.getKey(), value);
            }
        }
        requester.send();
    }
}
