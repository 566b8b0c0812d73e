package de.auseinerhand.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestKafkaTest {

    @Test
    void theBrokerHasTheCaseEventTopicsAndKeepsRecords() throws Exception {
        try (var admin = TestKafka.admin()) {
            var topics = admin.describeTopics(java.util.List.of(TestKafka.CASE_EVENTS, TestKafka.DLQ)).allTopicNames().get();
            assertThat(topics.get(TestKafka.CASE_EVENTS).partitions()).hasSize(12);
            assertThat(topics.get(TestKafka.DLQ).partitions()).hasSize(1);
        }
        TestKafka.send(TestKafka.CASE_EVENTS, "BG-1", "hello");
        assertThat(TestKafka.readAll(TestKafka.CASE_EVENTS)).anyMatch(r -> "hello".equals(r.value()));
    }

    @Test
    void aDisconnectedBrokerIsUnreachableUntilReconnected() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "3000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(TestKafka.DLQ, "k", "before")).get(10, TimeUnit.SECONDS);
            TestKafka.disconnect();
            try {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TestKafka.DLQ, "k", "during"))
                        .get(10, TimeUnit.SECONDS)).isNotNull();
            } finally {
                TestKafka.reconnect();
            }
            Eventually.assertWithin(Duration.ofSeconds(30), () ->
                    producer.send(new ProducerRecord<>(TestKafka.DLQ, "k", "after")).get(5, TimeUnit.SECONDS));
        }
        assertThat(TestKafka.readAll(TestKafka.DLQ)).extracting(r -> r.value()).contains("before", "after");
    }
}
