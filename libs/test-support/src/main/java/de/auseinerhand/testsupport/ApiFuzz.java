package de.auseinerhand.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * A fuzz test over a service's whole API, read from its own OpenAPI document (issue 15 §2): for every operation a
 * baseline request built from the schemas (their examples where given) and mutations of every path parameter, query
 * parameter and body field: nulls, wrong types, huge, tiny and non-finite numbers, NUL and control characters, long
 * text, absurd dates and months, nulls inside lists, deep nesting, unknown enum values, broken JSON and wrong content
 * types. Each answer must be below 500 (503 allowed), an error must be {@code application/problem+json}, and a 4xx must
 * not have written anything ({@code writes}, counted before and after, must not change).
 *
 * <p>Deterministic for a seed ({@code -Daeh.fuzz.seed}, default 20261207): a finding names the seed, the operation and
 * the mutation, and repeats with them.
 */
public final class ApiFuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public record Finding(String operation, String mutation, int status, String contentType, String body) {
        @Override
        public String toString() {
            return operation + " [" + mutation + "] -> " + status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    public record Result(int requests, List<Finding> findings) {
    }

    private final String token;
    private final Map<String, String> pathValues;
    private final LongSupplier writes;
    private final Random random;
    private final int perOperation;
    private JsonNode spec;

    /**
     * @param token bearer token the requests carry
     * @param pathValues values for path parameters by name (a real case id, person id), the rest get made-up values
     * @param writes counts what a request could have written (e.g. events of the fuzzed case); must not move on a 4xx
     * @param perOperation at most this many requests per operation (baseline and a random choice of mutations)
     */
    public ApiFuzz(String token, Map<String, String> pathValues, LongSupplier writes, int perOperation) {
        this.token = token;
        this.pathValues = pathValues;
        this.writes = writes;
        this.perOperation = perOperation;
        this.random = new Random(Long.getLong("aeh.fuzz.seed", 20261207L));
    }

    /** The events of one stream subject (a case) in a write service's store: what a refused request must not change. */
    public static LongSupplier eventsOf(javax.sql.DataSource dataSource, String subject) {
        return () -> {
            try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select count(*) from es_event where subject = ?")) {
                ps.setString(1, subject);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    public static long seed() {
        return Long.getLong("aeh.fuzz.seed", 20261207L);
    }

    /** Fuzzes every operation whose path starts with {@code pathPrefix} and whose method is in {@code methods}. */
    public Result run(String pathPrefix, List<String> methods) {
        List<Finding> findings = new ArrayList<>();
        int requests = 0;
        for (Operation op : operations(pathPrefix)) {
            if (!methods.contains(op.method())) {
                continue;
            }
            List<Case> cases = cases(op.path(), op.spec(), op.shared());
            java.util.Collections.shuffle(cases.subList(1, cases.size()), random);
            for (Case c : cases.subList(0, Math.min(cases.size(), perOperation))) {
                requests++;
                Finding f = send(op.method(), op.path(), c);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return new Result(requests, findings);
    }

    /** An operation of the OpenAPI document: path template, method (upper case), its spec and the path's shared parameters. */
    private record Operation(String path, String method, JsonNode spec, JsonNode shared) {
    }

    /** Every operation under {@code pathPrefix}, read fresh from the service's {@code /q/openapi}. */
    private List<Operation> operations(String pathPrefix) {
        spec = read(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(pathPrefix)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    out.add(new Operation(path.getKey(), op.getKey().toUpperCase(), op.getValue(), path.getValue().path("parameters")));
                }
            }
        }
        return out;
    }

    /** One operation of the OpenAPI document with a schema-valid example body and the path values filled in. */
    public record Baseline(String method, String path, String body, String contentType) {

        /** Sends it with this token and {@code If-Match} (JSON content type also when there is no body). */
        public Response send(String token, String ifMatch) {
            RequestSpecification spec = given().urlEncodingEnabled(false).auth().oauth2(token).header("If-Match", ifMatch)
                    .contentType("application/json");
            if (body != null) {
                spec = spec.contentType(contentType).body(body);
            }
            return spec.request(method, path);
        }
    }

    /**
     * The baseline request of every operation under {@code pathPrefix} whose template contains {@code mustContain}: what a
     * well-behaved client would send, for tests that ask "who may do this" rather than "what breaks it" (e.g. BOLA).
     */
    public List<Baseline> baselines(String pathPrefix, String mustContain) {
        List<Baseline> out = new ArrayList<>();
        for (Operation op : operations(pathPrefix)) {
            if (!op.path().contains(mustContain)) {
                continue;
            }
            Case c = cases(op.path(), op.spec(), op.shared()).get(0);
            String expanded = op.path();
            for (Map.Entry<String, String> p : c.pathParams().entrySet()) {
                expanded = expanded.replace("{" + p.getKey() + "}", URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            }
            out.add(new Baseline(op.method(), expanded, c.body(), c.contentType()));
        }
        return out;
    }

    private record Case(String mutation, Map<String, String> pathParams, Map<String, String> query, String body, String contentType) {
    }

    private List<Case> cases(String path, JsonNode op, JsonNode sharedParams) {
        Map<String, String> pathParams = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(params::add);
        sharedParams.forEach(params::add);
        for (JsonNode p : params) {
            String name = p.path("name").asText();
            if (p.path("in").asText().equals("path")) {
                pathParams.put(name, pathValues.getOrDefault(name, text(example(p.path("schema"), 0))));
            } else if (p.path("in").asText().equals("query")) {
                query.put(name, text(example(p.path("schema"), 0)));
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        String contentType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        JsonNode body = contentType != null && contentType.contains("json") ? example(content.path(contentType).path("schema"), 0) : null;
        String bodyText = body == null ? null : body.toString();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("baseline", pathParams, query, bodyText, contentType));
        for (String name : pathParams.keySet()) {
            for (String[] m : new String[][] {{"nul", "a%00b"}, {"long", "x".repeat(3000)}, {"dots", ".."}, {"emoji", "%F0%9F%98%80"},
                    {"negative", "-1"}, {"huge", "99999999999999999999999"}, {"space", "a%20b"}, {"percent", "%25"}}) {
                Map<String, String> changed = new LinkedHashMap<>(pathParams);
                changed.put(name, m[1]);
                cases.add(new Case("path " + name + " " + m[0], changed, query, bodyText, contentType));
            }
        }
        for (Map.Entry<String, String> q : query.entrySet()) {
            for (String[] m : new String[][] {{"empty", ""}, {"long", "x".repeat(3000)}, {"month far", "+999999999-12"}, {"date far", "+999999999-12-31"},
                    {"bad month", "2024-13"}, {"negative", "-1"}, {"huge", "99999999999999999999999"}, {"exponent", "1e1000000"}, {"nan", "NaN"},
                    {"control", "a\u0001b"}, {"unicode", "\u202e\uD83D\uDE00"}}) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(q.getKey(), m[1]);
                cases.add(new Case("query " + q.getKey() + " " + m[0], pathParams, changed, bodyText, contentType));
            }
        }
        if (body != null) {
            for (Map.Entry<String, JsonNode> field : fields(body, "")) {
                for (Map.Entry<String, JsonNode> m : mutations(field.getValue()).entrySet()) {
                    cases.add(new Case("body " + field.getKey() + " " + m.getKey(), pathParams, query, replace(body, field.getKey(), m.getValue()).toString(),
                            contentType));
                }
            }
            cases.add(new Case("body broken json", pathParams, query, "{\"a\":", contentType));
            cases.add(new Case("body deep", pathParams, query, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), contentType));
            cases.add(new Case("body array", pathParams, query, "[" + bodyText + "]", contentType));
            cases.add(new Case("body wrong content type", pathParams, query, "hello", "text/plain"));
            cases.add(new Case("body empty", pathParams, query, "", contentType));
        }
        return cases;
    }

    private Finding send(String method, String template, Case c) {
        String path = template;
        for (Map.Entry<String, String> p : c.pathParams().entrySet()) {
            String v = p.getValue();
            path = path.replace("{" + p.getKey() + "}", v.contains("%") ? v : URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        StringBuilder url = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> q : c.query().entrySet()) {
            url.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        RequestSpecification req = given().urlEncodingEnabled(false).auth().oauth2(token)
                .header("Idempotency-Key", "fuzz-" + random.nextLong()).header("If-Match", "\"1\"");
        if (c.body() != null && !method.equals("GET")) {
            req = req.contentType(c.contentType()).body(c.body().getBytes(StandardCharsets.UTF_8));
        }
        long before = writes.getAsLong();
        Response r = req.request(method, url.toString());
        int status = r.statusCode();
        if (status == 412 && r.header("ETag") != null) {
            // the stream moved on (an earlier accepted request): once more at its version, as a client would
            RequestSpecification again = given().urlEncodingEnabled(false).auth().oauth2(token)
                    .header("Idempotency-Key", "fuzz-" + random.nextLong()).header("If-Match", r.header("ETag"));
            if (c.body() != null && !method.equals("GET")) {
                again = again.contentType(c.contentType()).body(c.body().getBytes(StandardCharsets.UTF_8));
            }
            before = writes.getAsLong();
            r = again.request(method, url.toString());
            status = r.statusCode();
        }
        String type = String.valueOf(r.contentType());
        String operation = method + " " + template;
        if (status >= 500 && status != 503) {
            return new Finding(operation, c.mutation(), status, type, r.asString());
        }
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            return new Finding(operation, c.mutation() + " (error without problem+json)", status, type, r.asString());
        }
        if (status >= 400 && writes.getAsLong() != before) {
            return new Finding(operation, c.mutation() + " (a " + status + " wrote something)", status, type, r.asString());
        }
        return null;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "x" : n.isTextual() ? n.asText() : n.toString();
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return F.objectNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return resolve(spec.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)), depth + 1);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = F.objectNode();
            ObjectNode props = merged.putObject("properties");
            for (JsonNode s : schema.get("allOf")) {
                JsonNode r = resolve(s, depth + 1);
                if (r.has("properties")) {
                    props.setAll((ObjectNode) r.get("properties"));
                }
                if (r.has("example") && !merged.has("example")) {
                    merged.set("example", r.get("example"));
                }
            }
            return merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return resolve((schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0), depth + 1);
        }
        return schema;
    }

    private JsonNode example(JsonNode schema, int depth) {
        JsonNode s = resolve(schema, depth);
        if (s.has("example") && !s.get("example").isContainerNode()) {
            return s.get("example");
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        String format = s.path("format").asText("");
        switch (type) {
            case "object": {
                ObjectNode o = F.objectNode();
                if (depth < 6) {
                    s.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), example(p.getValue(), depth + 1)));
                }
                return o;
            }
            case "array": {
                ArrayNode a = F.arrayNode();
                if (depth < 6) {
                    a.add(example(s.path("items"), depth + 1));
                }
                return a;
            }
            case "integer":
            case "number":
                return F.numberNode(1);
            case "boolean":
                return F.booleanNode(true);
            default:
                return switch (format) {
                    case "date" -> F.textNode("2026-01-01");
                    case "date-time" -> F.textNode("2026-01-01T00:00:00Z");
                    case "uuid" -> F.textNode("0f8fad5b-d9cb-469f-a165-70867728950e");
                    default -> F.textNode(s.path("pattern").asText("").contains("\\d{4}-\\d{2}") ? "2026-01" : "x");
                };
        }
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node, String prefix) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(Map.entry(p, e.getValue()));
                out.addAll(fields(e.getValue(), p));
            });
        } else if (node.isArray() && node.size() > 0) {
            out.add(Map.entry(prefix + "[0]", node.get(0)));
            out.addAll(fields(node.get(0), prefix + "[0]"));
        }
        return out;
    }

    private static JsonNode replace(JsonNode body, String path, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        String[] steps = path.replace("[0]", ".[0]").split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].equals("[0]") ? parent.get(0) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.equals("[0]")) {
            ((ArrayNode) parent).set(0, value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    private static Map<String, JsonNode> mutations(JsonNode sample) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("null", F.nullNode());
        if (sample.isNumber()) {
            m.put("huge", F.numberNode(new java.math.BigDecimal("1e308")));
            m.put("exponent", rawNumber("1e1000000"));
            m.put("tiny", rawNumber("1e-1000000"));
            m.put("negative", F.numberNode(-1));
            m.put("max long", F.numberNode(Long.MAX_VALUE));
            m.put("overlong", F.numberNode(new java.math.BigInteger("99999999999999999999999999")));
            m.put("many decimals", F.numberNode(new java.math.BigDecimal("0.12345678901234567890123")));
            m.put("string NaN", F.textNode("NaN"));
            m.put("text", F.textNode("abc"));
        } else if (sample.isTextual()) {
            String s = sample.asText();
            if (s.length() == 10 && s.charAt(4) == '-') {
                m.put("date far", F.textNode("+999999999-12-31"));
                m.put("date invalid", F.textNode("2024-02-30"));
                m.put("year 0", F.textNode("0000-01-01"));
            }
            if (s.length() == 7 && s.charAt(4) == '-') {
                m.put("month far", F.textNode("+999999999-12"));
                m.put("month invalid", F.textNode("2024-13"));
            }
            m.put("nul", F.textNode("a\u0000b"));
            m.put("control", F.textNode("a\u0001\u001fb"));
            m.put("long", F.textNode("x".repeat(20_000)));
            m.put("medium", F.textNode("y".repeat(2_000)));
            m.put("empty", F.textNode(""));
            m.put("unknown enum", F.textNode("NO_SUCH_VALUE"));
            m.put("number", F.numberNode(12));
            m.put("object", F.objectNode().put("a", 1));
        } else if (sample.isBoolean()) {
            m.put("text", F.textNode("yes"));
            m.put("number", F.numberNode(2));
        } else if (sample.isArray()) {
            ArrayNode nulls = F.arrayNode();
            nulls.addNull();
            m.put("null element", nulls);
            m.put("empty", F.arrayNode());
            ArrayNode many = F.arrayNode();
            for (int i = 0; i < 3000; i++) {
                many.add(sample.size() > 0 ? sample.get(0) : F.numberNode(1));
            }
            m.put("many", many);
            m.put("object", F.objectNode());
        } else if (sample.isObject()) {
            m.put("array", F.arrayNode());
            m.put("text", F.textNode("x"));
        }
        return m;
    }

    /** A number node printed as written ({@code 1e1000000} cannot be held by a double). */
    private static JsonNode rawNumber(String text) {
        return F.pojoNode(new RawNumber(text));
    }

    private record RawNumber(String text) implements com.fasterxml.jackson.databind.JsonSerializable {
        @Override
        public void serialize(com.fasterxml.jackson.core.JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException {
            g.writeNumber(text);
        }

        @Override
        public void serializeWithType(com.fasterxml.jackson.core.JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p,
                com.fasterxml.jackson.databind.jsontype.TypeSerializer t) throws java.io.IOException {
            g.writeNumber(text);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }
}
