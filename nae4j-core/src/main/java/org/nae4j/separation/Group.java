package org.nae4j.separation;

import java.util.List;
import java.util.Objects;
import org.nae4j.score.Note;

/**
 * One group of a {@link Grouping}: the notes whose sound is separated together into one signal.
 *
 * @param name  file-safe name ({@link Grouping#isFileSafe}), used for the WAV file {@code name.wav}
 * @param label what the group is, for people (e.g. the score's track label, or "C#4")
 * @param notes the group's notes, in seconds of the recording (may be empty: the group is then silent)
 */
public record Group(String name, String label, List<Note> notes) {
    public Group {
        Objects.requireNonNull(label, "label");
        if (name == null || !Grouping.isFileSafe(name)) {
            throw new IllegalArgumentException("group name must be a non-empty file-safe name (at most "
                    + Grouping.MAX_NAME_LENGTH + " ASCII letters, digits, '.', '_', '-', not starting with '.' or '-', "
                    + "not a Windows device name), got '" + name + "'");
        }
        notes = List.copyOf(notes);
    }
}
