package dev.tollgate.forge.github;

import java.util.Map;

/**
 * GitHub configuration from the environment (DESIGN.md): {@code TOLLGATE_GITHUB_API_URL},
 * {@code TOLLGATE_GITHUB_WEBHOOK_SECRET}, and either {@code TOLLGATE_GITHUB_APP_ID} + {@code TOLLGATE_GITHUB_PRIVATE_KEY}
 * or {@code TOLLGATE_GITHUB_TOKEN}.
 */
public record GitHubSettings(String apiUrl, String webhookSecret, String appId, String privateKey, String token) {

    public static final String DEFAULT_API_URL = "https://api.github.com";

    public static GitHubSettings fromEnvironment(Map<String, String> env) {
        String apiUrl = blankToNull(env.get("TOLLGATE_GITHUB_API_URL"));
        GitHubSettings settings = new GitHubSettings(
                apiUrl == null ? DEFAULT_API_URL : stripTrailingSlash(apiUrl),
                blankToNull(env.get("TOLLGATE_GITHUB_WEBHOOK_SECRET")),
                blankToNull(env.get("TOLLGATE_GITHUB_APP_ID")),
                blankToNull(env.get("TOLLGATE_GITHUB_PRIVATE_KEY")),
                blankToNull(env.get("TOLLGATE_GITHUB_TOKEN")));
        settings.validate();
        return settings;
    }

    public boolean isApp() {
        return appId != null;
    }

    private void validate() {
        if (webhookSecret == null) {
            throw new IllegalStateException("TOLLGATE_GITHUB_WEBHOOK_SECRET is not set: refusing to accept GitHub "
                    + "webhooks without a signature secret. Set it to the webhook secret configured on GitHub.");
        }
        if (appId != null && privateKey == null) {
            throw new IllegalStateException("TOLLGATE_GITHUB_APP_ID is set but TOLLGATE_GITHUB_PRIVATE_KEY is not: "
                    + "give the App's private key (PEM text or a file path).");
        }
        if (appId == null && privateKey != null) {
            throw new IllegalStateException("TOLLGATE_GITHUB_PRIVATE_KEY is set but TOLLGATE_GITHUB_APP_ID is not.");
        }
        if (appId == null && token == null) {
            throw new IllegalStateException("No GitHub credentials: set TOLLGATE_GITHUB_APP_ID and "
                    + "TOLLGATE_GITHUB_PRIVATE_KEY (GitHub App), or TOLLGATE_GITHUB_TOKEN.");
        }
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new IllegalStateException("TOLLGATE_GITHUB_API_URL must be an http(s) URL: " + apiUrl);
        }
    }

    @Override
    public String toString() {
        // Never print secrets.
        return "GitHubSettings[apiUrl=" + apiUrl + ", auth=" + (isApp() ? "app " + appId : "token") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
