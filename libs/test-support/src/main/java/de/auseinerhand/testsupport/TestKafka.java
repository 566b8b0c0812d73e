package de.auseinerhand.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker (KRaft, combined controller and broker) per test JVM, started in process with
 * Kafka's own {@code KafkaClusterTestKit}; the topics {@code case-events} (12 partitions) and
 * {@code case-events-dlq} exist once it is up. No container runtime is involved.
 */
public final class TestKafka {

    public static final String CASE_EVENTS = "case-events";
    public static final String DLQ = "case-events-dlq";
    private static KafkaClusterTestKit cluster;
    private static TcpProxy proxy;
    private static String bootstrap;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                proxy = new TcpProxy();
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                        // clients reach the broker only through the proxy, so a test can cut it off
                        .setPerServerProperties(Map.of(0, Map.of("advertised.listeners",
                                "EXTERNAL://127.0.0.1:" + proxy.port())))
                        .setBaseDirectory(java.nio.file.Files.createDirectories(
                                java.nio.file.Path.of("target", "kafka-test", UUID.randomUUID().toString())))
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "false")
                        .build();
                kit.format();
                kit.startup();
                String direct = kit.bootstrapServers().split(",")[0];
                proxy.target(direct.substring(0, direct.lastIndexOf(':')),
                        Integer.parseInt(direct.substring(direct.lastIndexOf(':') + 1)));
                kit.waitForReadyBrokers();
                cluster = kit;
                bootstrap = "127.0.0.1:" + proxy.port();
                try (Admin admin = admin()) {
                    admin.createTopics(List.of(new NewTopic(CASE_EVENTS, 12, (short) 1)
                                    .configs(Map.of("retention.ms", "-1")),
                            new NewTopic(DLQ, 1, (short) 1).configs(Map.of("retention.ms", "-1")))).all().get();
                }
                // Deliberately not closed: closing the broker in a shutdown hook races with the service's
                // own shutdown and can fail the JVM exit; its log lives under target/ and goes with 'clean'.
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the in-process Kafka broker", e);
            }
        }
        return bootstrap;
    }

    /** Takes the broker off the network (connections reset, new ones refused) until {@link #reconnect()}. */
    public static void disconnect() {
        bootstrapServers();
        proxy.cut();
    }

    public static void reconnect() {
        proxy.restore();
    }

    public static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(p);
    }

    public static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** Sends a raw record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** Sends a raw record with headers and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> p = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            p.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Current end offset of every partition of {@code topic}: the position a consumer must reach to have seen all. */
    public static Map<Integer, Long> endOffsets(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<Integer, Long> result = new java.util.TreeMap<>();
            c.endOffsets(partitions).forEach((tp, off) -> result.put(tp.partition(), off));
            return result;
        }
    }

    /**
     * Waits (bounded) until a consumer's checkpoints reach the current end of {@code topic}: every
     * record on it now has been applied or dead-lettered. {@code checkpoints} gives the consumer's next
     * offset per partition.
     */
    public static void awaitConsumed(String topic, java.util.function.Supplier<Map<Integer, Long>> checkpoints) {
        Map<Integer, Long> end = endOffsets(topic);
        Eventually.assertSoon(() -> {
            Map<Integer, Long> position = checkpoints.get();
            end.forEach((partition, offset) -> {
                if (offset > 0 && position.getOrDefault(partition, 0L) < offset) {
                    throw new AssertionError("partition " + partition + " at " + position.get(partition)
                            + ", end " + offset);
                }
            });
        });
    }

    /** Every record currently on {@code topic}, all partitions, from the beginning. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> result = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 20 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(result::add);
            }
        }
        return result;
    }
}
