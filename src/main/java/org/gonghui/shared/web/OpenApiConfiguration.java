package org.gonghui.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST API's description at {@code /v3/api-docs} (UI at {@code /swagger-ui}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI gonghuiApi(org.gonghui.shared.time.PlatformTime time) {
        return new OpenAPI()
                .info(new Info().title("Gonghui API").version("v1")
                        .description("REST API of the Gonghui member service platform for the mobile app and WeChat "
                                + "front ends. Get a token from POST /api/v1/auth/token and send it as "
                                + "'Authorization: Bearer <token>'. Errors are RFC 9457 problem details. Instants "
                                + "(fields of type date-time with an offset, e.g. 2026-03-01T05:58:00Z) are ISO-8601 in UTC; "
                                + "dates and local date-times without an offset (e.g. an activity's opensAt "
                                + "2026-03-01T13:58) are in the platform's zone, " + time.zone() + " (setting gonghui.zone), "
                                + "as are the days of date filters; show instants to people in that zone.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
