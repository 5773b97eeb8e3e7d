package org.outreachexchange.gateway.console;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The console's texts, the {@code msg} namespace of its templates, read from {@code messages/msg.properties} (English)
 * and {@code messages/msg_ja.properties} (UTF-8): {@code {msg:nav_calendar}}, a key known only at run time with
 * {@code {msg:message(t.key('type'))}}, and {@code {0}}, {@code {1}}... filled from further arguments. The files are
 * the whole bundle (no Java interface to keep in step); {@code ConsoleMessagesTest} checks both have the same keys and
 * that every key a template names exists. A missing key renders as itself, in brackets, so it shows.
 */
@ApplicationScoped
public class ConsoleMessages {

    static final String NAMESPACE = "msg";
    private static final Map<String, Properties> BUNDLES = Map.of("en", load("messages/msg.properties"),
            "ja", load("messages/msg_ja.properties"));

    void register(@Observes EngineBuilder engine) {
        engine.addNamespaceResolver(NamespaceResolver.builder(NAMESPACE).resolve(ConsoleMessages::resolve).build());
        // The last resort for what the console's (untyped) templates read off plain values: enum names, records of
        // other packages. The console's own view records carry @TemplateData.
        engine.addValueResolver(new ReflectionValueResolver());
    }

    /** The text of {@code key} in {@code language} ({@code en} or {@code ja}), English when the language lacks it. */
    public static String text(String language, String key, Object... args) {
        Properties bundle = BUNDLES.getOrDefault(language, BUNDLES.get("en"));
        String text = bundle.getProperty(key, BUNDLES.get("en").getProperty(key));
        if (text == null) {
            return "[" + key + "]";
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    static Map<String, Properties> bundles() {
        return BUNDLES;
    }

    private static CompletionStage<Object> resolve(EvalContext context) {
        String language = language(context.getAttribute(TemplateInstance.LOCALE));
        if (!"message".equals(context.getName()) && context.getParams().isEmpty()) {
            return CompletableFuture.completedFuture(text(language, context.getName()));
        }
        List<CompletableFuture<Object>> values = new ArrayList<>();
        context.getParams().forEach(p -> values.add(context.evaluate(p).toCompletableFuture()));
        return CompletableFuture.allOf(values.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Object> args = new ArrayList<>(values.stream().map(CompletableFuture::join).toList());
            String key = "message".equals(context.getName()) ? String.valueOf(args.remove(0)) : context.getName();
            return text(language, key, args.toArray());
        });
    }

    private static String language(Object locale) {
        return locale instanceof Locale l && "ja".equals(l.getLanguage()) ? "ja" : "en";
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
