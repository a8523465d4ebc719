/**
 * The platform's one time zone ({@code gonghui.zone}): the {@link java.time.Clock} every "now" and "today" comes
 * from, and the formats every time shown to a person goes through.
 */
package org.gonghui.shared.time;
