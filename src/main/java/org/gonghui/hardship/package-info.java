/**
 * The hardship archive (困难职工档案): applications by members or at a window, the means test against the local
 * minimum living standard with a line-by-line explanation, review from the service point up to the district, the
 * yearly review with its replayable home-visit draw, leaving and returning. The root package is the module's API:
 * {@link org.gonghui.hardship.HardshipArchives}, {@link org.gonghui.hardship.HardshipFigures} and the events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hardship archive")
package org.gonghui.hardship;
