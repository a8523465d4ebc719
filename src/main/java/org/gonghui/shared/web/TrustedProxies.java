package org.gonghui.shared.web;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Which proxies may tell the platform who the client is. Tomcat's {@link RemoteIpValve} (Boot's {@code native}
 * forward-headers strategy) applies {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} only
 * when the connection comes from one of the addresses in {@code gonghui.trusted-proxies} (environment
 * {@code GONGHUI_TRUSTED_PROXIES}: IP addresses or CIDR blocks, comma-separated). By default none is trusted: a
 * client cannot choose the host of the sign-in redirect, pretend to be on HTTPS, or pick the address the sign-in
 * throttle counts against.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String cidrs;

    TrustedProxies(@Value("${gonghui.trusted-proxies:}") List<String> proxies) {
        this.cidrs = cidrs(proxies);
    }

    /** The addresses as Tomcat's CIDR list ({@code 10.0.0.5/32, 10.1.0.0/16}); empty when none is trusted. */
    static String cidrs(List<String> proxies) {
        List<String> blocks = new ArrayList<>();
        for (String entry : proxies) {
            String proxy = entry.trim();
            if (proxy.isEmpty()) {
                continue;
            }
            String address = proxy.contains("/") ? proxy.substring(0, proxy.indexOf('/')) : proxy;
            if (!address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") && !address.matches("[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
                throw new IllegalArgumentException("gonghui.trusted-proxies: not an IP address or CIDR block: " + proxy);
            }
            blocks.add(proxy.contains("/") ? proxy : proxy + (address.contains(":") ? "/128" : "/32"));
        }
        return String.join(", ", blocks);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                remoteIp.setInternalProxies(cidrs);
                remoteIp.setTrustedProxies(cidrs);
            }
        }
    }

    /** After Boot's own customizer, which adds the valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
