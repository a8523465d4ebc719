/**
 * Events between instances (profile {@code cluster}): every event a module publishes is also sent to RabbitMQ
 * through Spring Modulith's event publication registry, and every other instance republishes it locally as
 * {@link org.gonghui.shared.events.Remote}, which caches listen to. Events marked {@link
 * org.gonghui.shared.events.StaysInProcess} (synchronous questions, clear-text data) never leave the process.
 */
package org.gonghui.shared.events;
