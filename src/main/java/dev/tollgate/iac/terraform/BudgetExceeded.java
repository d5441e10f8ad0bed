package dev.tollgate.iac.terraform;

/** The evaluation of a module used up its step budget; unlike {@link EvalException}, {@code try()} does not catch it. */
final class BudgetExceeded extends RuntimeException {
    BudgetExceeded(String message) {
        super(message, null, false, false);
    }
}
