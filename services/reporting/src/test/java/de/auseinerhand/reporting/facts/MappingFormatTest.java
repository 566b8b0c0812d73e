package de.auseinerhand.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The stored figures count long-term beneficiaries in measures by the mapping in force in each month: a changed
 * mapping must reach the figures already stored, through a rebuild at start-up, which only a raised fact format starts.
 */
class MappingFormatTest {
    @Test
    void aChangedMeasureMappingRaisesTheFactFormat() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/active-measures.json")) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertThat(sha).as("reference/active-measures.json changed: raise Rebuilds.FORMAT and record the new SHA-256 in MAPPING_SHA256")
                    .isEqualTo(Rebuilds.MAPPING_SHA256);
        }
    }
}
