package org.gonghui.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API description names each request body's schema by its simple class name; two different bodies of the same
 * name (a card's {@code Reason} and an article's {@code Reason}) become one schema, so a client is told the wrong
 * fields and the strict-input sweep sends one body's bad values to the other. Every request body's name is unique.
 */
class ApiSchemaNamesTests {

    @Test
    void everyRequestBodyOfTheApiHasAUniqueName() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Set<String>> bodies = new HashMap<>();
        int controllers = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.gonghui")) {
            controllers++;
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    Class<?> type = parameter.getType();
                    if (parameter.isAnnotationPresent(RequestBody.class) && type.getName().startsWith("org.gonghui.")) {
                        bodies.computeIfAbsent(type.getSimpleName(), name -> new TreeSet<>()).add(type.getName());
                    }
                }
            }
        }
        List<String> clashes = new ArrayList<>();
        bodies.forEach((name, types) -> {
            if (types.size() > 1) {
                clashes.add(name + " " + types);
            }
        });
        assertThat(controllers).isGreaterThan(10);
        assertThat(bodies).hasSizeGreaterThan(20);
        assertThat(clashes).as("request bodies that share a schema name").isEmpty();
    }
}
