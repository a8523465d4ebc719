package org.gonghui.myunion;

import java.math.BigDecimal;
import java.util.List;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ServiceTile;
import org.gonghui.shared.web.ServiceTile.Status;
import org.gonghui.shared.web.ServiceTiles;
import org.springframework.stereotype.Component;

/** The member's home tile 我的工会: what the union gave them this year, one read of their own year. */
@Component
class MyUnionTiles implements ServiceTiles {

    private final MemberRecord record;
    private final PlatformTime time;

    MyUnionTiles(MemberRecord record, PlatformTime time) {
        this.record = record;
        this.time = time;
    }

    @Override
    public List<ServiceTile> tilesFor(CurrentUser member) {
        if (!member.isMember() || member.memberId() == null) {
            return List.of();
        }
        MemberRecordView year = record.of(member.memberId(), time.today().getYear(), 0, 1);
        Status line = year.totals().isEmpty() ? Status.of("myunion.tile.empty")
                : Status.of("myunion.tile.given", BigDecimal.valueOf(year.givenFen(), 2).toPlainString(),
                        year.totals().stream().mapToLong(YearTotal::count).sum());
        return List.of(new ServiceTile(5, "my-union", "/me/record", "medal", "myunion.tile", List.of(line)));
    }
}
