package dev.tollgate.review;

import dev.tollgate.iac.SourceFile;

import java.time.LocalDate;
import java.util.List;

/**
 * The pure scan pipeline shared by the CLI and the bot: IaC readers, then policy rules and the secrets pass,
 * then exceptions. No network, no database.
 */
public final class Scanner {

    /**
     * @param files          every file fetched for the scan (changed files and their module siblings)
     * @param today          the date exceptions are judged against
     * @param maxExceptionDays the repository's longest allowed exception window
     */
    public ScanReport scan(List<SourceFile> files, LocalDate today, int maxExceptionDays) {
        throw new UnsupportedOperationException("scan pipeline not wired yet");
    }
}
