package org.gonghui.scaledata;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the search benchmark ({@code gonghui.bench-search.*}).
 *
 * @param scopes codes of the organisations whose staff search (default: a district and one of its townships)
 * @param queries measured queries per case (in three interleaved rounds)
 * @param warmup queries run per case before measuring
 * @param pageSize results per page, as the console and API ask
 * @param http whether to measure over HTTP too (needs the staff accounts of the scale data)
 * @param username staff accounts for HTTP, one per scope, with {@code password}
 */
@ConfigurationProperties("gonghui.bench-search")
public record SearchBenchmarkProperties(List<String> scopes, Integer queries, Integer warmup, Integer pageSize, Boolean http,
        List<String> username, String password) {

    public SearchBenchmarkProperties {
        scopes = scopes == null || scopes.isEmpty() ? List.of("NB-HS", "NB-HS-T01") : scopes;
        queries = queries == null ? 300 : queries;
        warmup = warmup == null ? 200 : warmup;
        pageSize = pageSize == null ? 20 : pageSize;
        http = http == null || http;
        username = username == null || username.isEmpty() ? List.of("haishu", "nanmen") : username;
        password = password == null ? ScaleDataLoader.STAFF_PASSWORD : password;
    }
}
