package org.gonghui.helpdesk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the help desk ({@code gonghui.helpdesk.*}) that are policy rather than time limits.
 *
 * @param routing where a member's request goes by default: the member's service point or its township
 * @param maxDocumentBytes the largest document or photo accepted
 * @param callbackDays days after closing by which the member must be called back, until the versioned time
 *        limits say otherwise
 * @param duplicateWindowDays calendar days in which a new request of the same member, type and sub-type is linked
 *        to the open one, until the versioned time limits say otherwise
 */
@ConfigurationProperties("gonghui.helpdesk")
public record HelpdeskProperties(Routing routing, Long maxDocumentBytes, Integer callbackDays,
        Integer duplicateWindowDays) {

    public HelpdeskProperties {
        routing = routing == null ? Routing.SERVICE_POINT : routing;
        maxDocumentBytes = maxDocumentBytes == null ? 8L * 1024 * 1024 : maxDocumentBytes;
        callbackDays = callbackDays == null ? 5 : callbackDays;
        duplicateWindowDays = duplicateWindowDays == null ? 30 : duplicateWindowDays;
    }

    public static HelpdeskProperties defaults() {
        return new HelpdeskProperties(null, null, null, null);
    }
}
