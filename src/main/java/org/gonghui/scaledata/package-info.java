/**
 * Scale data and search benchmarks: fills a PostgreSQL database with a city of Ningbo's real size (about
 * 10,500 organisations and 3.55 million members, sealed exactly as the member registry seals them) and
 * measures scoped member search on it. Runs only in the {@code scaledata} and {@code benchsearch} profiles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scale data")
package org.gonghui.scaledata;
