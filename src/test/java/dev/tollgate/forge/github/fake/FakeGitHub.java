package dev.tollgate.forge.github.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of the part of the GitHub REST API the bot uses, on loopback: one repository with one pull request
 * whose base and head are in-memory trees. It diffs the trees into real patches, paginates the file list with
 * GitHub's {@code Link} header, serves contents base64-encoded at any known SHA or the base branch, rejects
 * review comments outside the diff with GitHub's 422, records statuses, check runs and reviews, mints
 * installation tokens against a verified App JWT, and checks every request body the bot sends against the
 * OpenAPI subset: {@link #violations()} must stay empty.
 */
public final class FakeGitHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The contents API returns no content for files over 1 MB. */
    public static final int MAX_CONTENT_BYTES = 1024 * 1024;
    /** Beyond this the pull request file list carries no patch (GitHub omits the patch of very large diffs). */
    public static final int MAX_PATCH_CHARS = 1024 * 1024;

    public record Request(String method, String path, String query, String body, String authorization) {
    }

    private final String owner;
    private final String name;
    private final int number;
    private final OpenApiRequestValidator validator;
    private final Javalin app;

    private final Map<String, Map<String, String>> trees = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile String baseSha;
    private volatile String headSha;
    private volatile String state = "open";
    private volatile boolean draft;
    private volatile String baseRef = "main";

    private final Set<String> tokens = Collections.synchronizedSet(new TreeSet<>());
    private volatile String appId;
    private volatile PublicKey appKey;
    private volatile long installationId;
    private volatile int tokenLifetimeSeconds = 3600;
    private final AtomicLong tokensIssued = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(1000);
    /** A review comment on a line of this file is rejected like a line outside the diff, whatever the diff. */
    private final Set<String> rejectCommentsOn = Collections.synchronizedSet(new TreeSet<>());

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> reviews = new CopyOnWriteArrayList<>();
    private final List<JsonNode> rejectedReviews = new CopyOnWriteArrayList<>();
    private final List<JsonNode> reviewRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> reviewComments = new CopyOnWriteArrayList<>();
    private final List<JsonNode> replies = new CopyOnWriteArrayList<>();
    private final List<JsonNode> statuses = new CopyOnWriteArrayList<>();
    private final Map<Long, ObjectNode> checkRuns = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<JsonNode> checkRunRequests = new CopyOnWriteArrayList<>();

    public FakeGitHub(String repository, int number, Path openApiSubset) throws java.io.IOException {
        String[] parts = repository.split("/");
        this.owner = parts[0];
        this.name = parts[1];
        this.number = number;
        this.validator = new OpenApiRequestValidator(openApiSubset);
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        app.before(this::record);
        app.before(this::authenticate);
        String repo = "/repos/{owner}/{repo}";
        app.get(repo, ctx -> json(ctx, repositoryJson()));
        app.get(repo + "/pulls/{number}", ctx -> ifPull(ctx, () -> json(ctx, pullJson())));
        app.get(repo + "/pulls/{number}/files", ctx -> ifPull(ctx, () -> files(ctx)));
        app.get(repo + "/pulls/{number}/comments", ctx -> ifPull(ctx, () -> page(ctx, new ArrayList<>(reviewComments))));
        app.get(repo + "/pulls/{number}/reviews", ctx -> ifPull(ctx, () -> page(ctx, new ArrayList<>(reviews))));
        app.get(repo + "/issues/{number}/comments", ctx -> ifPull(ctx, () -> page(ctx, List.of())));
        app.post(repo + "/pulls/{number}/reviews", ctx -> ifPull(ctx, () -> createReview(ctx)));
        app.post(repo + "/pulls/{number}/comments/{id}/replies", ctx -> ifPull(ctx, () -> createReply(ctx)));
        app.get(repo + "/contents", ctx -> contents(ctx, ""));
        app.get(repo + "/contents/<path>", ctx -> contents(ctx, ctx.pathParam("path")));
        app.post(repo + "/statuses/{sha}", this::createStatus);
        app.post(repo + "/check-runs", this::createCheckRun);
        app.patch(repo + "/check-runs/{id}", this::updateCheckRun);
        app.get("/user", ctx -> json(ctx, JSON.createObjectNode().put("login", "tollgate-bot").put("id", 3).put("type", "User")));
        app.get("/app", ctx -> json(ctx, JSON.createObjectNode().put("id", Long.parseLong(appId)).put("slug", "tollgate")
                .put("name", "Tollgate").put("node_id", "A_1")));
        app.get("/app/installations/{id}", this::installation);
        app.post("/app/installations/{id}/access_tokens", this::accessToken);
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().contains("Endpoint")) {
                violations.add("unexpected request " + ctx.method() + " " + ctx.path());
                notFound(ctx);
            }
        });
        app.start("127.0.0.1", 0);
    }

    // ---- set-up --------------------------------------------------------------------------------------

    public String apiUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public String repository() {
        return owner + "/" + name;
    }

    public int number() {
        return number;
    }

    /** Sets the base tree (path → text); returns its SHA. */
    public String setBase(Map<String, String> tree) {
        baseSha = store(tree);
        return baseSha;
    }

    /** Pushes a new head tree; returns its SHA. */
    public String pushHead(Map<String, String> tree) {
        headSha = store(tree);
        return headSha;
    }

    public String baseSha() {
        return baseSha;
    }

    public String headSha() {
        return headSha;
    }

    public void close(boolean closed) {
        state = closed ? "closed" : "open";
    }

    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    public void acceptToken(String token) {
        tokens.add(token);
    }

    /** Acts as a GitHub App: JWTs must be signed by the key whose public half is given. */
    public void actAsApp(String appId, PublicKey key, long installationId, int tokenLifetimeSeconds) {
        this.appId = appId;
        this.appKey = key;
        this.installationId = installationId;
        this.tokenLifetimeSeconds = tokenLifetimeSeconds;
    }

    public void rejectCommentsOn(String path) {
        rejectCommentsOn.add(path);
    }

    // ---- what the bot did ------------------------------------------------------------------------------

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<JsonNode> reviews() {
        return List.copyOf(reviews);
    }

    /** The request bodies of the reviews that were accepted (with {@code event} and inline {@code comments}). */
    public List<JsonNode> reviewRequests() {
        return List.copyOf(reviewRequests);
    }

    /** Every review comment (the bot's inline comments and the replies in their threads), in order. */
    public List<JsonNode> reviewComments() {
        return List.copyOf(reviewComments);
    }

    /** The replies the bot posted in comment threads, as stored (with {@code in_reply_to_id}). */
    public List<JsonNode> replies() {
        return List.copyOf(replies);
    }

    /** Someone answers in the thread of review comment {@code inReplyTo}; returns the new comment's id. */
    public long replyAs(String login, long inReplyTo, String body) {
        ObjectNode parent = topLevelComment(inReplyTo);
        if (parent == null) {
            throw new IllegalArgumentException("no top-level review comment " + inReplyTo);
        }
        return addReply(parent, login, "User", body).path("id").asLong();
    }

    public List<JsonNode> rejectedReviews() {
        return List.copyOf(rejectedReviews);
    }

    public List<JsonNode> statuses() {
        return List.copyOf(statuses);
    }

    public List<ObjectNode> checkRuns() {
        synchronized (checkRuns) {
            return List.copyOf(checkRuns.values());
        }
    }

    public List<JsonNode> checkRunRequests() {
        return List.copyOf(checkRunRequests);
    }

    public long tokensIssued() {
        return tokensIssued.get();
    }

    /** The commentable new-side lines of {@code path} in the current diff. */
    public Set<Integer> commentableLines(String path) {
        String patch = LineDiff.patch(tree(baseSha).get(path), tree(headSha).get(path));
        return LineDiff.commentableRightLines(patch.length() > MAX_PATCH_CHARS ? null : patch);
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---- handlers ----------------------------------------------------------------------------------------

    private void record(Context ctx) {
        String body = ctx.body();
        requests.add(new Request(ctx.method().name(), ctx.path(), ctx.queryString(), body, ctx.header("Authorization")));
        boolean writes = switch (ctx.method().name()) {
            case "POST", "PATCH", "PUT", "DELETE" -> true;
            default -> false;
        };
        if (writes) {
            JsonNode parsed = null;
            if (!body.isBlank()) {
                try {
                    parsed = JSON.readTree(body);
                } catch (java.io.IOException e) {
                    violations.add(ctx.method() + " " + ctx.path() + ": body is not JSON");
                    return;
                }
            }
            violations.addAll(validator.validate(ctx.method().name(), ctx.path(), parsed));
        }
    }

    private void authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        boolean ok;
        if (ctx.path().startsWith("/app")) {
            ok = authorization != null && authorization.startsWith("Bearer ") && validJwt(authorization.substring(7));
        } else {
            ok = authorization != null && authorization.startsWith("token ") && tokens.contains(authorization.substring(6));
        }
        if (!ok) {
            violations.add("unauthenticated " + ctx.method() + " " + ctx.path());
            ctx.status(401);
            json(ctx, JSON.createObjectNode().put("message", "Bad credentials")
                    .put("documentation_url", "https://docs.github.com/rest").put("status", "401"));
            ctx.skipRemainingHandlers();
        }
    }

    private boolean validJwt(String jwt) {
        if (appKey == null) {
            return false;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(appKey);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = Instant.now().getEpochSecond();
            return appId.equals(claims.path("iss").asText()) && claims.path("exp").asLong() > now
                    && claims.path("exp").asLong() - claims.path("iat").asLong() <= 600;
        } catch (Exception e) {
            return false;
        }
    }

    private void installation(Context ctx) {
        if (Long.parseLong(ctx.pathParam("id")) != installationId) {
            notFound(ctx);
            return;
        }
        ObjectNode node = JSON.createObjectNode().put("id", installationId).put("app_id", Long.parseLong(appId))
                .put("target_type", "Organization")
                .put("access_tokens_url", apiUrl() + "/app/installations/" + installationId + "/access_tokens");
        node.putObject("account").put("login", owner).put("id", 1).put("type", "Organization");
        json(ctx, node);
    }

    private void accessToken(Context ctx) {
        if (Long.parseLong(ctx.pathParam("id")) != installationId) {
            notFound(ctx);
            return;
        }
        String token = "ghs_fake" + tokensIssued.incrementAndGet();
        tokens.add(token);
        ctx.status(201);
        ObjectNode node = JSON.createObjectNode().put("token", token)
                .put("expires_at", Instant.now().plusSeconds(tokenLifetimeSeconds).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("repository_selection", "all");
        node.putObject("permissions").put("pull_requests", "write").put("checks", "write").put("contents", "read");
        json(ctx, node);
    }

    private interface Body {
        void run() throws Exception;
    }

    private void ifPull(Context ctx, Body body) throws Exception {
        if (!ownRepository(ctx) || !ctx.pathParam("number").equals(String.valueOf(number))) {
            notFound(ctx);
            return;
        }
        body.run();
    }

    private boolean ownRepository(Context ctx) {
        return ctx.pathParam("owner").equals(owner) && ctx.pathParam("repo").equals(name);
    }

    private void files(Context ctx) {
        Map<String, String> base = tree(baseSha);
        Map<String, String> head = tree(headSha);
        TreeSet<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(head.keySet());
        List<JsonNode> files = new ArrayList<>();
        for (String path : paths) {
            String before = base.get(path);
            String after = head.get(path);
            if (after != null && after.equals(before)) {
                continue;
            }
            String patch = LineDiff.patch(before, after);
            int additions = LineDiff.count(patch, '+');
            int deletions = LineDiff.count(patch, '-');
            if (patch.length() > MAX_PATCH_CHARS) {
                patch = null; // GitHub leaves out the patch of a very large diff
            }
            ObjectNode file = JSON.createObjectNode()
                    .put("sha", sha((after != null ? after : "")))
                    .put("filename", path)
                    .put("status", before == null ? "added" : after == null ? "removed" : "modified")
                    .put("additions", additions).put("deletions", deletions).put("changes", additions + deletions)
                    .put("blob_url", "https://github.com/" + repository() + "/blob/" + headSha + "/" + path)
                    .put("raw_url", "https://github.com/" + repository() + "/raw/" + headSha + "/" + path)
                    .put("contents_url", apiUrl() + "/repos/" + repository() + "/contents/" + path + "?ref=" + headSha);
            if (patch != null) {
                file.put("patch", patch);
            }
            files.add(file);
        }
        page(ctx, files);
    }

    /** GitHub pagination: {@code per_page} (default 30, max 100), {@code page}, and the {@code Link} header. */
    private void page(Context ctx, List<JsonNode> all) {
        int perPage = Math.min(100, Math.max(1, intParam(ctx, "per_page", 30)));
        int page = Math.max(1, intParam(ctx, "page", 1));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        ArrayNode items = JSON.createArrayNode();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
            items.add(all.get(i));
        }
        List<String> links = new ArrayList<>();
        String url = apiUrl() + ctx.path() + "?per_page=" + perPage + "&page=";
        if (page < last) {
            links.add("<" + url + (page + 1) + ">; rel=\"next\"");
            links.add("<" + url + last + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + url + "1>; rel=\"first\"");
            links.add("<" + url + (page - 1) + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            ctx.header("Link", String.join(", ", links));
        }
        json(ctx, items);
    }

    private void contents(Context ctx, String path) {
        if (!ownRepository(ctx)) {
            notFound(ctx);
            return;
        }
        String ref = ctx.queryParam("ref");
        Map<String, String> tree = tree(ref == null || ref.equals(baseRef) ? baseSha : ref);
        if (tree == null) {
            notFound(ctx);
            return;
        }
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String text = tree.get(path);
        if (text != null) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_CONTENT_BYTES) {
                // GitHub: between 1 and 100 MB the object comes with an empty content and encoding "none"
                json(ctx, contentEntry(path, "file", bytes.length, ref).put("encoding", "none").put("content", ""));
                return;
            }
            json(ctx, contentEntry(path, "file", bytes.length, ref)
                    .put("encoding", "base64").put("content", Base64.getMimeEncoder(60, "\n".getBytes()).encodeToString(bytes) + "\n"));
            return;
        }
        String prefix = path.isEmpty() ? "" : path + "/";
        Map<String, ObjectNode> entries = new TreeMap<>();
        for (Map.Entry<String, String> file : tree.entrySet()) {
            if (file.getKey().startsWith(prefix)) {
                String rest = file.getKey().substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    entries.put(rest, contentEntry(file.getKey(), "file", file.getValue().getBytes(StandardCharsets.UTF_8).length, ref));
                } else {
                    entries.putIfAbsent(rest.substring(0, slash), contentEntry(prefix + rest.substring(0, slash), "dir", 0, ref));
                }
            }
        }
        if (entries.isEmpty()) {
            notFound(ctx);
            return;
        }
        ArrayNode listing = JSON.createArrayNode();
        entries.values().forEach(listing::add);
        json(ctx, listing);
    }

    private ObjectNode contentEntry(String path, String type, int size, String ref) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return JSON.createObjectNode().put("type", type).put("name", fileName).put("path", path).put("size", size)
                .put("sha", sha(path + size))
                .put("url", apiUrl() + "/repos/" + repository() + "/contents/" + path + (ref == null ? "" : "?ref=" + ref))
                .put("html_url", "https://github.com/" + repository() + "/blob/" + ref + "/" + path)
                .put("git_url", apiUrl() + "/repos/" + repository() + "/git/blobs/" + sha(path))
                .put("download_url", "https://raw.githubusercontent.com/" + repository() + "/" + ref + "/" + path);
    }

    private void createReview(Context ctx) throws java.io.IOException {
        JsonNode body = JSON.readTree(ctx.body());
        for (JsonNode comment : body.path("comments")) {
            String path = comment.path("path").asText();
            boolean onDiff = "RIGHT".equals(comment.path("side").asText("RIGHT"))
                    && !rejectCommentsOn.contains(path)
                    && commentableLines(path).contains(comment.path("line").asInt(-1));
            if (!onDiff) {
                rejectedReviews.add(body);
                ctx.status(422);
                ObjectNode error = JSON.createObjectNode().put("message", "Unprocessable Entity")
                        .put("documentation_url", "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request")
                        .put("status", "422");
                error.putArray("errors").add("Line could not be resolved");
                json(ctx, error);
                return;
            }
        }
        reviewRequests.add(body);
        long id = ids.incrementAndGet();
        ObjectNode review = JSON.createObjectNode().put("id", id).put("node_id", "PRR_" + id)
                .put("body", body.path("body").asText("")).put("state", "COMMENTED")
                .put("commit_id", body.path("commit_id").asText(headSha))
                .put("submitted_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("html_url", "https://github.com/" + repository() + "/pull/" + number + "#pullrequestreview-" + id);
        review.putObject("user").put("login", "tollgate[bot]").put("id", 1).put("type", "Bot");
        reviews.add(review);
        for (JsonNode comment : body.path("comments")) {
            long commentId = ids.incrementAndGet();
            ObjectNode stored = JSON.createObjectNode().put("id", commentId).put("pull_request_review_id", id)
                    .put("path", comment.path("path").asText()).put("line", comment.path("line").asInt())
                    .put("side", "RIGHT").put("body", comment.path("body").asText())
                    .put("commit_id", review.path("commit_id").asText());
            stored.putObject("user").put("login", "tollgate[bot]").put("id", 1).put("type", "Bot");
            reviewComments.add(stored);
        }
        json(ctx, review);
    }

    /** GitHub answers replies to the first comment of a thread only; a reply to a reply is a 422. */
    private void createReply(Context ctx) throws java.io.IOException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            notFound(ctx);
            return;
        }
        ObjectNode parent = topLevelComment(id);
        if (parent == null) {
            violations.add("reply to " + id + ", which is not a top-level review comment of the pull request");
            notFound(ctx);
            return;
        }
        JsonNode body = JSON.readTree(ctx.body());
        ObjectNode stored = addReply(parent, "tollgate[bot]", "Bot", body.path("body").asText());
        replies.add(stored);
        ctx.status(201);
        json(ctx, stored);
    }

    private ObjectNode topLevelComment(long id) {
        for (JsonNode comment : reviewComments) {
            if (comment.path("id").asLong() == id && !comment.has("in_reply_to_id")) {
                return (ObjectNode) comment;
            }
        }
        return null;
    }

    private ObjectNode addReply(ObjectNode parent, String login, String type, String body) {
        long commentId = ids.incrementAndGet();
        ObjectNode stored = JSON.createObjectNode().put("id", commentId)
                .put("pull_request_review_id", parent.path("pull_request_review_id").asLong())
                .put("in_reply_to_id", parent.path("id").asLong())
                .put("path", parent.path("path").asText()).put("line", parent.path("line").asInt())
                .put("side", "RIGHT").put("body", body).put("commit_id", parent.path("commit_id").asText());
        stored.putObject("user").put("login", login).put("id", login.hashCode() & 0xffff).put("type", type);
        reviewComments.add(stored);
        return stored;
    }

    private void createStatus(Context ctx) throws java.io.IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(ctx.body());
        body.put("sha", ctx.pathParam("sha"));
        statuses.add(body);
        long id = ids.incrementAndGet();
        ctx.status(201);
        json(ctx, JSON.createObjectNode().put("id", id).put("state", body.path("state").asText())
                .put("description", body.path("description").asText(null)).put("context", body.path("context").asText())
                .put("url", apiUrl() + "/repos/" + repository() + "/statuses/" + ctx.pathParam("sha"))
                .put("created_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    private void createCheckRun(Context ctx) throws java.io.IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(ctx.body());
        checkRunRequests.add(body);
        long id = ids.incrementAndGet();
        ObjectNode run = body.deepCopy();
        run.put("id", id);
        ensureAnnotations(run);
        checkRuns.put(id, run);
        ctx.status(201);
        json(ctx, checkRunResponse(run));
    }

    private void updateCheckRun(Context ctx) throws java.io.IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(ctx.body());
        checkRunRequests.add(body);
        ObjectNode run = checkRuns.get(Long.parseLong(ctx.pathParam("id")));
        if (run == null) {
            notFound(ctx);
            return;
        }
        ArrayNode annotations = ensureAnnotations(run);
        for (JsonNode annotation : body.path("output").path("annotations")) {
            annotations.add(annotation);
        }
        json(ctx, checkRunResponse(run));
    }

    private static ArrayNode ensureAnnotations(ObjectNode run) {
        ObjectNode output = run.has("output") ? (ObjectNode) run.get("output") : run.putObject("output");
        return output.has("annotations") ? (ArrayNode) output.get("annotations") : output.putArray("annotations");
    }

    private ObjectNode checkRunResponse(ObjectNode run) {
        ObjectNode response = JSON.createObjectNode().put("id", run.get("id").asLong())
                .put("name", run.path("name").asText()).put("head_sha", run.path("head_sha").asText())
                .put("status", run.path("status").asText("completed")).put("conclusion", run.path("conclusion").asText(null))
                .put("url", apiUrl() + "/repos/" + repository() + "/check-runs/" + run.get("id").asLong());
        response.putObject("output").put("title", run.path("output").path("title").asText(null))
                .put("summary", run.path("output").path("summary").asText(null))
                .put("annotations_count", run.path("output").path("annotations").size());
        return response;
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private ObjectNode repositoryJson() {
        ObjectNode node = JSON.createObjectNode().put("id", 42).put("node_id", "R_42").put("name", name)
                .put("full_name", repository()).put("private", false).put("default_branch", baseRef)
                .put("url", apiUrl() + "/repos/" + repository())
                .put("html_url", "https://github.com/" + repository());
        node.putObject("owner").put("login", owner).put("id", 1).put("type", "Organization");
        return node;
    }

    private ObjectNode pullJson() {
        ObjectNode node = JSON.createObjectNode().put("id", 7000 + number).put("number", number).put("state", state)
                .put("draft", draft).put("title", "Change infrastructure")
                .put("url", apiUrl() + "/repos/" + repository() + "/pulls/" + number)
                .put("html_url", "https://github.com/" + repository() + "/pull/" + number);
        node.putObject("user").put("login", "octocat").put("id", 2).put("type", "User");
        ObjectNode head = node.putObject("head").put("sha", headSha).put("ref", "feature").put("label", owner + ":feature");
        head.set("repo", repositoryJson());
        ObjectNode base = node.putObject("base").put("sha", baseSha).put("ref", baseRef).put("label", owner + ":" + baseRef);
        base.set("repo", repositoryJson());
        return node;
    }

    private Map<String, String> tree(String sha) {
        return sha == null ? null : trees.get(sha);
    }

    private String store(Map<String, String> tree) {
        Map<String, String> copy = Collections.unmodifiableMap(new TreeMap<>(tree));
        String sha = sha(copy.toString() + "#" + ids.incrementAndGet());
        trees.put(sha, copy);
        return sha;
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        try {
            String value = ctx.queryParam(name);
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json; charset=utf-8").result(node.toString());
    }

    private static void notFound(Context ctx) {
        ctx.status(404);
        json(ctx, JSON.createObjectNode().put("message", "Not Found")
                .put("documentation_url", "https://docs.github.com/rest").put("status", "404"));
    }
}
