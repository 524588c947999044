package org.timebank.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.domain.Asset;

/**
 * The message files against each other and against the code: every problem code the service can
 * raise has a message in both languages. Reads the sources from disk (run from the project root).
 */
class MessageCatalogTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path ZH = Path.of("src/main/resources/i18n/messages.properties");
    private static final Path EN = Path.of("src/main/resources/i18n/messages_en.properties");

    private static final String CODE = "\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"";
    /** Where a literal is a problem code, in any source file. */
    private static final List<Pattern> CODE_SITES = List.of(
            // ApiException.badRequest("CODE", ...) and the other factories
            Pattern.compile("ApiException\\s*\\.\\s*\\w+\\(\\s*" + CODE + "\\s*[,)]"),
            // new ApiException(422, "CODE", ...)
            Pattern.compile("new\\s+ApiException\\(\\s*\\d+\\s*,\\s*" + CODE + "\\s*[,)]"),
            // new ApiException.Item(field, line, "CODE", arg)
            Pattern.compile("new\\s+ApiException\\.Item\\([^;]*?" + CODE + "\\s*,"),
            // ProblemMappers.problem(413, "CODE", ...)
            Pattern.compile("problem\\(\\s*\\d+\\s*,\\s*" + CODE + "\\s*,"),
            // Reversal.Refused("CODE"), rethrown as a problem
            Pattern.compile("new\\s+Refused\\(\\s*" + CODE + "\\s*\\)"),
            // Redemption's Refused.state("CODE", ...) and Refused.request("CODE", ...), rethrown as problems
            Pattern.compile("Refused\\s*\\.\\s*(?:state|request)\\(\\s*" + CODE + "\\s*[,)]"));
    /** Files whose upper-case literals are all problem codes (mapped from the database or the framework). */
    private static final List<String> CODE_FILES = List.of(
            "org/timebank/common/SqlErrors.java", "org/timebank/common/ProblemMappers.java",
            "org/timebank/common/FieldViolations.java",
            "org/timebank/ledger/domain/OpeningBalanceCsv.java");
    /** In those files: words in capitals joined by '_', which leaves out SQLSTATEs such as TB003 and 40001. */
    private static final Pattern ANY_CODE = Pattern.compile("\"([A-Z]+(?:_[A-Z]+)*)\"");

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Every code the main sources raise, with the first file that raises it. */
    static Map<String, String> codesInSources() throws IOException {
        Map<String, String> codes = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        Set<String> notCodes = new TreeSet<>();
        for (Asset asset : Asset.values()) {
            notCodes.add(asset.name()); // SqlErrors reads the asset out of the database's message
        }
        for (Path file : files) {
            String source = Files.readString(file);
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            for (Pattern site : CODE_SITES) {
                Matcher m = site.matcher(source);
                while (m.find()) {
                    codes.putIfAbsent(m.group(1), name);
                }
            }
            if (CODE_FILES.contains(name)) {
                Matcher m = ANY_CODE.matcher(source);
                while (m.find()) {
                    if (!notCodes.contains(m.group(1))) {
                        codes.putIfAbsent(m.group(1), name);
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void both_languages_have_the_same_codes() throws IOException {
        Set<String> zh = load(ZH).stringPropertyNames();
        Set<String> en = load(EN).stringPropertyNames();

        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertTrue(onlyZh.isEmpty(), () -> "only in messages.properties: " + onlyZh);
        assertTrue(onlyEn.isEmpty(), () -> "only in messages_en.properties: " + onlyEn);
    }

    @Test
    void both_languages_take_the_same_arguments() throws IOException {
        Properties zh = load(ZH);
        Properties en = load(EN);
        List<String> differing = new ArrayList<>();
        for (String code : zh.stringPropertyNames()) {
            if (en.containsKey(code)
                    && !placeholders(zh.getProperty(code)).equals(placeholders(en.getProperty(code)))) {
                differing.add(code + ": " + zh.getProperty(code) + " / " + en.getProperty(code));
            }
        }
        assertTrue(differing.isEmpty(), () -> "placeholders differ: " + differing);
    }

    @Test
    void every_argument_of_every_message_reaches_the_text() throws IOException {
        // an unescaped apostrophe makes MessageFormat swallow what follows it, placeholders included
        List<String> broken = new ArrayList<>();
        for (Path file : List.of(ZH, EN)) {
            Properties messages = load(file);
            Locale locale = file.equals(EN) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            for (String code : messages.stringPropertyNames()) {
                String template = messages.getProperty(code);
                Object[] args = {"«0»", "«1»", "«2»", "«3»"};
                String text = new MessageFormat(template, locale).format(args);
                for (int n : placeholders(template)) {
                    if (!text.contains("«" + n + "»")) {
                        broken.add(file.getFileName() + " " + code + ": " + text);
                    }
                }
                if (text.contains("{")) {
                    broken.add(file.getFileName() + " " + code + ": " + text);
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> "messages that lose their arguments: " + broken);
    }

    @Test
    void every_code_the_service_raises_has_a_message_in_both_languages() throws IOException {
        Map<String, String> codes = codesInSources();
        Properties zh = load(ZH);
        Properties en = load(EN);

        // the scan must find the codes it is meant to, or it proves nothing
        for (String known : List.of("INVALID_LIMIT", "NOT_REVERSIBLE", "IMPORT_PHONE_INVALID",
                "IMPORT_VOLUNTEER_UNKNOWN", "VOLUNTEER_PHONE_EXISTS", "FORBIDDEN", "SERVICE_BUSY", "INVALID_PHONE")) {
            assertTrue(codes.containsKey(known), () -> "the scan missed " + known + "; found " + codes.keySet());
        }
        List<String> missing = new ArrayList<>();
        codes.forEach((code, file) -> {
            if (!zh.containsKey(code)) {
                missing.add(code + " (" + file + ") in messages.properties");
            }
            if (!en.containsKey(code)) {
                missing.add(code + " (" + file + ") in messages_en.properties");
            }
        });
        assertEquals(List.of(), missing, "problem codes without a message");
    }

    private static Set<Integer> placeholders(String template) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(template);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
