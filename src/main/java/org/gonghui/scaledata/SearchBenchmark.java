package org.gonghui.scaledata;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures scoped member search the way staff use it: for each scope (a district, a township) and each kind
 * of query (a name prefix of one or two characters, the most common surname, an exact ID number), a warm-up
 * and then the measured queries, through the member registry's own {@link Members#search} and, optionally,
 * through the REST API with a bearer token. The queries are taken from members actually in the scope, so
 * common surnames are searched as often as they occur.
 */
final class SearchBenchmark {

    /** One measured case. */
    record Result(String frontDoor, String scope, long scopeMembers, String query, int queries, double medianMillis,
            double p95Millis, double maxMillis, double averageRows) {
    }

    private static final int ROUNDS = 3;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ITEM = Pattern.compile("\"idNumberMasked\"");

    private final SearchBenchmarkProperties properties;
    private final Members members;
    private final Organisations organisations;
    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SearchBenchmark(SearchBenchmarkProperties properties, Members members, Organisations organisations, JdbcTemplate jdbc,
            PersonalDataCipher cipher, Environment environment) {
        this.properties = properties;
        this.members = members;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.environment = environment;
    }

    /** One case to measure: a query kind in a scope through one front door. */
    private record Case(String frontDoor, String scope, long scopeMembers, String query, List<String> texts,
            ToIntFunction<String> search, Latencies latencies) {
    }

    /**
     * Warms every case up first, then measures in rounds that interleave the cases, so a burst of load from
     * elsewhere on the machine spreads over all cases instead of spoiling one.
     */
    List<Result> run() throws Exception {
        List<Case> all = cases();
        for (Case c : all) {
            for (int i = 0; i < properties.warmup(); i++) {
                c.search().applyAsInt(c.texts().get(i % c.texts().size()));
            }
        }
        int perRound = Math.max(1, properties.queries() / ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            for (Case c : all) {
                for (int i = round * perRound; i < (round + 1) * perRound; i++) {
                    long started = System.nanoTime();
                    int found = c.search().applyAsInt(c.texts().get(i % c.texts().size()));
                    c.latencies().add(System.nanoTime() - started, found);
                }
            }
        }
        return all.stream().map(c -> new Result(c.frontDoor(), c.scope(), c.scopeMembers(), c.query(),
                c.latencies().count(), c.latencies().medianMillis(), c.latencies().percentileMillis(0.95),
                c.latencies().maxMillis(), c.latencies().averageRows())).toList();
    }

    private List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        int measured = Math.max(1, properties.queries() / ROUNDS) * ROUNDS;
        for (int s = 0; s < properties.scopes().size(); s++) {
            String code = properties.scopes().get(s);
            OrganisationView org = organisations.findByCode(code).orElseThrow(
                    () -> new IllegalStateException("no organisation " + code + ": run scripts/scale-data.sh first"));
            TreePath scope = org.treePath();
            long size = members.countActive(scope);
            String label = org.kind().name().toLowerCase() + " " + org.code();
            Map<String, List<String>> texts = texts(scope);
            for (Map.Entry<String, List<String>> t : texts.entrySet()) {
                cases.add(new Case("service", label, size, t.getKey(), t.getValue(),
                        text -> members.search(scope, new MemberQuery(text, null, null, null), 0, properties.pageSize())
                                .items().size(), new Latencies(measured)));
            }
            if (properties.http()) {
                String token = token(properties.username().get(s));
                for (Map.Entry<String, List<String>> t : texts.entrySet()) {
                    cases.add(new Case("http", label, size, t.getKey(), t.getValue(), text -> get(token, text),
                            new Latencies(measured)));
                }
            }
        }
        return cases;
    }

    /** The query texts per kind of query, from members sampled at random in the scope. */
    private Map<String, List<String>> texts(TreePath scope) {
        List<String[]> sample = jdbc.query("""
                select m.name, m.id_number_enc from member m join organisation o on o.id = m.org_id
                where o.path like ? order by random() limit ?""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, scope.likePattern(), properties.queries());
        if (sample.isEmpty()) {
            throw new IllegalStateException("no members in " + scope);
        }
        Map<String, List<String>> texts = new LinkedHashMap<>();
        texts.put("name prefix, 1 character", sample.stream().map(m -> m[0].substring(0, 1)).toList());
        texts.put("name prefix, 2 characters", sample.stream().map(m -> m[0].substring(0, Math.min(2, m[0].length()))).toList());
        texts.put("name prefix 王 (most common)", sample.stream().map(m -> "王").toList());
        // decrypting with the platform's key also proves the data was sealed with the key the platform uses
        texts.put("exact ID number", sample.stream().map(m -> cipher.decrypt(m[1])).toList());
        return texts;
    }

    private String token(String username) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + properties.password() + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + response.statusCode() + " "
                    + response.body());
        }
        return token.group(1);
    }

    private int get(String token, String text) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/members?size="
                    + properties.pageSize() + "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search failed: " + response.statusCode() + " " + response.body());
            }
            int items = 0;
            Matcher item = ITEM.matcher(response.body());
            while (item.find()) {
                items++;
            }
            return items;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }
}
