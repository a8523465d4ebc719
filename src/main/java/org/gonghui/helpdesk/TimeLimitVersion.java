package org.gonghui.helpdesk;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One version of the help desk's time limits, in force from {@code validFrom} until the next version: the
 * {@link Limits} per request type and difficulty, the {@link LightRule}, the working days within which a closed
 * request is called back, and the calendar days within which a new request of the same member on the same matter
 * is linked to the open one. A request keeps the version in force when it was received.
 */
public record TimeLimitVersion(long id, Instant validFrom, Map<RequestType, Map<Difficulty, Limits>> limits,
        LightRule rule, int callbackDays, int duplicateWindowDays) {

    public TimeLimitVersion {
        Map<RequestType, Map<Difficulty, Limits>> copy = new EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            Map<Difficulty, Limits> byDifficulty = limits.get(type);
            for (Difficulty difficulty : Difficulty.values()) {
                if (byDifficulty == null || byDifficulty.get(difficulty) == null) {
                    throw new IllegalArgumentException("no time limits for " + type + " " + difficulty);
                }
            }
            copy.put(type, Map.copyOf(new EnumMap<>(byDifficulty)));
        }
        limits = Map.copyOf(copy);
        Limits.requireDays(callbackDays);
        Limits.requireDays(duplicateWindowDays);
    }

    public Limits limitsFor(RequestType type, Difficulty difficulty) {
        return limits.get(type).get(difficulty);
    }
}
