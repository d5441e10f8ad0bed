package dev.tollgate.iac.dockerfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.iac.Unknown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns parsed instructions into the attribute maps the rules read: every instruction with its flags, arguments
 * and the fields its kind needs (the image of a FROM, the user of a USER, the variables of ENV/ARG, the ports of
 * EXPOSE, the sources of ADD/COPY, the command of RUN), the build stages, and which stages make up the final
 * image (the last stage and the earlier stages it is built FROM).
 *
 * <p>Variables are substituted as BuildKit does: ARGs declared before the first FROM in FROM lines; ARG and ENV
 * of the stage in ADD, COPY, ENV, EXPOSE, USER, WORKDIR ... A value that depends on a build argument without
 * default or on the base image's environment is {@link Unknown#VALUE}, so rules never guess.
 */
final class DockerfileModel {

    private static final Set<String> SUBSTITUTED = Set.of("ADD", "COPY", "ENV", "EXPOSE", "FROM", "LABEL",
            "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ARG", "ONBUILD");
    private static final Set<String> WITH_FLAGS = Set.of("FROM", "RUN", "COPY", "ADD", "HEALTHCHECK");
    private static final Set<String> EXEC_FORM = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD",
            "VOLUME", "HEALTHCHECK");
    private static final Pattern FLAG = Pattern.compile("--([A-Za-z][A-Za-z0-9-]{0,40})(=(\\S*))?");
    private static final Pattern PORT = Pattern.compile("([0-9]{1,5})(?:-([0-9]{1,5}))?(?:/([A-Za-z]{1,8}))?");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()).build());

    /** The model of one file: instruction maps (index-aligned with the input) and stage maps. */
    record Model(List<Map<String, Object>> instructions, List<Map<String, Object>> stages,
                 Map<String, Object> fileAttributes, Map<String, Integer> fileLines) {
    }

    private final char escape;

    DockerfileModel(char escape) {
        this.escape = escape;
    }

    Model build(List<Instruction> parsed) {
        List<Map<String, Object>> instructions = new ArrayList<>();
        List<Map<String, Object>> stages = new ArrayList<>();
        List<Integer> stageParents = new ArrayList<>();
        Map<String, Integer> stageByName = new HashMap<>();
        Map<String, String> globalArgs = new HashMap<>();
        Map<String, String> args = new HashMap<>();
        Map<String, String> envs = new HashMap<>();
        List<Map<String, String>> stageEnvs = new ArrayList<>();
        int stage = -1;
        for (Instruction instruction : parsed) {
            String keyword = instruction.keyword();
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("instruction", keyword);
            map.put("value", instruction.value());
            map.put("line", (long) instruction.line());
            map.put("end_line", (long) instruction.endLine());
            Map<String, String> lookupArgs = stage < 0 || keyword.equals("FROM") ? globalArgs : args;
            Map<String, String> lookupEnvs = stage < 0 || keyword.equals("FROM") ? Map.of() : envs;
            ShellWords words = new ShellWords(escape, name -> lookupEnvs.containsKey(name) ? lookupEnvs.get(name)
                    : lookupArgs.get(name));
            ShellWords literal = new ShellWords(escape, name -> null);
            String rest = instruction.value();
            Map<String, Object> flags = new LinkedHashMap<>();
            if (WITH_FLAGS.contains(keyword)) {
                rest = readFlags(rest, flags, SUBSTITUTED.contains(keyword) ? words : literal);
            }
            map.put("flags", flags);
            List<String> exec = EXEC_FORM.contains(keyword) ? execForm(rest) : null;
            map.put("form", exec == null ? "shell" : "exec");
            List<Object> argValues = new ArrayList<>();
            if (exec != null) {
                argValues.addAll(exec);
            } else {
                for (ShellWords.Word word : (SUBSTITUTED.contains(keyword) ? words : literal).split(rest)) {
                    argValues.add(SUBSTITUTED.contains(keyword) && word.unknown() ? Unknown.VALUE : word.text());
                }
            }
            map.put("args", argValues);
            List<Map<String, Object>> heredocs = new ArrayList<>();
            for (Instruction.Heredoc heredoc : instruction.heredocs()) {
                heredocs.add(new LinkedHashMap<>(Map.of("delimiter", heredoc.delimiter(), "body", heredoc.body(),
                        "line", (long) heredoc.line())));
            }
            map.put("heredocs", heredocs);
            switch (keyword) {
                case "FROM" -> {
                    stage++;
                    Integer parent = from(map, words.split(rest), stageByName);
                    stageParents.add(parent);
                    args = new HashMap<>();
                    envs = parent == null ? new HashMap<>() : new HashMap<>(stageEnvs.get(parent));
                    stageEnvs.add(envs);
                    Map<String, Object> stageMap = new LinkedHashMap<>();
                    stageMap.put("index", (long) stage);
                    stageMap.put("name", map.get("stage_name"));
                    stageMap.put("image", map.get("image"));
                    stageMap.put("line", (long) instruction.line());
                    stages.add(stageMap);
                    Object name = map.get("stage_name");
                    if (name instanceof String s) {
                        stageByName.put(s.toLowerCase(Locale.ROOT), stage);
                    }
                }
                case "RUN", "CMD", "ENTRYPOINT", "SHELL" -> map.put("command", command(exec, rest, instruction));
                case "HEALTHCHECK" -> {
                    boolean none = rest.strip().equalsIgnoreCase("NONE");
                    map.put("none", none);
                    String cmd = rest.strip().regionMatches(true, 0, "CMD", 0, 3) ? rest.strip().substring(3).strip()
                            : "";
                    List<String> cmdExec = execForm(cmd);
                    map.put("command", none ? "" : command(cmdExec, cmd, instruction));
                }
                case "USER" -> user(map, rest, words);
                case "EXPOSE" -> map.put("ports", ports(argValues));
                case "ENV" -> map.put("vars", env(rest, words, envs));
                case "ARG" -> map.put("vars", arg(rest, words, stage < 0 ? globalArgs : args, stage < 0, globalArgs));
                case "ADD", "COPY" -> {
                    List<Object> paths = new ArrayList<>(argValues);
                    map.put("destination", paths.isEmpty() ? null : paths.remove(paths.size() - 1));
                    map.put("sources", paths);
                }
                default -> {
                }
            }
            map.put("stage", (long) stage);
            instructions.add(map);
        }
        return finish(parsed, instructions, stages, stageParents);
    }

    private Model finish(List<Instruction> parsed, List<Map<String, Object>> instructions,
                         List<Map<String, Object>> stages, List<Integer> stageParents) {
        Set<Long> finalImage = new java.util.HashSet<>();
        List<Integer> chain = new ArrayList<>();
        for (Integer s = stages.isEmpty() ? null : stages.size() - 1; s != null && finalImage.add((long) (int) s);
             s = stageParents.get(s)) {
            chain.add(s);
        }
        for (int s = 0; s < stages.size(); s++) {
            stages.get(s).put("final_image", finalImage.contains((long) s));
        }
        for (Map<String, Object> instruction : instructions) {
            instruction.put("final_image", finalImage.contains((Long) instruction.get("stage")));
        }
        Map<String, Object> file = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        file.put("instructions", instructions);
        file.put("stages", stages);
        for (int i = 0; i < instructions.size(); i++) {
            DockerfileReader.putInstructionLines(lines, "instructions[" + i + "]", parsed.get(i));
        }
        for (int s = 0; s < stages.size(); s++) {
            lines.put("stages[" + s + "]", ((Long) stages.get(s).get("line")).intValue());
        }
        if (!stages.isEmpty()) {
            file.put("final_stage", stages.get(stages.size() - 1));
            lines.put("final_stage", lines.get("stages[" + (stages.size() - 1) + "]"));
        }
        Map<String, Object> user = lastInChain(instructions, chain, "USER");
        if (user != null) {
            user.put("effective_user", true);
            file.put("user", user.get("user"));
            lines.put("user", ((Long) user.get("line")).intValue());
        }
        Map<String, Object> healthcheck = lastInChain(instructions, chain, "HEALTHCHECK");
        if (healthcheck != null) {
            file.put("healthcheck", healthcheck);
            lines.put("healthcheck", ((Long) healthcheck.get("line")).intValue());
        }
        for (Map<String, Object> instruction : instructions) {
            if (instruction.get("instruction").equals("USER")) {
                instruction.putIfAbsent("effective_user", false);
            }
        }
        return new Model(instructions, stages, file, lines);
    }

    /** The last instruction of this kind in the stage nearest to the end of the final image's chain. */
    private static Map<String, Object> lastInChain(List<Map<String, Object>> instructions, List<Integer> chain,
                                                   String keyword) {
        for (int stage : chain) {
            Map<String, Object> last = null;
            for (Map<String, Object> instruction : instructions) {
                if (instruction.get("instruction").equals(keyword) && (Long) instruction.get("stage") == stage) {
                    last = instruction;
                }
            }
            if (last != null) {
                return last;
            }
        }
        return null;
    }

    /** Reads leading {@code --name[=value]} words into {@code flags}; returns the rest of the value. */
    private static String readFlags(String value, Map<String, Object> flags, ShellWords words) {
        String rest = value;
        while (rest.startsWith("--")) {
            int end = 0;
            while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                end++;
            }
            Matcher m = FLAG.matcher(rest.substring(0, end));
            if (!m.matches()) {
                break;
            }
            if (m.group(2) == null) {
                flags.put(m.group(1), true);
            } else {
                ShellWords.Word word = words.whole(m.group(3));
                flags.put(m.group(1), word.unknown() ? Unknown.VALUE : word.text());
            }
            rest = rest.substring(end).stripLeading();
        }
        return rest;
    }

    /** The arguments of a JSON exec form ({@code ["a", "b"]}), or null when the value is not one. */
    private static List<String> execForm(String value) {
        String v = value.strip();
        if (!v.startsWith("[") || !v.endsWith("]")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(v);
            if (!node.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return null;
                }
                out.add(element.asText());
            }
            return out;
        } catch (Exception e) {
            return null; // BuildKit runs it in shell form then
        }
    }

    /** The command a RUN runs: the exec arguments joined, or the shell text, then the heredoc bodies. */
    private static String command(List<String> exec, String shell, Instruction instruction) {
        StringBuilder command = new StringBuilder(exec == null ? shell : String.join(" ", exec));
        for (Instruction.Heredoc heredoc : instruction.heredocs()) {
            command.append('\n').append(heredoc.body());
        }
        return command.toString();
    }

    /** {@code [--platform=...] image [AS name]}; returns the index of the stage it builds on, if any. */
    private static Integer from(Map<String, Object> map, List<ShellWords.Word> words, Map<String, Integer> stages) {
        map.put("stage_name", null);
        if (words.isEmpty()) {
            map.put("image", Unknown.VALUE);
            return null;
        }
        if (words.size() >= 3 && words.get(1).text().equalsIgnoreCase("AS")) {
            map.put("stage_name", words.get(2).unknown() ? Unknown.VALUE : words.get(2).text());
        }
        ShellWords.Word image = words.get(0);
        if (image.unknown()) {
            map.put("image", Unknown.VALUE);
            return null;
        }
        Integer parent = stages.get(image.text().toLowerCase(Locale.ROOT));
        ImageReference reference = ImageReference.parse(image.text());
        map.put("image", reference.toAttributes(parent == null ? null : image.text()));
        return parent;
    }

    /**
     * {@code USER name[:group]}: {@code user} and {@code group}, each unknown when it depends on a variable
     * without known value. Split at the colon before substitution so that a known user keeps its value.
     */
    private static void user(Map<String, Object> map, String rest, ShellWords words) {
        String spec = rest.strip();
        int colon = -1;
        int depth = 0;
        for (int i = 0; i < spec.length() && colon < 0; i++) {
            char c = spec.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                colon = i;
            }
        }
        map.put("user", spec.isEmpty() ? null : known(words.whole(colon < 0 ? spec : spec.substring(0, colon))));
        map.put("group", colon < 0 ? null : known(words.whole(spec.substring(colon + 1))));
    }

    private static Object known(ShellWords.Word word) {
        return word.unknown() ? Unknown.VALUE : word.text();
    }

    /** {@code EXPOSE 80 443/tcp 5000-5010/udp}: {@code {from, to, protocol}} per word; unknown for a variable. */
    private static List<Object> ports(List<Object> args) {
        List<Object> ports = new ArrayList<>();
        for (Object arg : args) {
            if (!(arg instanceof String text)) {
                ports.add(Unknown.VALUE);
                continue;
            }
            Matcher m = PORT.matcher(text);
            if (!m.matches()) {
                continue; // BuildKit rejects it; nothing is exposed
            }
            long from = Long.parseLong(m.group(1));
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("from", from);
            port.put("to", m.group(2) == null ? from : Long.parseLong(m.group(2)));
            port.put("protocol", m.group(3) == null ? "tcp" : m.group(3).toLowerCase(Locale.ROOT));
            ports.add(port);
        }
        return ports;
    }

    /** {@code ENV a=1 b="two"} or the legacy {@code ENV key the rest of the line}; records known values. */
    private List<Object> env(String rest, ShellWords words, Map<String, String> envs) {
        List<Object> vars = new ArrayList<>();
        List<ShellWords.Word> split = words.split(rest);
        if (split.isEmpty()) {
            return vars;
        }
        if (!split.get(0).text().contains("=")) {
            int space = indexOfWhitespace(rest);
            String name = split.get(0).text();
            ShellWords.Word value = words.whole(space < 0 ? "" : rest.substring(space).strip());
            vars.add(variable(name, value, true));
            envs.put(name, value.unknown() ? null : value.text());
            return vars;
        }
        for (ShellWords.Word word : split) {
            int eq = word.text().indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = word.text().substring(0, eq);
            ShellWords.Word value = new ShellWords.Word(word.text().substring(eq + 1), word.unknown(),
                    word.reference());
            vars.add(variable(name, value, true));
            envs.put(name, value.unknown() ? null : value.text());
        }
        return vars;
    }

    /** {@code ARG name[=default] ...}; in a stage, an ARG without default takes the global default if any. */
    private List<Object> arg(String rest, ShellWords words, Map<String, String> scope, boolean global,
                             Map<String, String> globalArgs) {
        List<Object> vars = new ArrayList<>();
        for (ShellWords.Word word : words.split(rest)) {
            int eq = word.text().indexOf('=');
            String name = eq < 0 ? word.text() : word.text().substring(0, eq);
            if (eq < 0) {
                vars.add(variable(name, null, false));
                scope.put(name, global ? null : globalArgs.get(name));
            } else {
                ShellWords.Word value = new ShellWords.Word(word.text().substring(eq + 1), word.unknown(),
                        word.reference());
                vars.add(variable(name, value, true));
                scope.put(name, value.unknown() ? null : value.text());
            }
        }
        return vars;
    }

    /**
     * {@code {name, value, literal}}: {@code literal} is true when the value is written out in the file (no
     * variable reference), which is what makes a secret-looking value a leaked secret.
     */
    private static Map<String, Object> variable(String name, ShellWords.Word value, boolean hasValue) {
        Map<String, Object> var = new LinkedHashMap<>();
        var.put("name", name);
        var.put("value", !hasValue ? null : value.unknown() ? Unknown.VALUE : value.text());
        var.put("literal", hasValue && !value.reference());
        return var;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
