package org.nae4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock of a corpus folder: one run at a time, even when several start at once. */
class CorpusLockTest {
    private static final int RUNS = 8;

    @TempDir
    Path tmp;

    @Test
    void ofRunsStartingTogetherExactlyOneTakesTheFolder() throws Exception {
        String out = tmp.resolve("out").toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < RUNS; i++) {
                String owner = "run " + i;
                answers.add(pool.submit(() -> {
                    CorpusOutput o = new CorpusOutput(out, new Configuration());
                    start.await();
                    return o.lock(owner);
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<String> a : answers) {
                String refusal = a.get();
                if (refusal == null) {
                    taken++;
                } else {
                    assertTrue(refusal.contains("another corpus run is writing into this folder"), refusal);
                }
            }
            assertEquals(1, taken, "runs that took the folder");
        } finally {
            pool.shutdownNow();
        }
        CorpusOutput o = new CorpusOutput(out, new Configuration());
        o.unlock();
        assertTrue(Files.notExists(tmp.resolve("out").resolve(CorpusOutput.LOCK)));
        assertNull(o.lock("again"), "free again once unlocked");
    }
}
