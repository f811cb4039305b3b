package org.nae4j.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.spark.SparkConf;

/**
 * Spark and Hadoop log warnings and errors only (Spark's defaults, which spark-submit uses, are INFO): the
 * progress is the corpus's own. Two warnings that every run on one machine prints and that need no action
 * are left out.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void apply() {
        // Spark sets up its logging once, at its first message; done now, silently, it keeps the levels below.
        new SparkConf(false).initializeLogIfNecessary(false, true);
        // Spark's logger context: under spark-submit this class is loaded by a child of Spark's class loader,
        // whose own context would be another one.
        if (!(LogManager.getContext(SparkConf.class.getClassLoader(), false) instanceof LoggerContext ctx)) {
            return;
        }
        Configuration config = ctx.getConfiguration();
        config.getRootLogger().setLevel(Level.WARN);
        for (String name : new String[]{"org.apache.hadoop.util.NativeCodeLoader", "org.apache.spark.util.Utils"}) {
            LoggerConfig own = config.getLoggerConfig(name);
            if (own.getName().equals(name)) {
                own.setLevel(Level.ERROR);
            } else {
                config.addLogger(name, new LoggerConfig(name, Level.ERROR, true));
            }
        }
        ctx.updateLoggers();
    }
}
