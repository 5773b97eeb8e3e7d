package org.outreachexchange.events;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tolerant reading of the enumerated values in events: a producer may add a value within a major version, so a
 * consumer carries a name it does not know (stored and shown as written) and acts only on the names it knows.
 */
public final class EventValues {

    /** The longest name carried: consumers' columns hold 40 characters. */
    public static final int MAX_NAME_LENGTH = 40;
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0," + (MAX_NAME_LENGTH - 1) + "}");

    private EventValues() {
    }

    /** {@code value} if it reads as an enumerated name (upper case, digits, underscores, at most 40); else unreadable. */
    public static String name(String field, String value) {
        if (value != null && !NAME.matcher(value).matches()) {
            throw new UnreadableEventException(field + " is not a name: it must match " + NAME.pattern());
        }
        return value;
    }

    /** The constant of {@code type} named {@code value}, if this build knows it. */
    public static <E extends Enum<E>> Optional<E> known(Class<E> type, String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst();
    }
}
