package org.nae4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What a module-path user of nae4j-core sees: the API packages, never the kernels and the thread pool. */
class ModuleExportsTest {

    @Test
    void theModuleExportsTheApiAndHidesTheKernels() {
        Path classes = Path.of("nae4j-core", "target", "classes");
        ModuleDescriptor d = ModuleFinder.of(classes).find("org.nae4j.core").orElseThrow().descriptor();
        Set<String> exported = new TreeSet<>();
        d.exports().forEach(e -> {
            assertTrue(e.targets().isEmpty(), e + " is a qualified export");
            exported.add(e.source());
        });
        assertEquals(new TreeSet<>(Set.of("org.nae4j", "org.nae4j.alignment", "org.nae4j.audio",
                "org.nae4j.constraints", "org.nae4j.io", "org.nae4j.model", "org.nae4j.optim", "org.nae4j.score",
                "org.nae4j.separation", "org.nae4j.spectral")), exported);
        assertTrue(d.packages().contains("org.nae4j.kernels"), "the kernels are in the module, not exported");
        assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("jdk.incubator.vector")
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)), "the Vector API stays optional");
    }
}
