package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The member's home-page tiles for activities count the sign-ups still ahead, and only the member's own. */
@IntegrationTest
@Import(ActivityTestData.class)
class ActivityTilesIntegrationTests {

    @Autowired ActivityTiles tiles;
    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired ActivityTestData data;

    @Test
    void mySignUpsCountTheMembersRegistrationsStillAhead() {
        List<Long> members = data.members(2, MemberType.IN_SERVICE, false);
        CurrentUser member = Fixtures.member(members.get(0));
        assertThat(mine(member).lines()).extracting(ServiceTile.Status::code).containsExactly("portal.tile.mine.empty");

        ActivityView a = activities.publish(data.staffAt("NB-HS"), ActivityTestData.open("首页计数", 5, AllocationMode.FIRST_COME));
        registrations.register(members.get(0), a.id(), new ShippingAddress(null, null, null), false);
        registrations.register(members.get(1), a.id(), new ShippingAddress(null, null, null), false);

        ServiceTile.Status line = mine(member).lines().get(0);
        assertThat(line.code()).isEqualTo("portal.tile.mine.count");
        assertThat(line.args()).containsExactly(1L, 0L);
        assertThat(mine(member).urgent()).isFalse();
        assertThat(tiles.tilesFor(Fixtures.staffAt(data.org("NB-HS"), org.gonghui.shared.security.Role.STAFF))).isEmpty();
    }

    private ServiceTile mine(CurrentUser member) {
        return tiles.tilesFor(member).stream().filter(t -> t.key().equals("mine")).findFirst().orElseThrow();
    }
}
