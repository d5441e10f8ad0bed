package dev.tollgate.iac;

/**
 * An exception written in a resource's own data rather than in a comment: CloudFormation {@code Metadata},
 * a Kubernetes annotation. Readers hand it over in the comment form, so that every exception is judged by the
 * same rules.
 *
 * @param file     the file that declares it
 * @param line     where it is declared (1-based)
 * @param resource the address of the resource it belongs to; it applies only to findings on that resource
 * @param text     what follows {@code tollgate:exception} in a comment: {@code RULE owner=… expires=… reason="…"}
 */
public record DeclaredException(String file, int line, String resource, String text) {
}
