package org.gonghui.shared.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reads that may lag behind the latest writes by a second or so — dashboards, reports, exports, search. When a read
 * replica is configured ({@code GONGHUI_DB_REPLICA_URL}), the read-only transactions of an annotated method (or of
 * every method of an annotated class) read from it, unless the signed-in user wrote something the replica has not
 * replayed yet (they read their own write from the primary), or the replica is down or too far behind. Without a
 * replica this annotation changes nothing. Never put it on anything that decides (a registration, a payment): those
 * read the primary.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MayLag {
}
