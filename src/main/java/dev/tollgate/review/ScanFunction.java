package dev.tollgate.review;

import dev.tollgate.iac.SourceFile;

import java.time.LocalDate;
import java.util.List;

/** The pure scan, as the review service sees it: {@link Scanner#scan} in production, a stand-in in tests. */
@FunctionalInterface
public interface ScanFunction {

    ScanReport scan(List<SourceFile> files, LocalDate today, int maxExceptionDays);

    static ScanFunction of(Scanner scanner) {
        return scanner::scan;
    }
}
