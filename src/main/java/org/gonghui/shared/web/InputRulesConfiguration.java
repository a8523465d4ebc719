package org.gonghui.shared.web;

import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import org.gonghui.shared.MultiLine;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The input rules for form fields and query parameters ({@link FormTextConverter}), and in the API description:
 * every text property shows the maximum length it is bound with.
 */
@Configuration(proxyBeanMethods = false)
class InputRulesConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new FormTextConverter());
    }

    /** A text property without its own {@code @Size} shows the default maximum the binding applies. */
    @Bean
    PropertyCustomizer textMaximumLengths() {
        return (property, type) -> {
            boolean multiLine = false;
            if (type.getCtxAnnotations() != null) {
                for (Annotation annotation : type.getCtxAnnotations()) {
                    multiLine |= annotation instanceof MultiLine;
                }
            }
            int max = multiLine ? MultiLine.DEFAULT_MAX : MultiLine.SINGLE_LINE_MAX;
            applyDefault(property, max);
            if (property != null && property.getItems() != null) {
                applyDefault(property.getItems(), max);
            }
            return property;
        };
    }

    private static void applyDefault(Schema<?> schema, int max) {
        if (schema == null || schema.getMaxLength() != null || schema.getEnum() != null && !schema.getEnum().isEmpty()
                || schema.getFormat() != null || schema.get$ref() != null) {
            return;
        }
        boolean text = "string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string");
        if (text) {
            schema.setMaxLength(max);
        }
    }
}
