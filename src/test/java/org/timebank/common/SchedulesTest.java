package org.timebank.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.common.runtime.util.SchedulerUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every background job runs at a period the scheduler honours. Quarkus's simple scheduler checks its
 * triggers once a second: an {@code every} below that is not refused but runs late, with a warning
 * at start-up ("An every() value less than 1000 ms is not supported"). Reads the compiled classes
 * (the jobs and the {@code @ConfigMapping} interfaces whose {@code @WithDefault} is each setting's
 * default) and application.properties from disk (run from the project root).
 */
class SchedulesTest {
    private static final Duration FINEST = Duration.ofSeconds(1);
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");

    static List<Class<?>> classes() throws IOException, ClassNotFoundException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(CLASSES.resolve("org/timebank"))) {
            files = walk.map(p -> CLASSES.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".class") && !n.contains("$")).sorted().toList();
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String file : files) {
            classes.add(Class.forName(file.substring(0, file.length() - ".class".length()).replace('/', '.'),
                    false, SchedulesTest.class.getClassLoader()));
        }
        return classes;
    }

    /** Each scheduled method ("LeaderboardJob.foldOnSchedule") with its every() expression. */
    static Map<String, String> schedules() throws IOException, ClassNotFoundException {
        Map<String, String> found = new TreeMap<>();
        for (Class<?> type : classes()) {
            for (Method method : type.getDeclaredMethods()) {
                for (Scheduled scheduled : method.getAnnotationsByType(Scheduled.class)) {
                    if (!scheduled.every().isEmpty()) {
                        found.put(type.getSimpleName() + "." + method.getName(), scheduled.every());
                    }
                }
            }
        }
        return found;
    }

    /** Every setting's default, as the @ConfigMapping interfaces state them. */
    static Map<String, String> defaults() throws IOException, ClassNotFoundException {
        Map<String, String> defaults = new TreeMap<>();
        for (Class<?> type : classes()) {
            if (type.isAnnotationPresent(ConfigMapping.class)) {
                ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(type)).forEach((name, property) -> {
                    if (property.hasDefaultValue()) {
                        defaults.put(name, property.getDefaultValue());
                    }
                });
            }
        }
        return defaults;
    }

    /** The expression's value in the production profile, with application.properties, or with nothing but the defaults. */
    private static String resolve(String expression, Map<String, String> defaults, boolean withProperties) throws IOException {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile("prod").withDefaultValues(defaults)
                .withSources(new PropertiesConfigSource(Map.of("schedule.every", expression), "expression", 500));
        if (withProperties) {
            builder.withSources(new PropertiesConfigSource(PROPERTIES.toUri().toURL(), 250));
        }
        SmallRyeConfig config = builder.build();
        return config.getValue("schedule.every", String.class);
    }

    @Test
    void every_job_runs_at_a_period_of_a_second_or_more_as_configured_and_by_default() throws Exception {
        Map<String, String> schedules = schedules();
        Map<String, String> defaults = defaults();
        assertTrue(schedules.containsKey("LeaderboardJob.foldOnSchedule"), () -> "jobs found: " + schedules.keySet());
        List<String> tooShort = new ArrayList<>();
        for (Map.Entry<String, String> job : schedules.entrySet()) {
            for (boolean withProperties : new boolean[] {true, false}) {
                String value = resolve(job.getValue(), defaults, withProperties);
                if (!SchedulerUtils.isOff(value) && DurationConverter.parseDuration(value).compareTo(FINEST) < 0) {
                    tooShort.add(job.getKey() + " every " + value
                            + (withProperties ? " (application.properties)" : " (its default)"));
                }
            }
        }
        assertTrue(tooShort.isEmpty(), () -> "the scheduler would run these late: " + tooShort);
    }
}
