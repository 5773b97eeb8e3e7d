package org.outreachexchange.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects rows (a figure beside its raw baseline and the goal it is held to) and writes them as markdown and JSON. */
final class Report {

    /** One measured figure. {@code met} is null where no goal applies. */
    record Row(String section, String metric, double value, String unit, String baseline, Double baselineValue,
               String goal, Boolean met, String note) {

        Double ratio() {
            return baselineValue == null || baselineValue == 0 ? null : value / baselineValue;
        }
    }

    private final String title;
    private final Instant started = Instant.now();
    private final Map<String, Object> machine;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private Path written;

    Report(String title, Map<String, Object> machine) {
        this.title = title;
        this.machine = machine;
    }

    synchronized void add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-22s %-48s %12s %-6s %s%n", row.section(), row.metric(), format(row.value()), row.unit(),
                row.baselineValue() == null ? "" : "baseline " + format(row.baselineValue()) + " (" + row.baseline() + ")");
    }

    void add(String section, String metric, double value, String unit, String note) {
        add(new Row(section, metric, value, unit, null, null, null, null, note));
    }

    synchronized void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    synchronized void raw(String key, Object value) {
        raw.put(key, value);
    }

    void machine(String key, Object value) {
        machine.put(key, value);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(title).append("\n\n");
        md.append("Run ").append(DateTimeFormatter.ISO_INSTANT.format(started)).append(" · ");
        md.append(machine.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + " · " + b).orElse(""));
        md.append("\n\n");
        md.append("| section | metric | value | unit | raw baseline | baseline value | ratio | goal | met | note |\n");
        md.append("|---|---|---:|---|---|---:|---:|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.section()).append(" | ").append(r.metric()).append(" | ").append(format(r.value()))
                    .append(" | ").append(r.unit()).append(" | ").append(nullToDash(r.baseline()))
                    .append(" | ").append(r.baselineValue() == null ? "–" : format(r.baselineValue()))
                    .append(" | ").append(r.ratio() == null ? "–" : String.format(Locale.ROOT, r.ratio() < 0.1 ? "%.2g×" : "%.2f×", r.ratio()))
                    .append(" | ").append(nullToDash(r.goal()))
                    .append(" | ").append(r.met() == null ? "–" : r.met() ? "yes" : "**no**")
                    .append(" | ").append(nullToDash(r.note())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(n -> md.append("- ").append(n).append("\n"));
        }
        return md.toString();
    }

    /**
     * Writes results/<timestamp>.md and .json once; returns the markdown path. Called at the end and, should the
     * script's time limit stop the run, from the shutdown hook, so a cut-short run still leaves its figures.
     */
    synchronized Path write(Path dir, String prefix) {
        if (written != null) {
            return written;
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started);
        try {
            Files.createDirectories(dir);
            Path md = dir.resolve(prefix + stamp + ".md");
            Files.writeString(md, markdown());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("title", title);
            json.put("started", started.toString());
            json.put("finished", Instant.now().toString());
            json.put("machine", machine);
            List<Map<String, Object>> list = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("section", r.section());
                m.put("metric", r.metric());
                m.put("value", r.value());
                m.put("unit", r.unit());
                m.put("baseline", r.baseline());
                m.put("baselineValue", r.baselineValue());
                m.put("ratio", r.ratio());
                m.put("goal", r.goal());
                m.put("met", r.met());
                m.put("note", r.note());
                list.add(m);
            }
            json.put("results", list);
            json.put("notes", notes);
            json.put("raw", raw);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(prefix + stamp + ".json").toFile(), json);
            written = md;
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "–" : s.replace("|", "/");
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
