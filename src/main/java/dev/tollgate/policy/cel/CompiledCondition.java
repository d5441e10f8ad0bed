package dev.tollgate.policy.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CEL expression compiled once, with the field names it can read.
 *
 * @param selectedNames every field name the expression selects ({@code a.b}, {@code a.?b}, {@code has(a.b)})
 *                      plus every string literal (a literal may be used as a key: {@code a["b"]})
 * @param dynamicAccess the expression indexes with a computed key, so it may read fields it never names
 */
public record CompiledCondition(String source, CelRuntime.Program program, Set<String> selectedNames,
                                boolean dynamicAccess) {

    /** Evaluates with the given variables (already converted by {@link CelValues}). */
    public Object evaluate(Map<String, ?> variables) throws CelEvaluationException {
        return program.eval(variables);
    }

    /**
     * Whether the expression may have read the value at this name path (list indices dropped): it names every
     * element of the path, or it indexes dynamically below a name of the path that it selects.
     */
    public boolean reads(List<String> namePath) {
        if (namePath.isEmpty()) {
            return true;
        }
        if (selectedNames.containsAll(namePath)) {
            return true;
        }
        return dynamicAccess && selectedNames.contains(namePath.get(0));
    }
}
