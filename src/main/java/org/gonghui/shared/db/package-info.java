/**
 * The database connections: reads that may lag ({@link org.gonghui.shared.db.MayLag}) go to a read replica when one
 * is configured, everything else to the primary (docs/instances.md).
 */
package org.gonghui.shared.db;
