package org.gonghui.scaledata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the scale-data load ({@code gonghui.scale-data.*}).
 *
 * @param members how many members to generate (Ningbo: 3.55 million)
 * @param communities how many community service points (Ningbo: 5,450)
 * @param enterprises how many enterprise service points (Ningbo: 4,886)
 * @param seed the seed of every random choice: the same seed gives the same city and people
 * @param workers how many parallel COPY streams write members
 * @param chunk how many members one COPY statement writes
 * @param deferIndexes whether secondary indexes and constraints of the member tables are dropped before the
 *     load and rebuilt after it (faster) rather than kept up to date row by row
 * @param indexWorkers how many indexes are rebuilt at the same time
 */
@ConfigurationProperties("gonghui.scale-data")
public record ScaleDataProperties(Integer members, Integer communities, Integer enterprises, Long seed, Integer workers,
        Integer chunk, Boolean deferIndexes, Integer indexWorkers) {

    public ScaleDataProperties {
        members = members == null ? 3_550_000 : members;
        communities = communities == null ? 5_450 : communities;
        enterprises = enterprises == null ? 4_886 : enterprises;
        seed = seed == null ? 20151001L : seed;
        workers = workers == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : workers;
        chunk = chunk == null ? 100_000 : chunk;
        deferIndexes = deferIndexes == null || deferIndexes;
        indexWorkers = indexWorkers == null ? 2 : indexWorkers;
    }
}
