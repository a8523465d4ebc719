package org.gonghui.helpdesk;

import java.util.List;
import org.gonghui.organisation.OrganisationView;

/**
 * Where a new request is handled first, and who must never see it.
 * <ul>
 * <li>By default a member's request goes to the member's service point (their organisation when it is on level
 * 4), or — with {@link Routing#TOWNSHIP} — to the township above it; a member registered directly on a higher
 * level is served there.</li>
 * <li>A complaint against the member's own employer goes to the nearest organisation above the member's on level
 * 3 or higher (the township), and the member's organisation — the employer's service point — and everything below
 * it are excluded: they never handle it and never see it.</li>
 * <li>A caller or walk-in who is not a member is handled where staff registered them.</li>
 * </ul>
 */
public final class RoutingRule {

    /** The organisation that handles the request first, and the excluded subtree's path (or null). */
    public record Decision(OrganisationView handling, String excludedOrgPath) {
    }

    private RoutingRule() {
    }

    /**
     * @param lineage the chain from the root down to the member's organisation (or to the registering staff's
     *        organisation for a non-member)
     */
    public static Decision route(List<OrganisationView> lineage, boolean member, RequestType type,
            boolean againstEmployer, Routing routing) {
        if (lineage.isEmpty()) {
            throw new IllegalArgumentException("no organisation to route from");
        }
        OrganisationView own = lineage.get(lineage.size() - 1);
        if (type == RequestType.COMPLAINT && againstEmployer) {
            if (!member) {
                return new Decision(nearestAtOrAbove(lineage, lineage.size() - 1, 3), null);
            }
            OrganisationView above = lineage.size() > 1 ? nearestAtOrAbove(lineage, lineage.size() - 2, 3) : own;
            return new Decision(above, above.id() == own.id() ? null : own.path());
        }
        if (!member) {
            return new Decision(own, null);
        }
        if (routing == Routing.TOWNSHIP) {
            return new Decision(nearestAtOrAbove(lineage, lineage.size() - 1, 3), null);
        }
        return new Decision(own, null);
    }

    /** The deepest organisation at or above position {@code from} of the lineage whose level is at most {@code level}. */
    private static OrganisationView nearestAtOrAbove(List<OrganisationView> lineage, int from, int level) {
        for (int i = from; i >= 0; i--) {
            if (lineage.get(i).kind().level() <= level) {
                return lineage.get(i);
            }
        }
        return lineage.get(0);
    }
}
