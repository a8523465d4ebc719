package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.gonghui.organisation.OrganisationMoved;
import org.gonghui.shared.events.Remote;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The activity module's copies — activity snapshots, place pools, member facts — follow a change made on another
 * instance as soon as its event arrives ({@link Remote}); the change itself is made here in SQL, as another instance's
 * would be, unseen by this one.
 */
@IntegrationTest
class ClusterCachesIntegrationTests {

    @Autowired ActivityCatalog catalog;
    @Autowired NumberPools pools;
    @Autowired MemberDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;

    private void remote(Object event) {
        events.publishEvent(new Remote<>(event, "instance-2", null));
    }

    @Test
    void anActivityChangedElsewhereIsReadAgainWithItsPlaces() {
        long id = jdbc.sql("select min(id) from activity").query(Long.class).single();
        ActivityView before = catalog.require(id);
        pools.places(before);
        String title = before.title();
        try {
            jdbc.sql("update activity set title = :t where id = :id").param("t", title + "（改）").param("id", id).update();
            assertThat(catalog.require(id).title()).as("kept").isEqualTo(title);
            remote(new ActivityChanged(id));
            assertThat(catalog.require(id).title()).isEqualTo(title + "（改）");
            assertThat(pools.placesIfLoaded(before)).as("the pool reloads on next use").isNull();
        } finally {
            jdbc.sql("update activity set title = :t where id = :id").param("t", title).param("id", id).update();
            remote(new ActivityChanged(id));
        }
    }

    @Test
    void aMemberSuspendedElsewhereIsLookedUpAgain() {
        long member = jdbc.sql("select min(id) from member").query(Long.class).single();
        directory.require(member);
        assertThat(directory.known(member)).isPresent();
        remote(new MemberSuspended(member, Instant.now().plusSeconds(86_400)));
        assertThat(directory.known(member)).isEmpty();
    }

    @Test
    void anOrganisationMovedElsewhereDropsMemberFactsAndPlacePools() {
        long member = jdbc.sql("select min(id) from member").query(Long.class).single();
        long id = jdbc.sql("select min(id) from activity").query(Long.class).single();
        ActivityView activity = catalog.require(id);
        directory.require(member);
        pools.places(activity);
        remote(new OrganisationMoved(2, 1, 1, "/1/2/", "/1/2/"));
        assertThat(directory.known(member)).isEmpty();
        assertThat(pools.placesIfLoaded(activity)).isNull();
    }
}
