package org.gonghui.shared.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem details for the API's refusals that happen before Spring MVC: Tomcat reports the errors it raises
 * itself through {@link ProblemReportValve} (the host's own report valve is swapped for it when the application's
 * context starts: the host has added its valve by then, and its pipeline has not started yet), and a request
 * Spring Security's firewall rejects is answered with a problem detail on the spot.
 */
@Configuration(proxyBeanMethods = false)
class EarlyErrorsConfiguration {

    @Bean
    RequestRejectedHandler problemForRejectedRequests(Problems problems) {
        return (request, response, rejection) -> {
            if (ErrorAdvice.isApi(request)) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "error.invalid-input");
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(MessageSource messages) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                replaceReportValve(context.getParent(), messages);
            }
        }));
    }

    private static void replaceReportValve(Container host, MessageSource messages) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ProblemReportValve) {
                return;
            }
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemReportValve(messages));
    }
}
