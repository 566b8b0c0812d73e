package de.auseinerhand.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.eventstore.consumer.CheckpointRebalanceListener;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Where a consumer reads on after an assignment is its own database's checkpoint, not the group's committed
 * offset: a partition with a checkpoint resumes there, one without (a lost or fresh database) is read from
 * the start of the log, so the projection is rebuilt instead of silently missing history. The consumer here
 * is Kafka's own in-memory implementation of the client interface, positioned as the broker would be.
 */
@QuarkusTest
class CheckpointPositionTest {

    @Inject
    @Identifier("aeh-checkpoints")
    CheckpointRebalanceListener listener;

    @Inject
    DataSource dataSource;

    @Test
    void aPartitionResumesAtItsCheckpointOrFromTheStart() throws Exception {
        String topic = "positions-" + System.nanoTime();
        TopicPartition withCheckpoint = new TopicPartition(topic, 0);
        TopicPartition without = new TopicPartition(topic, 1);
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "insert into consumer_checkpoint (consumer, topic, partition, next_offset) values ('reporting', ?, 0, 42)")) {
            ps.setString(1, topic);
            ps.executeUpdate();
        }
        MockConsumer<String, String> consumer = new MockConsumer<>("latest");
        consumer.assign(List.of(withCheckpoint, without));
        consumer.updateBeginningOffsets(Map.of(withCheckpoint, 0L, without, 0L));
        consumer.updateEndOffsets(Map.of(withCheckpoint, 100L, without, 100L));
        // the group had committed offsets near the end: the database says otherwise
        consumer.commitSync(Map.of(withCheckpoint, new org.apache.kafka.clients.consumer.OffsetAndMetadata(90),
                without, new org.apache.kafka.clients.consumer.OffsetAndMetadata(95)));
        listener.onPartitionsAssigned(consumer, List.of(withCheckpoint, without));
        assertThat(consumer.position(withCheckpoint)).isEqualTo(42);
        assertThat(consumer.position(without)).as("no checkpoint: from the start of the log").isZero();
    }
}
