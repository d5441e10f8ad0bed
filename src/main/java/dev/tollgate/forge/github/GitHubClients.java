package dev.tollgate.forge.github;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.forge.PullRequestRef;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;

/**
 * Authenticated github-api clients. With a token there is one client. As a GitHub App there is one client per
 * installation; github-api's {@link AppInstallationAuthorizationProvider} mints the installation token with the
 * App JWT and mints a new one five minutes before it expires.
 */
public final class GitHubClients {

    private final GitHubSettings settings;
    private final GitHub tokenClient;
    private final JWTTokenProvider jwt;
    private final Cache<String, GitHub> installationClients = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterAccess(Duration.ofHours(12))
            .build();

    public GitHubClients(GitHubSettings settings) throws IOException, GeneralSecurityException {
        this.settings = settings;
        if (settings.isApp()) {
            PrivateKey key = PrivateKeys.read(settings.privateKey());
            this.jwt = new JWTTokenProvider(settings.appId(), key);
            this.tokenClient = null;
        } else {
            this.jwt = null;
            this.tokenClient = new GitHubBuilder().withEndpoint(settings.apiUrl()).withOAuthToken(settings.token()).build();
        }
    }

    public boolean isApp() {
        return settings.isApp();
    }

    public GitHub clientFor(PullRequestRef pr) {
        if (!isApp()) {
            return tokenClient;
        }
        String key = pr.installationId() != null ? "installation:" + pr.installationId() : "repo:" + pr.repository();
        return installationClients.get(key, k -> buildInstallationClient(pr));
    }

    private GitHub buildInstallationClient(PullRequestRef pr) {
        String[] ownerAndName = pr.repository().split("/", 2);
        AppInstallationAuthorizationProvider.AppInstallationProvider installation = pr.installationId() != null
                ? app -> app.getInstallationById(pr.installationId())
                : app -> app.getInstallationByRepository(ownerAndName[0], ownerAndName[1]);
        try {
            return new GitHubBuilder()
                    .withEndpoint(settings.apiUrl())
                    .withAuthorizationProvider(new AppInstallationAuthorizationProvider(installation, jwt))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
