/**
 * How a module publishes its yearly figures to the 数说 dashboards without the dashboards knowing its tables: a
 * {@link org.gonghui.shared.figures.FigureSource} bean per module.
 */
package org.gonghui.shared.figures;
