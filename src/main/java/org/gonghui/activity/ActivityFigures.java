package org.gonghui.activity;

import java.util.Map;

/** Per activity figures for staff. {@code applied} counts every registration ever made, cancelled ones too. */
public record ActivityFigures(long applied, long confirmed, long offered, long waitlisted, long entered, long cancelled,
        long expired, long attended, long noShows) {

    static ActivityFigures of(Map<String, Long> counts) {
        long applied = 0;
        for (RegistrationStatus s : RegistrationStatus.values()) {
            applied += counts.getOrDefault(s.name(), 0L);
        }
        return new ActivityFigures(applied, get(counts, RegistrationStatus.CONFIRMED), get(counts, RegistrationStatus.OFFERED),
                get(counts, RegistrationStatus.WAITLISTED), get(counts, RegistrationStatus.ENTERED),
                get(counts, RegistrationStatus.CANCELLED), get(counts, RegistrationStatus.EXPIRED),
                counts.getOrDefault("ATTENDED", 0L), counts.getOrDefault("NO_SHOW", 0L));
    }

    private static long get(Map<String, Long> counts, RegistrationStatus status) {
        return counts.getOrDefault(status.name(), 0L);
    }
}
