package org.outreachexchange.gateway.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages have every text, and every text a template names exists. */
class ConsoleMessagesTest {

    private static final Pattern KEY = Pattern.compile("\\{msg:([a-z0-9_]+)[}(]");

    @Test
    void englishAndJapaneseHaveTheSameKeysAndEveryKeyATemplateNamesExists() throws IOException {
        Properties english = ConsoleMessages.bundles().get("en");
        Properties japanese = ConsoleMessages.bundles().get("ja");
        assertThat(japanese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());

        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                Matcher m = KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!m.group(1).equals("message")) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertThat(english.stringPropertyNames()).containsAll(named);
        assertThat(ConsoleMessages.text("ja", "nav_calendar")).isEqualTo("カレンダー");
        assertThat(ConsoleMessages.text("ja", "no_such_key")).isEqualTo("[no_such_key]");
    }
}
