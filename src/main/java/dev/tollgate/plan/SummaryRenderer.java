package dev.tollgate.plan;

import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.Skipped;
import dev.tollgate.policy.Finding;

import java.util.List;
import java.util.function.Function;

/**
 * The review body: verdict, counts, then one section per kind of finding (blocking, new but below the
 * threshold, existing, excepted), files that could not be read or were skipped, and configuration warnings.
 * Bounded: each section lists at most {@link #MAX_PER_SECTION} entries and the whole body stays under
 * {@link CommentRenderer#MAX_BODY}; whatever is left out is counted.
 */
final class SummaryRenderer {

    static final int MAX_PER_SECTION = 50;

    /** What the summary needs besides the findings. */
    record Context(ReviewPlan.Conclusion conclusion, String statusDescription, String thresholdLabel,
                   boolean blockAll, List<ScanError> errors, java.util.Set<String> blockingErrorFiles,
                   List<Skipped> skipped, List<String> warnings, int disabledCount, int ignoredCount) {
    }

    String render(List<PlannedFinding> findings, Context context) {
        Body body = new Body();
        body.line(Marker.SUMMARY);
        body.line("## " + (context.conclusion() == ReviewPlan.Conclusion.SUCCESS ? "✅" : "❌") + " Tollgate: "
                + Markdown.text(context.statusDescription(), 200));
        body.line("");

        List<PlannedFinding> blocking = findings.stream().filter(PlannedFinding::blocking).toList();
        List<PlannedFinding> newQuiet = findings.stream()
                .filter(p -> !p.blocking() && p.kind() == PlannedFinding.Kind.NEW).toList();
        List<PlannedFinding> existing = findings.stream()
                .filter(p -> !p.blocking() && p.kind() == PlannedFinding.Kind.EXISTING).toList();
        List<PlannedFinding> excepted = findings.stream()
                .filter(p -> p.kind() == PlannedFinding.Kind.EXCEPTED).toList();

        if (!findings.isEmpty() || !context.errors().isEmpty()) {
            body.line("| | findings |");
            body.line("|---|---:|");
            body.line("| ⛔ blocking | " + blocking.size() + " |");
            body.line("| 🆕 new, not blocking | " + newQuiet.size() + " |");
            body.line("| 📦 existing (already at the base) | " + existing.size() + " |");
            body.line("| 🛡️ excepted | " + excepted.size() + " |");
            body.line("| ⚠️ files that could not be read | " + context.errors().stream()
                    .map(ScanError::file).distinct().count() + " |");
            body.line("");
        }

        section(body, "⛔ Blocking", blocking, this::findingEntry);
        section(body, "🆕 New, below the severity threshold (" + context.thresholdLabel() + "), not blocking",
                newQuiet, this::findingEntry);
        section(body, "📦 Existing findings (already at the base; "
                + (context.blockAll() ? "blocking is for block: all" : "not blocking") + ")", existing,
                this::findingEntry);
        section(body, "🛡️ Excepted", excepted, p -> findingHeadline(p.finding()) + " — "
                + Markdown.text(p.finding().statusDetail(), 500));
        section(body, "⚠️ Files that could not be read", context.errors(), e -> Markdown.code(e.file(), 300)
                + (e.line() > 0 ? " line " + e.line() : "") + ": " + Markdown.text(e.message(), 500)
                + (context.blockingErrorFiles().contains(e.file()) ? " (blocks: the file is changed or the error is new in this pull request)"
                : " (already there before this pull request; not blocking)"));
        section(body, "⏭️ Skipped files", context.skipped(), s -> Markdown.code(s.file(), 300) + ": "
                + Markdown.text(s.reason(), 500));
        List<String> notes = new java.util.ArrayList<>(context.warnings());
        if (context.disabledCount() > 0) {
            notes.add(context.disabledCount() + " finding(s) of rules disabled in .tollgate.yml were not reported");
        }
        if (context.ignoredCount() > 0) {
            notes.add(context.ignoredCount() + " finding(s) in paths ignored by .tollgate.yml were not reported");
        }
        section(body, "⚙️ Configuration", notes, note -> Markdown.text(note, 500));
        return body.finish();
    }

    private String findingEntry(PlannedFinding p) {
        Finding f = p.finding();
        StringBuilder entry = new StringBuilder(findingHeadline(f));
        if (p.inlineLine() > 0) {
            entry.append(" · commented inline");
        } else {
            if (p.notInlineWhy() != null) {
                entry.append(" · ").append(p.notInlineWhy());
            }
            entry.append("<br>").append(Markdown.text(f.message(), 500));
        }
        if (p.invalidException()) {
            entry.append("<br>⚠️ ").append(Markdown.text(f.statusDetail(), 1000));
        }
        return entry.toString();
    }

    private static String findingHeadline(Finding f) {
        return CommentRenderer.badge(f.severity()) + " " + Markdown.code(f.ruleId(), 100) + " "
                + Markdown.text(f.title(), 200) + " — " + Markdown.code(f.resource(), 200) + " at "
                + Markdown.code(f.file() + ":" + f.startLine(), 300);
    }

    private <T> void section(Body body, String title, List<T> items, Function<T, String> entry) {
        if (items.isEmpty()) {
            return;
        }
        body.line("### " + title + " (" + items.size() + ")");
        body.line("");
        int shown = 0;
        for (T item : items) {
            if (shown == MAX_PER_SECTION || !body.fits()) {
                break;
            }
            body.line("- " + entry.apply(item));
            shown++;
        }
        if (shown < items.size()) {
            body.line("- … and " + (items.size() - shown) + " more not listed here");
        }
        body.line("");
    }

    /** A body that stops growing near the comment size limit, and says so. */
    private static final class Body {
        private static final int BUDGET = CommentRenderer.MAX_BODY - 2_000;
        private final StringBuilder sb = new StringBuilder();
        private boolean cut;

        void line(String text) {
            if (sb.length() + text.length() + 1 > BUDGET) {
                cut = true;
                return;
            }
            sb.append(text).append('\n');
        }

        boolean fits() {
            return sb.length() < BUDGET - 1_000;
        }

        String finish() {
            if (cut) {
                sb.append("\n…the summary was shortened to stay within the comment size limit.\n");
            }
            return sb.toString();
        }
    }
}
