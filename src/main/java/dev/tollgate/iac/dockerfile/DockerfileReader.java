package dev.tollgate.iac.dockerfile;

import dev.tollgate.iac.IacReader;
import dev.tollgate.iac.ParsedFiles;
import dev.tollgate.iac.Resource;
import dev.tollgate.iac.ScanError;
import dev.tollgate.iac.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Dockerfiles ({@code Dockerfile}, {@code Dockerfile.dev}, {@code api.Dockerfile}, {@code Containerfile}).
 *
 * <p>Resources, following checkov's ids ({@code <path>.<INSTRUCTION>}, the whole file for a missing instruction):
 * <ul>
 *   <li>one of type {@code Dockerfile}, address = the file path: the whole file, for rules about what is missing
 *       (no USER, no HEALTHCHECK). Attributes: {@code instructions} (all), {@code stages}, {@code final_stage},
 *       {@code user} (the USER the final image runs as, absent when none), {@code healthcheck}.</li>
 *   <li>one per instruction keyword present, of type = the keyword ({@code FROM}, {@code USER}, {@code ADD} ...),
 *       address {@code <path>.<KEYWORD>}: {@code instructions} holds the instructions of that keyword (judged one
 *       by one with {@code each: instructions}), plus the file-level fields above for context.</li>
 * </ul>
 * Every instruction map has {@code instruction, value, line, end_line, flags, form, args, heredocs, stage,
 * final_image} and, by kind, {@code image, stage_name} (FROM), {@code user, group, effective_user} (USER),
 * {@code ports} (EXPOSE), {@code vars} (ENV, ARG), {@code sources, destination} (ADD, COPY), {@code command}
 * (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK), {@code none} (HEALTHCHECK).
 */
public final class DockerfileReader implements IacReader {

    public static final String FORMAT = "dockerfile";
    public static final String FILE_TYPE = "Dockerfile";

    @Override
    public boolean accepts(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                || name.equals("containerfile") || name.startsWith("containerfile.");
    }

    @Override
    public ParsedFiles read(List<SourceFile> files) {
        List<Resource> resources = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        for (SourceFile file : files) {
            if (!accepts(file.path())) {
                continue;
            }
            try {
                read(file, resources, errors);
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new ScanError(file.path(), 0, 0, "could not read the Dockerfile: " + e));
            }
        }
        return new ParsedFiles(resources, errors, List.of());
    }

    /**
     * The instruction's line; for a one-line instruction also its {@code .instruction} path, so that a rule's
     * one-line suggestion (which replaces the pointed line) is offered only where one line holds it all.
     */
    static void putInstructionLines(Map<String, Integer> lines, String path, Instruction instruction) {
        lines.put(path, instruction.line());
        if (instruction.line() == instruction.endLine()) {
            lines.put(path + ".instruction", instruction.line());
        }
    }

    private static void read(SourceFile file, List<Resource> resources, List<ScanError> errors) {
        DockerfileParser.Result parsed = new DockerfileParser().parse(file.text());
        parsed.problems().forEach(p -> errors.add(new ScanError(file.path(), p.line(), p.column(), p.message())));
        List<Instruction> instructions = parsed.instructions();
        if (instructions.isEmpty()) {
            return;
        }
        if (!instructions.get(0).keyword().equals("FROM") && instructions.stream()
                .takeWhile(i -> !i.keyword().equals("FROM")).anyMatch(i -> !i.keyword().equals("ARG"))) {
            Instruction first = instructions.stream().filter(i -> !i.keyword().equals("ARG")).findFirst().orElseThrow();
            errors.add(new ScanError(file.path(), first.line(), 1,
                    "a Dockerfile must start with FROM (only ARG may come before it), found " + first.keyword()));
        }
        DockerfileModel.Model model = new DockerfileModel(parsed.escape()).build(instructions);
        int lastLine = instructions.get(instructions.size() - 1).endLine();
        resources.add(new Resource(FORMAT, FILE_TYPE, file.path(), file.path(), 1, lastLine,
                model.fileAttributes(), model.fileLines(), Set.of()));
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        for (int i = 0; i < instructions.size(); i++) {
            byKeyword.computeIfAbsent(instructions.get(i).keyword(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> group : byKeyword.entrySet()) {
            List<Map<String, Object>> selected = new ArrayList<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (int k = 0; k < group.getValue().size(); k++) {
                int index = group.getValue().get(k);
                selected.add(model.instructions().get(index));
                putInstructionLines(lines, "instructions[" + k + "]", instructions.get(index));
            }
            model.fileLines().forEach((path, line) -> {
                if (!path.startsWith("instructions[")) {
                    lines.put(path, line);
                }
            });
            Map<String, Object> attributes = new LinkedHashMap<>(model.fileAttributes());
            attributes.put("instructions", selected);
            Instruction first = instructions.get(group.getValue().get(0));
            Instruction last = instructions.get(group.getValue().get(group.getValue().size() - 1));
            resources.add(new Resource(FORMAT, group.getKey(), file.path() + "." + group.getKey(), file.path(),
                    first.line(), last.endLine(), attributes, lines, Set.of()));
        }
    }
}
