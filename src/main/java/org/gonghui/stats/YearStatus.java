package org.gonghui.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the dashboards know of a year's figures: when they were last collected ({@code refreshedAt}, null if never),
 * how long that took, and whether the year is frozen (since when, by whom).
 */
public record YearStatus(int year, Instant refreshedAt, Long refreshMillis, Instant frozenAt, String frozenBy) {

    public static YearStatus never(int year) {
        return new YearStatus(year, null, null, null, null);
    }

    @JsonProperty("frozen")
    public boolean frozen() {
        return frozenAt != null;
    }

    @JsonProperty("refreshed")
    public boolean refreshed() {
        return refreshedAt != null;
    }
}
