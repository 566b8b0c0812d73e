package de.auseinerhand.eventstore.consumer;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The consumer's own database decides where it reads on: when partitions are assigned, each is positioned
 * at the checkpoint written with the last applied record ({@code consumer_checkpoint}), or at the start of
 * the log when the database has none. So a service whose database was lost, or restored from an older
 * backup, replays what it is missing from {@code case-events} instead of resuming at the group's committed
 * offsets and silently skipping history (docs/operations.md, losing a database). Records seen again are
 * skipped by the inbox. Configured per consuming service:
 * {@code mp.messaging.incoming.case-events.consumer-rebalance-listener.name=aeh-checkpoints}.
 */
@ApplicationScoped
@Identifier("aeh-checkpoints")
public class CheckpointRebalanceListener implements KafkaConsumerRebalanceListener {
    private static final Logger LOG = Logger.getLogger(CheckpointRebalanceListener.class);

    @Inject
    AgroalDataSource dataSource;

    /** Empty in a service that consumes nothing (client-registry): the listener is then never used. */
    @ConfigProperty(name = "aeh.consumer.name")
    java.util.Optional<String> configuredName;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty() || configuredName.isEmpty()) {
            return;
        }
        String consumerName = configuredName.get();
        Map<TopicPartition, Long> checkpoints = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select topic, partition, next_offset from consumer_checkpoint where consumer = ?")) {
            ps.setString(1, consumerName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checkpoints.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            // without the database the records could not be applied anyway; the group's offsets are the fallback
            LOG.warnf(e, "%s: checkpoints unreadable, continuing at the committed offsets", consumerName);
            return;
        }
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long next = checkpoints.get(tp);
            if (next == null) {
                fromStart.add(tp);
            } else {
                consumer.seek(tp, next);
            }
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
            LOG.infof("%s: no checkpoint for %s in the database: reading from the start of the log", consumerName, fromStart);
        }
    }
}
