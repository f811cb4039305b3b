package org.nae4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One line of OUT/summary.csv and OUT/summary.parquet: how a recording went. The numbers are null for a
 * failed recording.
 *
 * @param status       {@link #DONE} or {@link #FAILED}
 * @param error        for a failed recording, the message the command line prints (e.g. "nae4j: error: a.wav: not a
 *                     WAV file (no RIFF/WAVE header)"); "" otherwise
 * @param k            frequency bins K
 * @param n            frames N
 * @param r            pitches R
 * @param l1Error      column-wise l1 error of the result
 * @param relativeL1   the same relative to the l1 norm of V
 * @param seconds      wall-clock seconds of the recording's task (reading, decomposing, writing)
 * @param host         the executor's host name
 * @param executor     the executor's id ("driver" in local mode)
 * @param parameters   the run's parameters as JSON (task, options, threads per task)
 */
record SummaryRow(String id, String status, String error, String audio, String score, String model,
                  Integer k, Integer n, Integer r, Integer iterations, Double l1Error, Double relativeL1,
                  Double seconds, String host, String executor, String parameters) implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String DONE = "done";
    static final String FAILED = "failed";

    static final List<String> COLUMNS = List.of("id", "status", "error", "audio", "score", "model", "K", "N", "R",
            "iterations", "l1_error", "relative_l1_error", "seconds", "host", "executor", "parameters");

    static SummaryRow failed(Manifest.Entry e, String error, Double seconds, String host, String executor,
                             String parameters) {
        return new SummaryRow(e.id(), FAILED, error, e.audio(), e.score(), e.model(), null, null, null, null, null,
                null, seconds, host, executor, parameters);
    }

    boolean done() {
        return DONE.equals(status);
    }

    List<Object> values() {
        List<Object> v = new ArrayList<>();
        v.add(id);
        v.add(status);
        v.add(error);
        v.add(audio);
        v.add(score);
        v.add(model);
        v.add(k);
        v.add(n);
        v.add(r);
        v.add(iterations);
        v.add(l1Error);
        v.add(relativeL1);
        v.add(seconds);
        v.add(host);
        v.add(executor);
        v.add(parameters);
        return v;
    }

    /** The row as a JSON object (kept in the commit marker, so that a rerun that skips the recording can report it). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> v = values();
        for (int i = 0; i < COLUMNS.size(); i++) {
            m.put(COLUMNS.get(i), v.get(i));
        }
        return m;
    }

    static SummaryRow fromMap(Map<String, Object> m) {
        return new SummaryRow(str(m, "id"), str(m, "status"), str(m, "error"), str(m, "audio"), str(m, "score"),
                str(m, "model"), integer(m, "K"), integer(m, "N"), integer(m, "R"), integer(m, "iterations"),
                real(m, "l1_error"), real(m, "relative_l1_error"), real(m, "seconds"), str(m, "host"),
                str(m, "executor"), str(m, "parameters"));
    }

    static StructType schema() {
        DataType[] types = {DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.StringType,
            DataTypes.StringType, DataTypes.StringType, DataTypes.IntegerType, DataTypes.IntegerType,
            DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.DoubleType, DataTypes.DoubleType,
            DataTypes.DoubleType, DataTypes.StringType, DataTypes.StringType, DataTypes.StringType};
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            fields.add(DataTypes.createStructField(COLUMNS.get(i), types[i], i > 1));
        }
        return DataTypes.createStructType(fields);
    }

    Row toRow() {
        return RowFactory.create(values().toArray());
    }

    private static String str(Map<String, Object> m, String key) {
        Object o = m.get(key);
        return o == null ? null : String.valueOf(o);
    }

    private static Integer integer(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number x ? x.intValue() : null;
    }

    private static Double real(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number x ? x.doubleValue() : null;
    }
}
