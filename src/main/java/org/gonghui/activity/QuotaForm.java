package org.gonghui.activity;

import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.MultiLine;
import org.gonghui.shared.PlausibleDates;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What staff enter to split an activity's places: one line per organisation, {@code code places} (the
 * organisation's code or id, e.g. {@code NB-HS 100}), and when unused places return to the common pool (local
 * time; empty: never before the close). The API sends {@code quotas} as a list instead of {@code lines}.
 */
public record QuotaForm(@MultiLine @Size(max = 8000) String lines, List<Line> quotas,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime releaseAt) {

    static final int MAX_QUOTAS = 200;

    /** One organisation's share: its code or id, and how many places. */
    public record Line(String org, Integer places) {
    }

    /** The lines, from the list or parsed from the text. */
    List<Line> parsed() {
        PlausibleDates.require(releaseAt);
        List<Line> out = new ArrayList<>();
        if (quotas != null) {
            out.addAll(quotas);
        }
        if (lines != null) {
            int n = 0;
            for (String raw : lines.split("\\R")) {
                n++;
                String line = raw.trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("[\\s,，:：]+");
                if (parts.length != 2 || !parts[1].matches("\\d{1,7}")) {
                    throw DomainException.invalid("activity.quota.line.invalid", n);
                }
                out.add(new Line(parts[0], Integer.parseInt(parts[1])));
            }
        }
        if (out.size() > MAX_QUOTAS) {
            throw DomainException.invalid("activity.quota.too-many", MAX_QUOTAS);
        }
        for (Line l : out) {
            if (l == null || l.org() == null || l.org().isBlank() || l.places() == null) {
                throw DomainException.invalid("activity.quota.line.missing");
            }
            if (l.places() < 1) {
                throw DomainException.invalid("activity.quota.places.invalid", l.org());
            }
        }
        return out;
    }

    static QuotaForm of(QuotaPlan plan, java.util.Map<Long, String> codes, java.time.ZoneId zone) {
        StringBuilder text = new StringBuilder();
        for (PlaceQuota q : plan.quotas()) {
            text.append(codes.getOrDefault(q.orgId(), String.valueOf(q.orgId()))).append(' ').append(q.places())
                    .append('\n');
        }
        return new QuotaForm(text.toString().trim(), null,
                plan.releaseAt() == null ? null : LocalDateTime.ofInstant(plan.releaseAt(), zone));
    }
}
