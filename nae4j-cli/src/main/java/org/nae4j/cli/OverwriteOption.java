package org.nae4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.nae4j.io.OutputFolder;
import picocli.CommandLine.Option;

/** {@code --overwrite}: the same meaning in every command, "replace what nae4j wrote before". */
final class OverwriteOption {
    static final String DESCRIPTION = "Replace what nae4j wrote before: an earlier result folder of nae4j's "
            + "(only while it holds nothing but what nae4j wrote there) or an existing output file. Never replaces "
            + "an input, a folder holding one, the current or home folder, or a file-system root. Without it, an "
            + "existing output is an error and nothing is computed.";

    @Option(names = "--overwrite", description = DESCRIPTION)
    boolean overwrite;

    /** Claims {@code out} for {@code command} under the rules of {@link OutputFolder}. */
    OutputFolder claim(Path out, String command, Path... inputs) {
        return OutputFolder.claim(out, command, overwrite, inputs(inputs));
    }

    /** The non-null paths among {@code inputs}. */
    static Collection<Path> inputs(Path... inputs) {
        List<Path> list = new ArrayList<>(Arrays.asList(inputs));
        list.removeIf(Objects::isNull);
        return list;
    }
}
