package org.gonghui.shared.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event that is never sent to other instances: a synchronous question one module asks another (may this
 * organisation close?), one that carries personal data in clear text, or one whose listeners all do their work in the
 * publisher's transaction and keep nothing in memory (a copy on another instance would have nothing to do, and a
 * rush of them would cost a registry row and a broker message each). Every other event of the platform is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StaysInProcess {
}
