package dev.tollgate.iac.terraform;

/**
 * An expression that Terraform itself would reject (wrong type, missing key, index out of range). It is
 * caught where an attribute is evaluated, which then becomes unknown, and by {@code try()}/{@code can()}.
 */
final class EvalException extends RuntimeException {
    EvalException(String message) {
        super(message, null, false, false);
    }
}
