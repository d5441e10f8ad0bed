package dev.tollgate.iac.terraform;

import java.util.List;
import java.util.Locale;

/** Terraform's {@code format()} verbs: %s %d %f %e %g %t %v %#v %q %x %X %o %b %%, with flags, width, precision. */
final class Format {
    private Format() {
    }

    static String format(String spec, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i < spec.length() && spec.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int start = i;
            while (i < spec.length() && "-+# 0".indexOf(spec.charAt(i)) >= 0) {
                i++;
            }
            String flags = spec.substring(start, i);
            if (i < spec.length() && spec.charAt(i) == '[') {
                int close = spec.indexOf(']', i);
                if (close < 0) {
                    throw new EvalException("format: unclosed argument index");
                }
                next = Integer.parseInt(spec.substring(i + 1, close)) - 1;
                i = close + 1;
            }
            start = i;
            while (i < spec.length() && (Character.isDigit(spec.charAt(i)) || spec.charAt(i) == '.')) {
                i++;
            }
            String widthPrecision = spec.substring(start, i);
            if (widthPrecision.length() > 6) {
                throw new EvalException("format: width too large");
            }
            if (i >= spec.length()) {
                throw new EvalException("format: verb missing");
            }
            char verb = spec.charAt(i++);
            if (next < 0 || next >= args.size()) {
                throw new EvalException("format: not enough arguments");
            }
            out.append(verb(verb, flags, widthPrecision, args.get(next++)));
            Values.checkString(out.toString());
        }
        return out.toString();
    }

    private static String verb(char verb, String flags, String widthPrecision, Object arg) {
        String javaFlags = flags.replace("#", "");
        switch (verb) {
            case 's':
                return pad(Values.toStr(arg), flags, widthPrecision);
            case 'q':
                return pad(Json.encode(Values.toStr(arg)), flags, widthPrecision);
            case 'v':
                if (flags.contains("#") || arg instanceof List || arg instanceof java.util.Map || arg == null) {
                    return pad(Json.encode(arg), flags.replace("#", ""), widthPrecision);
                }
                return pad(Values.toStr(arg), flags, widthPrecision);
            case 't':
                return pad(Boolean.toString(Values.toBool(arg)), flags, widthPrecision);
            case 'd':
                return String.format(Locale.ROOT, "%" + javaFlags + widthPrecision + "d", Values.toLong(arg));
            case 'x':
            case 'X':
            case 'o':
                return String.format(Locale.ROOT, "%" + javaFlags + widthPrecision + verb, Values.toLong(arg));
            case 'b':
                return pad(Long.toBinaryString(Values.toLong(arg)), flags, widthPrecision);
            case 'f':
            case 'e':
            case 'E':
            case 'g':
            case 'G':
                String wp = widthPrecision.isEmpty() && verb == 'f' ? ".6" : widthPrecision;
                return String.format(Locale.ROOT, "%" + javaFlags + wp + verb, Values.toDouble(arg));
            default:
                throw new EvalException("format: unsupported verb %" + verb);
        }
    }

    private static String pad(String s, String flags, String widthPrecision) {
        if (widthPrecision.isEmpty()) {
            return s;
        }
        String[] parts = widthPrecision.split("\\.", -1);
        String value = s;
        if (parts.length > 1 && !parts[1].isEmpty()) {
            int precision = Integer.parseInt(parts[1]);
            if (value.length() > precision) {
                value = value.substring(0, precision);
            }
        }
        int width = parts[0].isEmpty() ? 0 : Integer.parseInt(parts[0]);
        if (value.length() >= width) {
            return value;
        }
        String padding = " ".repeat(width - value.length());
        return flags.contains("-") ? value + padding : padding + value;
    }
}
