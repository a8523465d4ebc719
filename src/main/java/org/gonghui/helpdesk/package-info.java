/**
 * The 12351 help desk (职工服务热线): members' help and rights requests that flow between the four levels —
 * received, registered, dispatched, handled, supervised, called back and closed — with time limits counted in
 * working days and a traffic light. The root package is the module's API: {@link org.gonghui.helpdesk.HelpRequests}
 * and its views, queries and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Help desk")
package org.gonghui.helpdesk;
