package dev.tollgate.iac.terraform;

import java.util.List;

/** A pure Terraform function over evaluated arguments. */
record Fn(Unknowns unknowns, Body body) {

    /** How unknown arguments are handled before the body runs. */
    enum Unknowns {
        /** The result is unknown when any argument, or anything inside one, is unknown. */
        DEEP,
        /** The result is unknown when an argument itself is unknown; unknown elements are only moved around. */
        SHALLOW
    }

    interface Body {
        Object apply(List<Object> args);
    }

    static Fn deep(Body body) {
        return new Fn(Unknowns.DEEP, body);
    }

    static Fn shallow(Body body) {
        return new Fn(Unknowns.SHALLOW, body);
    }

    static Object arg(List<Object> args, int i) {
        if (i >= args.size()) {
            throw new EvalException("missing argument " + (i + 1));
        }
        return args.get(i);
    }

    static void arity(List<Object> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new EvalException("wrong number of arguments: " + args.size());
        }
    }
}
