package dev.tollgate.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** A few counters and gauges, rendered in the Prometheus text format. */
public final class Metrics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
    private final Map<String, String> help = new ConcurrentHashMap<>();

    /** Increments {@code name} with one label, e.g. {@code increment("tollgate_webhooks_total", "result", "accepted")}. */
    public void increment(String name, String label, String value) {
        counters.computeIfAbsent(name + "{" + label + "=\"" + escape(value) + "\"}", k -> new LongAdder()).increment();
    }

    public long value(String name, String label, String value) {
        LongAdder adder = counters.get(name + "{" + label + "=\"" + escape(value) + "\"}");
        return adder == null ? 0 : adder.sum();
    }

    public void gauge(String name, String description, LongSupplier supplier) {
        gauges.put(name, supplier);
        help.put(name, description);
    }

    public void describe(String name, String description) {
        help.put(name, description);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, Long>> byName = new TreeMap<>();
        counters.forEach((key, adder) -> byName
                .computeIfAbsent(key.substring(0, key.indexOf('{')), k -> new TreeMap<>()).put(key, adder.sum()));
        byName.forEach((name, series) -> {
            header(out, name, "counter");
            series.forEach((key, value) -> out.append(key).append(' ').append(value).append('\n'));
        });
        new TreeMap<>(gauges).forEach((name, supplier) -> {
            header(out, name, "gauge");
            out.append(name).append(' ').append(supplier.getAsLong()).append('\n');
        });
        return out.toString();
    }

    private void header(StringBuilder out, String name, String type) {
        String description = help.get(name);
        if (description != null) {
            out.append("# HELP ").append(name).append(' ').append(description).append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
