package org.gonghui.helpdesk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the help desk ({@code gonghui.helpdesk.*}) that are policy rather than time limits.
 *
 * @param routing where a member's request goes by default: the member's service point or its township
 * @param maxDocumentBytes the largest document or photo accepted
 * (The call-back days and the duplicate window are part of the versioned {@link TimeLimits}.)
 */
@ConfigurationProperties("gonghui.helpdesk")
public record HelpdeskProperties(Routing routing, Long maxDocumentBytes) {

    public HelpdeskProperties {
        routing = routing == null ? Routing.SERVICE_POINT : routing;
        maxDocumentBytes = maxDocumentBytes == null ? 8L * 1024 * 1024 : maxDocumentBytes;
    }

    public static HelpdeskProperties defaults() {
        return new HelpdeskProperties(null, null);
    }
}
