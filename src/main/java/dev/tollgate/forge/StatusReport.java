package dev.tollgate.forge;

import java.util.List;

/**
 * The final verdict on a head commit: a check run (GitHub App) or a commit status (token).
 *
 * @param conclusion  success, failure, or error when the bot itself could not finish the review
 * @param title       one line (check run title; also the commit status description)
 * @param summary     markdown for the check run's summary
 * @param annotations file/line annotations for the check run; ignored by commit statuses
 */
public record StatusReport(Conclusion conclusion, String title, String summary, List<Annotation> annotations) {

    public static final String NAME = "tollgate";

    public enum Conclusion { SUCCESS, FAILURE, ERROR }

    public record Annotation(String path, int startLine, int endLine, Level level, String title, String message) {
        public enum Level { NOTICE, WARNING, FAILURE }
    }

    public StatusReport {
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        annotations = List.copyOf(annotations);
    }

    public static StatusReport success(String title) {
        return new StatusReport(Conclusion.SUCCESS, title, title, List.of());
    }

    public static StatusReport error(String title, String summary) {
        return new StatusReport(Conclusion.ERROR, title, summary, List.of());
    }
}
