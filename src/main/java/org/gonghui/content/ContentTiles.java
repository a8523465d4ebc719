package org.gonghui.content;

import java.util.List;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.stereotype.Component;

/** The member's home-page tile for news: the newest headline meant for them. */
@Component
class ContentTiles implements ServiceTiles {

    private final Feed feed;

    ContentTiles(Feed feed) {
        this.feed = feed;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        if (!member.isMember()) {
            return List.of();
        }
        var newest = feed.list(member.memberId(), null, null, 0, 1).items();
        Status line = newest.isEmpty() ? Status.of("content.tile.none")
                : Status.of("content.tile.newest", newest.get(0).title());
        return List.of(new ServiceTile(15, "news", "/news", "news", "content.tile", List.of(line)));
    }
}
