package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gonghui.shared.security.DemoAccounts;
import org.gonghui.support.ApiClient;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation the API describes at {@code /v3/api-docs} and sends it input that breaks its schema:
 * values of the wrong JSON type for each property, oversized and control-character text, dates outside
 * 1900–2100, amounts beyond range, unknown enum values, missing required fields, malformed JSON, the wrong
 * content type, and path and query parameters that are no number, no date or no known value. Each bad request
 * goes out with the token of every demo account, so that at least one of them reaches the operation. Every answer
 * must be a 4xx problem detail, and no application table may change. A new endpoint is covered without anyone
 * remembering to.
 */
@IntegrationTest
class ApiSweepIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(ApiSweepIntegrationTests.class);

    /**
     * Tables a refused request may legitimately change, or that change on their own while the sweep runs:
     * {@code audit_log} records sign-ins and refused attempts; {@code api_token} keeps the sweep's own tokens
     * (and when each was last used); {@code event_publication} holds events of earlier tests that listeners
     * complete in the background; {@code shedlock} is touched by scheduled jobs; {@code flyway_schema_history} is
     * the migration log. Every other table must be unchanged after each operation's bad requests.
     */
    private static final Set<String> MAY_CHANGE = Set.of("audit_log", "api_token", "event_publication", "shedlock",
            "flyway_schema_history", "one_time_code");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired List<DemoAccounts> demoAccounts;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private JsonNode docs;

    /** One bad request: what it breaks, and how to send it. */
    private record BadRequest(String what, MockHttpServletRequestBuilder request) {
    }

    @Test
    void everyOperationRefusesSchemaBreakingInputWithAProblemDetailAndChangesNothing() throws Exception {
        docs = mapper.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        List<String> tokens = tokens();
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int sent = 0;
        int inputs = 0;
        int serverErrors = 0;
        int changedOperations = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(entry.getKey().toUpperCase());
                JsonNode operation = entry.getValue();
                operations++;
                Map<String, Long> before = snapshot();
                for (BadRequest bad : badRequests(path.getKey(), method, operation)) {
                    inputs++;
                    for (String token : tokens) {
                        MockHttpServletResponse response = mvc.perform(bad.request()
                                .header(HttpHeaders.AUTHORIZATION, token)).andReturn().getResponse();
                        sent++;
                        String where = method + " " + path.getKey() + " [" + bad.what() + "]";
                        if (response.getStatus() >= 500) {
                            serverErrors++;
                            failures.add(where + " -> " + response.getStatus() + " " + response.getContentAsString());
                        } else if (response.getStatus() < 400) {
                            failures.add(where + " -> accepted with " + response.getStatus());
                        } else if (response.getContentType() == null
                                || !response.getContentType().startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                            failures.add(where + " -> " + response.getStatus() + " not a problem detail: "
                                    + response.getContentType());
                        }
                    }
                }
                Map<String, Long> after = snapshot();
                if (!after.equals(before)) {
                    changedOperations++;
                    failures.add(method + " " + path.getKey() + " changed " + difference(before, after));
                }
            }
        }
        String summary = String.format("API sweep: %d operations, %d bad requests (%d bad inputs x %d tokens), "
                + "%d server errors, %d rows changed", operations, sent, inputs, tokens.size(), serverErrors,
                changedOperations);
        log.info(summary);
        System.out.println(summary);
        assertThat(operations).isGreaterThan(40);
        assertThat(unlimitedText).as("text properties without a documented maximum length").isEmpty();
        assertThat(failures).isEmpty();
    }

    // --- the bad requests of one operation

    private List<BadRequest> badRequests(String template, HttpMethod method, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").values().forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asString();
            if ("path".equals(parameter.path("in").asString())) {
                pathValues.put(name, String.valueOf(existingId(template, name)));
            } else if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean(false)) {
                queryValues.put(name, sample(resolve(parameter.path("schema"))).asString());
            }
        }
        List<BadRequest> bad = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asString();
            String in = parameter.path("in").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            for (String value : badParameterValues(schema)) {
                Map<String, String> paths = new LinkedHashMap<>(pathValues);
                Map<String, String> queries = new LinkedHashMap<>(queryValues);
                if ("path".equals(in)) {
                    paths.put(name, value);
                } else if ("query".equals(in)) {
                    queries.put(name, value);
                } else {
                    continue;
                }
                bad.add(new BadRequest(in + " " + name + "=" + printable(value),
                        withSampleBody(build(method, template, paths, queries), operation)));
            }
            if ("query".equals(in) && parameter.path("required").asBoolean(false)) {
                Map<String, String> queries = new LinkedHashMap<>(queryValues);
                queries.remove(name);
                bad.add(new BadRequest("query " + name + " missing",
                        withSampleBody(build(method, template, pathValues, queries), operation)));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has(MediaType.APPLICATION_JSON_VALUE)) {
            JsonNode schema = resolve(content.get(MediaType.APPLICATION_JSON_VALUE).path("schema"));
            undocumentedLimits(method + " " + template, schema, 0);
            for (Map.Entry<String, String> body : badBodies(schema).entrySet()) {
                bad.add(new BadRequest("body " + body.getKey(), build(method, template, pathValues, queryValues)
                        .contentType(MediaType.APPLICATION_JSON).content(body.getValue().getBytes(StandardCharsets.UTF_8))));
            }
            String sample = sample(schema).toString();
            bad.add(new BadRequest("body as text/plain", build(method, template, pathValues, queryValues)
                    .contentType(MediaType.TEXT_PLAIN).content(sample)));
            bad.add(new BadRequest("body as XML", build(method, template, pathValues, queryValues)
                    .contentType(MediaType.APPLICATION_XML).content("<a>" + sample + "</a>")));
        } else if (content.has(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            bad.add(new BadRequest("multipart sent as JSON", build(method, template, pathValues, queryValues)
                    .contentType(MediaType.APPLICATION_JSON).content("{}")));
            bad.add(new BadRequest("multipart without its parts", build(method, template, pathValues, queryValues)
                    .contentType("multipart/form-data; boundary=sweep")
                    .content("--sweep--\r\n".getBytes(StandardCharsets.ISO_8859_1))));
        }
        return bad;
    }

    private MockHttpServletRequestBuilder withSampleBody(MockHttpServletRequestBuilder request, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has(MediaType.APPLICATION_JSON_VALUE)) {
            JsonNode schema = resolve(content.get(MediaType.APPLICATION_JSON_VALUE).path("schema"));
            return request.contentType(MediaType.APPLICATION_JSON).content(sample(schema).toString());
        }
        return request;
    }

    private static MockHttpServletRequestBuilder build(HttpMethod method, String template, Map<String, String> paths,
            Map<String, String> queries) {
        String path = template;
        for (Map.Entry<String, String> value : paths.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", UriUtils.encodePathSegment(value.getValue(), StandardCharsets.UTF_8));
        }
        StringBuilder uri = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> query : queries.entrySet()) {
            uri.append(separator).append(UriUtils.encodeQueryParam(query.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(UriUtils.encodeQueryParam(query.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return request(method, URI.create(uri.toString())).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Text properties of request bodies whose maximum length the API description does not show. */
    private final List<String> unlimitedText = new ArrayList<>();

    private void undocumentedLimits(String operation, JsonNode schema, int depth) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode propertySchema = resolve(property.getValue());
            JsonNode text = "array".equals(type(propertySchema)) ? resolve(propertySchema.path("items")) : propertySchema;
            if ("string".equals(type(text)) && !text.has("enum") && !text.has("format") && !text.has("maxLength")) {
                unlimitedText.add(operation + " " + property.getKey());
            }
            if (depth < 3) {
                undocumentedLimits(operation, text, depth + 1);
            }
        }
    }

    /** Values of a path or query parameter that its schema refuses. */
    private static List<String> badParameterValues(JsonNode schema) {
        String type = type(schema);
        List<String> values = new ArrayList<>();
        if (schema.has("enum")) {
            values.add("NO_SUCH_VALUE");
        }
        switch (type) {
            case "integer" -> values.addAll(List.of("abc", "1.5", "99999999999999999999"));
            case "number" -> values.addAll(List.of("abc", "1e999999"));
            case "boolean" -> values.add("maybe");
            case "string" -> {
                String format = schema.path("format").asString("");
                if (format.equals("date") || format.equals("date-time")) {
                    values.addAll(List.of("2026-13-45", "yesterday"));
                } else if (!schema.has("enum")) {
                    values.add("a\u0000b");
                    values.add("x".repeat(schema.path("maxLength").asInt(200) + 1));
                }
            }
            default -> {
            }
        }
        return values;
    }

    /** Bodies that break the schema, each with what it breaks. */
    private Map<String, String> badBodies(JsonNode schema) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"");
        bodies.put("trailing garbage", sample(schema) + "}");
        bodies.put("array instead of object", "[]");
        bodies.put("text instead of object", "\"text\"");
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode propertySchema = resolve(property.getValue());
            for (Map.Entry<String, JsonNode> value : badValues(propertySchema).entrySet()) {
                ObjectNode body = (ObjectNode) sample(schema);
                body.set(property.getKey(), value.getValue());
                bodies.put(property.getKey() + " " + value.getKey(), body.toString());
            }
        }
        for (JsonNode required : schema.path("required").values()) {
            ObjectNode body = (ObjectNode) sample(schema);
            body.remove(required.asString());
            bodies.put(required.asString() + " missing", body.toString());
        }
        return bodies;
    }

    /** Values a property of this schema must refuse. */
    private Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        String type = type(schema);
        if (schema.has("enum")) {
            values.put("unknown enum value", JSON.stringNode("NO_SUCH_VALUE"));
            values.put("number as enum", JSON.numberNode(1));
            return values;
        }
        switch (type) {
            case "string" -> {
                String format = schema.path("format").asString("");
                values.put("number as text", JSON.numberNode(123));
                values.put("boolean as text", JSON.booleanNode(true));
                values.put("object as text", JSON.objectNode().put("a", 1));
                if (format.equals("date")) {
                    values.put("number as date", JSON.numberNode(20000));
                    values.put("impossible date", JSON.stringNode("2026-13-45"));
                    values.put("year 99999", JSON.stringNode("+99999-01-01"));
                    values.put("year 1800", JSON.stringNode("1800-01-01"));
                } else if (format.equals("date-time")) {
                    values.put("number as date-time", JSON.numberNode(1_700_000_000));
                    values.put("impossible date-time", JSON.stringNode("2026-02-30T25:61"));
                    values.put("year 99999", JSON.stringNode("+99999-01-01T10:00:00"));
                    values.put("year 1800", JSON.stringNode("1800-01-01T10:00:00"));
                } else if (format.isEmpty()) {
                    values.put("NUL character", JSON.stringNode("a\u0000b"));
                    values.put("escape character", JSON.stringNode("a\u001bb"));
                    values.put("oversized", JSON.stringNode("x".repeat(schema.path("maxLength").asInt(4000) + 1)));
                }
            }
            case "integer" -> {
                values.put("fraction as integer", JSON.numberNode(1.5));
                values.put("text as integer", JSON.stringNode("7"));
                values.put("boolean as integer", JSON.booleanNode(true));
                values.put("integer overflow", JSON.numberNode(new java.math.BigInteger("99999999999999999999")));
            }
            case "number" -> {
                values.put("text as number", JSON.stringNode("1.00"));
                values.put("boolean as number", JSON.booleanNode(false));
                values.put("amount beyond range", JSON.numberNode(new java.math.BigDecimal("1E+20")));
                values.put("negative amount beyond range", JSON.numberNode(new java.math.BigDecimal("-1E+20")));
            }
            case "boolean" -> {
                values.put("2 as boolean", JSON.numberNode(2));
                values.put("text as boolean", JSON.stringNode("true"));
            }
            case "array" -> {
                values.put("number as list", JSON.numberNode(7));
                values.put("object as list", JSON.objectNode());
                JsonNode items = resolve(schema.path("items"));
                for (Map.Entry<String, JsonNode> item : badValues(items).entrySet()) {
                    ArrayNode list = JSON.arrayNode();
                    list.add(item.getValue());
                    values.put("item " + item.getKey(), list);
                }
            }
            case "object" -> {
                values.put("text as object", JSON.stringNode("x"));
                values.put("number as object", JSON.numberNode(7));
            }
            default -> {
            }
        }
        return values;
    }

    // --- schemas

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return resolve(docs.path("components").path("schemas").path(name));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        if (schema.has("oneOf") && schema.get("oneOf").size() > 0) {
            return resolve(schema.get("oneOf").get(0));
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type.values()) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "";
    }

    /** A value of the right type for the schema (not necessarily one the operation accepts). */
    private JsonNode sample(JsonNode schema) {
        return sample(schema, 0);
    }

    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (type(schema)) {
            case "string" -> {
                String format = schema.path("format").asString("");
                return JSON.stringNode(format.equals("date") ? "2026-06-01"
                        : format.equals("date-time") ? "2026-06-01T10:00:00" : "sweep");
            }
            case "integer" -> {
                return JSON.numberNode(1);
            }
            case "number" -> {
                return JSON.numberNode(new java.math.BigDecimal("1.00"));
            }
            case "boolean" -> {
                return JSON.booleanNode(false);
            }
            case "array" -> {
                return JSON.arrayNode();
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        object.set(property.getKey(), sample(property.getValue(), depth + 1));
                    }
                }
                return object;
            }
        }
    }

    // --- the world the requests run in

    /** A bearer token for every demo account (staff at each level, a member, a merchant). */
    private List<String> tokens() throws Exception {
        Set<String> tokens = new LinkedHashSet<>();
        for (DemoAccounts accounts : demoAccounts) {
            for (DemoAccounts.DemoAccount account : accounts.accounts()) {
                try {
                    tokens.add(ApiClient.bearer(mvc, account.login(), account.password()));
                } catch (Exception | AssertionError e) {
                    log.info("no API token for demo account {}: {}", account.login(), e.getMessage());
                }
            }
        }
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(2);
        return new ArrayList<>(tokens);
    }

    /**
     * An id that exists for a path parameter, so that the bad input reaches the operation's checks rather than a
     * "not found": the table is guessed from the path segment before the parameter ({@code /claims/{id}} →
     * {@code mutualaid_claim}); 1 when there is none.
     */
    private long existingId(String template, String parameter) {
        List<String> segments = Arrays.asList(template.split("/"));
        int at = segments.indexOf("{" + parameter + "}");
        String segment = at > 0 ? segments.get(at - 1) : parameter;
        String singular = segment.replace('-', '_').replaceAll("ies$", "y").replaceAll("(ch|sh|ss|x)es$", "$1")
                .replaceAll("([^s])s$", "$1");
        for (String table : List.of(singular, "mutualaid_" + singular, "mutualaid_" + singular + "_enrolment",
                "welfare_" + singular, parameter.replaceAll("Id$", ""))) {
            if (tables().contains(table)) {
                Long id = jdbc.sql("select max(id) from " + table).query(Long.class).optional().orElse(null);
                if (id != null) {
                    return id;
                }
            }
        }
        return 1;
    }

    private Set<String> tables;

    private Set<String> tables() {
        if (tables == null) {
            tables = new java.util.TreeSet<>(jdbc.sql("select lower(table_name) from information_schema.tables "
                    + "where lower(table_schema) = 'public' and upper(table_type) in ('TABLE', 'BASE TABLE')")
                    .query(String.class).list());
        }
        return tables;
    }

    /** A checksum per application table: its row count and the sum of its rows' hashes. */
    private Map<String, Long> snapshot() {
        Map<String, Long> sums = new TreeMap<>();
        for (String table : tables()) {
            if (MAY_CHANGE.contains(table)) {
                continue;
            }
            long[] sum = {0, 0};
            jdbc.sql("select * from " + table).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    Object value = rs.getObject(i + 1);
                    row[i] = value instanceof byte[] bytes ? Arrays.hashCode(bytes) : String.valueOf(value);
                }
                sum[0]++;
                sum[1] += Arrays.hashCode(row);
            });
            sums.put(table + ".rows", sum[0]);
            sums.put(table + ".hash", sum[1]);
        }
        return sums;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.add(key + ": " + before.get(key) + " -> " + value);
            }
        });
        return changed.toString();
    }

    private static String printable(String value) {
        String shown = value.length() > 20 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
        return shown.replace("\u0000", "\\0");
    }
}
