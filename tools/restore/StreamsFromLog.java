import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads case-events from offset 0 and writes every event published by one service ({@code source} = "/<service>") as a
 * CSV row for {@code es_event} (event_id, stream_id, stream_version, event_type, subject, municipality, recorded_at,
 * envelope): the input of tools/restore/streams-from-log, which adds to a restored database the events it lacks.
 * The envelope on the topic is the stored event (the relay publishes es_event.envelope as it is).
 */
public class StreamsFromLog {
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern SOURCE = Pattern.compile("\"source\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern STREAM = Pattern.compile("\"streamid\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("\"streamversion\"\\s*:\\s*(\\d+)");
    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern MUNICIPALITY = Pattern.compile("\"municipality\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String source = "/" + args[0];
        Path out = Path.of(args[1]);
        Properties p = new Properties();
        p.put("bootstrap.servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        long read = 0;
        long written = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p); BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            List<TopicPartition> parts = consumer.partitionsFor("case-events").stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    read++;
                    String v = r.value();
                    if (v == null || !source.equals(first(SOURCE, v))) {
                        continue;
                    }
                    String id = first(ID, v);
                    String stream = first(STREAM, v);
                    String version = first(VERSION, v);
                    if (id == null || stream == null || version == null) {
                        System.err.println("skipped (no id, streamid or streamversion): " + r.topic() + "-" + r.partition() + "@" + r.offset());
                        continue;
                    }
                    w.write(String.join(",", id, csv(stream), version, csv(first(TYPE, v)), csv(first(SUBJECT, v)),
                            csv(first(MUNICIPALITY, v)), csv(first(TIME, v)), csv(v)));
                    w.newLine();
                    written++;
                }
            }
        }
        System.out.printf("read %d records of case-events, %d published by %s%n", read, written, args[0]);
    }

    static String first(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    static String csv(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
