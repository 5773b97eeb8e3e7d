package org.outreachexchange.gateway.console;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** No live console session: the officer signs in, then returns to {@code page} with what was typed restored. */
public class SignInRequired extends RuntimeException {

    private final String page;
    private final Map<String, String> typed;

    public SignInRequired(String page, Map<String, String> typed) {
        super("sign in to the console", null, false, false);
        this.page = page;
        this.typed = Collections.unmodifiableMap(new LinkedHashMap<>(typed));
    }

    public String page() {
        return page;
    }

    public Map<String, String> typed() {
        return typed;
    }
}
