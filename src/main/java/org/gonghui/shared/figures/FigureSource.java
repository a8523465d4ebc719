package org.gonghui.shared.figures;

import java.util.List;

/**
 * A module's contribution to the 数说 dashboards. Each module that has yearly figures declares one bean of this type
 * in its own package; the dashboards find every such bean and never read a module's tables. The figures must be the
 * module's own: the same numbers its own figures page and Excel export give for the same year and subtree.
 *
 * <p>Every counted person or thing is put under exactly one organisation (the member's organisation, the
 * organisation that handled the request, the merchant's organisation …), so a subtree's figure is the sum over the
 * organisations in it and the city's figure is the sum over the whole tree. A figure that is not such a sum (the
 * mutual-aid fund's balance) is put under the root organisation only.
 */
public interface FigureSource {

    /** The figures this source adds, in the order the dashboard shows them. */
    List<FigureDefinition> definitions();

    /**
     * The figures of the calendar {@code year} (in the platform's zone), per organisation. Called by the dashboards'
     * refresh job in the background, never for a page view; it may take seconds on a full-size database.
     */
    void collect(int year, FigureSink sink);
}
