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

    /** A list row's field name as the API names it, e.g. {@code {i.row('objectives', 'text')}} is {@code objectives[2].text}. */
    static String row(Integer index, String list, String part) {
        return list + "[" + index + "]." + part;
    }

    /** 1 for row 0: how a row is labelled. */
    static int ordinal(Integer index) {
        return index + 1;
    }

    static String key(String value, String prefix) {
        return prefix + "_" + value.replace('-', '_');
    }
}
