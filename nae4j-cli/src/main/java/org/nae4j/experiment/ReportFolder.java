package org.nae4j.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.FolderMarker;
import org.nae4j.io.IoErrors;
import org.nae4j.io.Json;
import org.nae4j.io.OutputPaths;
import org.nae4j.model.Method;

/**
 * The rules for an experiment's report folder, which grows run by run instead of being written at once: a new
 * or empty folder is started (with nae4j's marker); an experiment folder of nae4j's is continued with
 * {@code --resume} or written again with {@code --overwrite}; anything else is refused. Each run folder
 * inside follows the rules of {@link org.nae4j.io.OutputFolder}.
 */
final class ReportFolder {
    private ReportFolder() {
    }

    /** Checks {@code out} and starts it if it is new or empty. */
    static void open(Path out, Path data, boolean resume, boolean overwrite) {
        OutputPaths.refuseProtected(out, List.of(data), "report folder");
        try {
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(out)) {
                    throw InvalidInputException.of(out, "exists and is not a folder; choose another name");
                }
                if (!OutputPaths.isEmpty(out)) {
                    if (!FolderMarker.present(out) || !"experiment".equals(FolderMarker.command(out))) {
                        throw InvalidInputException.of(out, "is not empty and is not an experiment report of nae4j's; "
                                + "choose a new or empty folder");
                    }
                    if (!resume && !overwrite) {
                        throw InvalidInputException.of(out, "holds an earlier experiment; pass --resume to continue "
                                + "it, --overwrite to run it again, or choose another folder");
                    }
                    return;
                }
            }
            Files.createDirectories(out);
            FolderMarker.write(out, "experiment");
        } catch (IOException e) {
            throw IoErrors.cannotWrite(out, e);
        }
    }

    /**
     * With {@code resume} but not {@code overwrite}, refuses (before anything runs) an experiment whose finished
     * runs were made with other parameters: keeping them would mix two experiments in one table.
     */
    static void checkFinishedRuns(Path out, List<Recording> recordings, ExperimentOptions o) {
        if (!o.resume() || o.overwrite()) {
            return;
        }
        for (Recording rec : recordings) {
            for (Method m : o.methods()) {
                Path dir = Experiment.runDir(out, rec, m);
                if (finished(dir) && !sameRun(dir, rec, o, m)) {
                    throw InvalidInputException.of(dir, "was made with other parameters (" + difference(dir, o, m)
                            + "); pass --overwrite to rerun such runs, or choose another folder");
                }
            }
        }
    }

    /** Whether {@code dir} holds a finished run made with the parameters {@code o} asks for. */
    static boolean sameRun(Path dir, Recording rec, ExperimentOptions o, Method m) {
        return finished(dir) && difference(dir, o, m) == null;
    }

    /** Adds the report's own files to the marker of {@code out}. */
    static void record(Path out, List<String> files) {
        List<String> names = new ArrayList<>(files);
        names.add("runs/");
        FolderMarker.add(out, names);
    }

    private static boolean finished(Path dir) {
        return Files.isRegularFile(dir.resolve("summary.json")) && FolderMarker.present(dir);
    }

    /** The first parameter whose value differs, as "iterations 100, not 200", or null if none does. */
    private static String difference(Path dir, ExperimentOptions o, Method m) {
        Map<String, Object> summary = Json.readObject(dir.resolve("summary.json"));
        Object p = summary.get("parameters");
        Map<?, ?> stored = p instanceof Map<?, ?> map ? map : Map.of();
        for (Map.Entry<String, Object> e : Experiment.defining(o, m).entrySet()) {
            // Compared as JSON text: numbers read back from JSON may be Integer where they were Long.
            String want = Json.toString(e.getValue());
            Object had = stored.get(e.getKey());
            String got = had == null ? "none" : Json.toString(had);
            if (!want.equals(got)) {
                return e.getKey() + " " + oneLine(got) + ", not " + oneLine(want);
            }
        }
        return null;
    }

    private static String oneLine(String json) {
        return json.replaceAll("\\s+", " ");
    }
}
