package org.gonghui.account;

import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.stereotype.Component;

/** The member's home-page tiles for the 5·1 card (its masked number, or how to get one) and the profile. */
@Component
class MemberTiles implements ServiceTiles {

    private final Members members;

    MemberTiles(Members members) {
        this.members = members;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser user) {
        if (!user.isMember()) {
            return List.of();
        }
        MemberView member = members.find(user.memberId()).orElse(null);
        if (member == null) {
            return List.of();
        }
        Status card = member.cardNumberMasked() != null ? Status.of("portal.tile.card.number", member.cardNumberMasked())
                : Status.of("portal.tile.card.none");
        return List.of(new ServiceTile(50, "card", "/card", "card", "portal.card.title", List.of(card)),
                new ServiceTile(60, "profile", "/me", "user", "portal.profile",
                        List.of(Status.of("portal.tile.profile.org", member.orgName()))));
    }
}
