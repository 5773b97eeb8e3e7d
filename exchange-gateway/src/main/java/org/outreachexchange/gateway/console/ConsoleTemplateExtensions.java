package org.outreachexchange.gateway.console;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers the console's templates use. */
@TemplateExtension
public final class ConsoleTemplateExtensions {

    private ConsoleTemplateExtensions() {
    }

    /** For a query parameter's value, e.g. {@code ?return={inject:console.pageHere.urlEncode}}. */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A message key for a value, e.g. {@code {msg:message(t.key('type'))}} gives {@code type_OFFICER_TRAINING}'s text. */
    static String key(Enum<?> value, String prefix) {
        return prefix + "_" + value.name();
    }

    static String key(String value, String prefix) {
        return prefix + "_" + value.replace('-', '_');
    }
}
