package dev.tollgate.policy.secrets;

/**
 * A secret found in a file's text.
 *
 * @param kind     detector name, stable, used by rules: e.g. {@code aws-access-key}, {@code private-key}
 * @param line     1-based line of the secret's first character
 * @param column   1-based column
 * @param endLine  line of the secret's last character
 * @param redacted what to show users: the kind and a masked prefix, never the secret itself
 */
public record SecretHit(String kind, int line, int column, int endLine, String redacted) {
}
