package org.gonghui.modelworker;

import org.gonghui.activity.ModelWorkerStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the model-worker archive; also answers the activity module's
 * {@link ModelWorkerStatus} for activities reserved for model workers.
 */
@Service
public class ModelWorkers implements ModelWorkerStatus {

    private final JdbcClient jdbc;

    ModelWorkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the member holds a model worker's title today: in the archive, linked to this member, neither dead nor
     * revoked. One indexed look-up (the member link is unique).
     */
    @Override
    @Transactional(readOnly = true)
    public boolean isModelWorker(long memberId) {
        return jdbc.sql("""
                select count(*) from model_worker where member_id = :m and deceased_on is null and revoked_on is null""")
                .param("m", memberId).query(Long.class).single() > 0;
    }
}
