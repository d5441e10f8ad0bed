package dev.tollgate.iac;

import java.util.List;

/**
 * Reads the files of one IaC format into resources. Implementations are pure: no network, no file system
 * beyond the texts they are given, bounded work on hostile input, and errors reported rather than thrown.
 */
public interface IacReader {

    /** True when this reader handles the file at this path (it may still find the content is not its format). */
    boolean accepts(String path);

    /**
     * Reads the given files. {@code files} holds every file handed to the scan, so that a reader can use the
     * siblings of a file (a Terraform module's other files) even when it reports only on some of them.
     */
    ParsedFiles read(List<SourceFile> files);
}
