package org.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: no framework, no persistence, no HTTP (an ArchUnit-style rule over the sources). */
class DomainIndependenceTest {
    private static final Path SOURCES = Path.of("src/main/java/org/timebank");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern FRAMEWORK = Pattern.compile("\\b(jakarta|io\\.quarkus|org\\.hibernate|java\\.sql)\\.");

    private static List<Path> domainSources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(f -> f.getParent().getFileName().toString().equals("domain"))
                    .filter(f -> f.toString().endsWith(".java"))
                    .sorted().toList();
        }
    }

    @Test
    void the_domain_names_no_framework_package() throws IOException {
        List<Path> sources = domainSources();
        assertFalse(sources.isEmpty(), "no domain sources found under " + SOURCES.toAbsolutePath());
        List<String> offences = new ArrayList<>();
        for (Path file : sources) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (FRAMEWORK.matcher(lines.get(i)).find()) {
                    offences.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), offences, "the domain uses the framework");
    }

    @Test
    void the_domain_uses_no_other_layer_of_the_service() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : domainSources()) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(1);
                if (imported.startsWith("org.timebank.") && !imported.matches("org\\.timebank\\.\\w+\\.domain\\..*")) {
                    offences.add(SOURCES.relativize(file) + " imports " + imported);
                }
            }
        }
        assertEquals(List.of(), offences, "the domain reaches into api, persistence or common");
    }
}
