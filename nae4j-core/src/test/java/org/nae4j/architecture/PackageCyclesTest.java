package org.nae4j.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.Slices;
import org.junit.jupiter.api.Test;

/**
 * The packages of nae4j-core depend on each other without cycles, the root package (the API: Analysis,
 * Decomposition, Results, ...) included: one slice per package below org.nae4j, one for org.nae4j itself.
 */
class PackageCyclesTest {
    private static final String ROOT = "org.nae4j";

    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            if (p.startsWith(ROOT + ".")) {
                String rest = p.substring(ROOT.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + ROOT;
        }
    };

    @Test
    void packagesAreFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        // The root package and the 10 below it, so that the rule cannot pass on an empty import.
        long count = Slices.assignedFrom(PACKAGES).transform(classes).stream().count();
        assertTrue(count >= 11, count + " slices");
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(classes);
    }
}
