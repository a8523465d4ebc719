/**
 * Dashboards and yearly figures (数说): the read side only, from the other modules' public queries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.gonghui.stats;
