package dev.tollgate.iac.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.tollgate.iac.terraform.Fn.arg;
import static dev.tollgate.iac.terraform.Fn.arity;
import static dev.tollgate.iac.terraform.Fn.deep;
import static dev.tollgate.iac.terraform.Values.checkSize;
import static dev.tollgate.iac.terraform.Values.checkString;
import static dev.tollgate.iac.terraform.Values.toList;
import static dev.tollgate.iac.terraform.Values.toStr;

/** String functions, including format/formatlist and the (bounded) regular expression functions. */
final class StringFunctions {
    private StringFunctions() {
    }

    static void register(Map<String, Fn> f) {
        f.put("lower", deep(args -> str1(args).toLowerCase(java.util.Locale.ROOT)));
        f.put("upper", deep(args -> str1(args).toUpperCase(java.util.Locale.ROOT)));
        f.put("title", deep(args -> title(str1(args))));
        f.put("trimspace", deep(args -> str1(args).strip()));
        f.put("chomp", deep(args -> str1(args).replaceAll("(\r?\n)+$", "")));
        f.put("strrev", deep(args -> new StringBuilder(str1(args)).reverse().toString()));
        f.put("trim", deep(args -> {
            arity(args, 2, 2);
            return trim(toStr(args.get(0)), toStr(args.get(1)));
        }));
        f.put("trimprefix", deep(args -> {
            arity(args, 2, 2);
            String s = toStr(args.get(0));
            String p = toStr(args.get(1));
            return s.startsWith(p) ? s.substring(p.length()) : s;
        }));
        f.put("trimsuffix", deep(args -> {
            arity(args, 2, 2);
            String s = toStr(args.get(0));
            String p = toStr(args.get(1));
            return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
        }));
        f.put("startswith", deep(args -> toStr(arg(args, 0)).startsWith(toStr(arg(args, 1)))));
        f.put("endswith", deep(args -> toStr(arg(args, 0)).endsWith(toStr(arg(args, 1)))));
        f.put("strcontains", deep(args -> toStr(arg(args, 0)).contains(toStr(arg(args, 1)))));
        f.put("substr", deep(StringFunctions::substr));
        f.put("join", deep(args -> {
            StringBuilder out = new StringBuilder();
            String sep = toStr(arg(args, 0));
            boolean first = true;
            for (Object list : args.subList(1, args.size())) {
                for (Object item : toList(list)) {
                    if (!first) {
                        out.append(sep);
                    }
                    out.append(toStr(item));
                    first = false;
                    checkString(out.toString());
                }
            }
            return out.toString();
        }));
        f.put("split", deep(args -> {
            arity(args, 2, 2);
            return split(toStr(args.get(0)), toStr(args.get(1)));
        }));
        f.put("replace", deep(args -> {
            arity(args, 3, 3);
            String s = toStr(args.get(0));
            String search = toStr(args.get(1));
            String replacement = toStr(args.get(2));
            if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
                return new BoundedRegex(search.substring(1, search.length() - 1)).replaceAll(s, replacement);
            }
            if (search.isEmpty()) {
                return s;
            }
            return checkString(s.replace(search, replacement));
        }));
        f.put("regex", deep(args -> {
            arity(args, 2, 2);
            BoundedRegex re = new BoundedRegex(toStr(args.get(0)));
            Matcher m = re.matcher(toStr(args.get(1)));
            if (!m.find()) {
                throw new EvalException("regex: no match");
            }
            return re.matchValue(m);
        }));
        f.put("regexall", deep(args -> {
            arity(args, 2, 2);
            BoundedRegex re = new BoundedRegex(toStr(args.get(0)));
            Matcher m = re.matcher(toStr(args.get(1)));
            List<Object> out = new ArrayList<>();
            while (m.find()) {
                out.add(re.matchValue(m));
                checkSize(out);
                if (m.end() == m.start() && m.end() >= m.regionEnd()) {
                    break;
                }
            }
            return out;
        }));
        f.put("tostring", deep(args -> {
            arity(args, 1, 1);
            Object v = args.get(0);
            return v == null ? null : toStr(v);
        }));
        f.put("format", deep(args -> Format.format(toStr(arg(args, 0)), args.subList(1, args.size()))));
        f.put("formatlist", deep(StringFunctions::formatlist));
        f.put("indent", deep(args -> {
            arity(args, 2, 2);
            String pad = " ".repeat(Math.max(0, Math.min(Values.toInt(args.get(0)), 1000)));
            return checkString(toStr(args.get(1)).replace("\n", "\n" + pad));
        }));
    }

    private static String str1(List<Object> args) {
        arity(args, 1, 1);
        return toStr(args.get(0));
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean startOfWord = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(startOfWord ? Character.toTitleCase(c) : c);
            startOfWord = !Character.isLetter(c) && !Character.isDigit(c) && c != '_';
        }
        return out.toString();
    }

    private static String trim(String s, String cutset) {
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static Object substr(List<Object> args) {
        arity(args, 3, 3);
        String s = toStr(args.get(0));
        int[] cps = s.codePoints().toArray();
        long offset = Values.toLong(args.get(1));
        long length = Values.toLong(args.get(2));
        if (offset < 0) {
            offset = Math.max(0, cps.length + offset);
        }
        if (offset > cps.length) {
            throw new EvalException("substr: offset out of range");
        }
        long end = length < 0 ? cps.length : Math.min(cps.length, offset + length);
        return new String(cps, (int) offset, (int) (end - offset));
    }

    private static Object split(String sep, String s) {
        List<Object> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return checkSize(out);
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                out.add(s.substring(from));
                return checkSize(out);
            }
            out.add(s.substring(from, at));
            checkSize(out);
            from = at + sep.length();
        }
    }

    private static Object formatlist(List<Object> args) {
        String spec = toStr(arg(args, 0));
        List<Object> rest = args.subList(1, args.size());
        int n = -1;
        for (Object a : rest) {
            if (a instanceof List<?> l) {
                if (n >= 0 && n != l.size()) {
                    throw new EvalException("formatlist: lists of different lengths");
                }
                n = l.size();
            }
        }
        if (n < 0) {
            return List.of(Format.format(spec, rest));
        }
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>(rest.size());
            for (Object a : rest) {
                row.add(a instanceof List<?> l ? l.get(i) : a);
            }
            out.add(Format.format(spec, row));
        }
        return out;
    }
}
