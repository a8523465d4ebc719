package org.gonghui.hardship.internal;

/**
 * The household in clear with its assessment: the frozen decision when decided, else the means test on today's
 * rules and standard ({@code provisional}); {@code outcome} is {@code null} when no standard is entered yet.
 */
public record Revealed(long archiveId, Household household, MeansTest.Outcome outcome, boolean provisional) {
}
