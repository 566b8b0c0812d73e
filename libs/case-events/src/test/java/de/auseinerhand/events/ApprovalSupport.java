package de.auseinerhand.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a produced text with its committed approved file. Run with {@code -Daeh.approve=true} to
 * (re)write the approved files after a deliberate contract change, then review the diff.
 */
final class ApprovalSupport {
    private ApprovalSupport() {
    }

    static void verify(Path approved, String actual) {
        try {
            if (Boolean.getBoolean("aeh.approve")) {
                Files.createDirectories(approved.getParent());
                Files.writeString(approved, actual);
            }
            assertThat(approved).as("approved file %s (run with -Daeh.approve=true to create it)", approved).exists();
            assertThat(actual).isEqualTo(Files.readString(approved));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
