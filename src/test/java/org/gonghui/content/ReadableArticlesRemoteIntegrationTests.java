package org.gonghui.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.gonghui.shared.events.Remote;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readers' copies of articles follow a change made on another instance as soon as its event arrives. */
@IntegrationTest
class ReadableArticlesRemoteIntegrationTests {

    @Autowired ReadableArticles readable;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;

    @Test
    void anArticleWithdrawnElsewhereIsGoneForReadersAtOnce() {
        long id = jdbc.sql("select min(id) from content_article where status = 'PUBLISHED'").query(Long.class).single();
        assertThat(readable.published(id)).isPresent();
        try {
            jdbc.sql("update content_article set status = 'WITHDRAWN' where id = :id").param("id", id).update();
            assertThat(readable.published(id)).as("kept for a few seconds").isPresent();
            events.publishEvent(new Remote<>(new ArticleChanged(id), "instance-2", null));
            assertThat(readable.published(id)).isEmpty();
        } finally {
            jdbc.sql("update content_article set status = 'PUBLISHED' where id = :id").param("id", id).update();
            events.publishEvent(new Remote<>(new ArticleChanged(id), "instance-2", null));
        }
    }
}
