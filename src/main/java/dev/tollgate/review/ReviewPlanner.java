package dev.tollgate.review;

import dev.tollgate.forge.BotComment;
import dev.tollgate.iac.SourceFile;
import dev.tollgate.forge.ChangedFile;

import java.util.List;

/**
 * Turns scan results into what to post. The review service stays independent of the planner's config type
 * {@code C} (the repository's {@code .tollgate.yml}, read from the base commit).
 */
public interface ReviewPlanner<C> {

    /** Reads {@code .tollgate.yml}; {@code yaml} is null when the file is absent. Throws on invalid config. */
    C readConfig(String yaml);

    int maxExceptionDays(C config);

    /**
     * @param changedFiles the pull request's changed IaC files, with their patches (which lines can take comments)
     * @param existing     the bot's earlier comments on this pull request (by marker)
     * @param headFiles    the files scanned at the head commit (suggestions keep the original line's indentation)
     */
    PlannedReview plan(C config, ScanReport head, ScanReport base, List<ChangedFile> changedFiles,
                       List<BotComment> existing, List<SourceFile> headFiles);
}
