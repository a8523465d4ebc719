package org.gonghui.shared.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event that is never sent to other instances: a synchronous question one module asks another (may this
 * organisation close?) or one that carries personal data in clear text. Every other event of the platform is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StaysInProcess {
}
