package org.timebank.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service's own settings ({@code timebank.*}) are each a property of a feature's
 * {@code @ConfigMapping} interface, whose {@code @WithDefault} is the one default;
 * application.properties sets them only per profile, and README's configuration table lists each
 * with that default. A mapping that a job's schedule reads by name is {@code @Unremovable}, since
 * Quarkus registers a mapping, and its defaults, only where a bean injects it otherwise. Reads the
 * compiled classes, application.properties and README from disk (run from the project root).
 */
class SettingsTest {
    private static final Pattern README_ROW =
            Pattern.compile("^\\| `(timebank\\.[a-z0-9.-]+)` \\| `([A-Z0-9_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    /** Each mapped setting with its default as README states it: `value`, (required) or (none). */
    private static Map<String, String> mapped() throws Exception {
        Map<String, String> settings = new TreeMap<>();
        for (Class<?> type : SchedulesTest.classes()) {
            if (type.isAnnotationPresent(ConfigMapping.class)) {
                ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(type)).forEach((name, property) -> {
                    // a list is also mapped element by element (name[*]); README lists it once
                    if (!name.endsWith("[*]")) {
                        settings.put(name, property.hasDefaultValue() ? "`" + property.getDefaultValue() + "`"
                                : Optional.class.equals(property.getMethod().getReturnType()) ? "(none)" : "(required)");
                    }
                });
            }
        }
        return settings;
    }

    @Test
    void application_properties_sets_our_settings_only_per_profile() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        List<String> unprofiled = properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("timebank.")).sorted().toList();
        assertTrue(unprofiled.isEmpty(), () -> "defaults belong in the @ConfigMapping (@WithDefault): " + unprofiled);
    }

    @Test
    void no_class_reads_one_of_our_settings_by_name() throws Exception {
        List<String> byName = new ArrayList<>();
        for (Class<?> type : SchedulesTest.classes()) {
            List<AnnotatedElement> injected = new ArrayList<>(List.of(type.getDeclaredFields()));
            for (Executable e : Stream.concat(Stream.of(type.getDeclaredConstructors()),
                    Stream.of(type.getDeclaredMethods())).toList()) {
                injected.addAll(List.of(e.getParameters()));
            }
            for (AnnotatedElement element : injected) {
                ConfigProperty property = element.getAnnotation(ConfigProperty.class);
                if (property != null && property.name().startsWith("timebank.")) {
                    byName.add(type.getSimpleName() + ": " + property.name());
                }
            }
        }
        assertTrue(byName.isEmpty(), () -> "read through the feature's @ConfigMapping instead: " + byName);
    }

    @Test
    void a_setting_a_schedule_names_has_its_default_registered_even_if_no_bean_injects_its_mapping() throws Exception {
        List<String> named = new ArrayList<>();
        Matcher expression = Pattern.compile("\\$\\{([^}:]+)}").matcher(String.join(" ", SchedulesTest.schedules().values()));
        while (expression.find()) {
            named.add(expression.group(1));
        }
        List<String> removable = new ArrayList<>();
        for (Class<?> type : SchedulesTest.classes()) {
            if (type.isAnnotationPresent(ConfigMapping.class) && !type.isAnnotationPresent(Unremovable.class)
                    && ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(type)).keySet().stream()
                            .anyMatch(named::contains)) {
                removable.add(type.getSimpleName());
            }
        }
        assertTrue(named.size() >= 8, () -> "settings named by schedules: " + named);
        assertTrue(removable.isEmpty(), () -> "Quarkus registers these only where a bean injects them: " + removable);
    }

    @Test
    void the_readme_lists_every_setting_with_its_environment_variable_and_default() throws Exception {
        Map<String, String> listed = new TreeMap<>();
        Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            String name = row.group(1);
            assertEquals(name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"), row.group(2), name);
            listed.put(name, row.group(3).strip());
        }
        assertEquals(mapped(), listed);
    }
}
