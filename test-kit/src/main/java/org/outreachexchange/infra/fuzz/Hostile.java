package org.outreachexchange.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** The catalogue of hostile values the fuzzer draws from, each with a short name for the report. */
final class Hostile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A named value for a JSON field; {@code value} may depend on the field's documented maximum length. */
    record Value(String name, Function<Integer, JsonNode> value) {
    }

    /** A named raw string for a path segment, query value or header (already percent-encoded where it goes into a URI). */
    record Text(String name, String value) {
    }

    static final int DEEP = 10_000;

    static String deepArray() {
        return "[".repeat(DEEP) + "]".repeat(DEEP);
    }

    static String deepObject() {
        return "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
    }

    static final List<Value> STRINGS = List.of(
            text("empty string", ""),
            text("blank", "   "),
            text("NUL", "\u0000"),
            text("NUL inside", "Seminar\u0000in Kuala Lumpur"),
            text("escape sequence", "\u001b[31mred\u0007"),
            text("DEL", "\u007f"),
            text("line breaks", "line\r\nbreak\n"),
            text("lone high surrogate", "\ud800"),
            text("lone low surrogate", "x\udfffx"),
            text("reversed surrogates", "\udc00\ud800"),
            text("RTL override", "\u202egnp.exe"),
            text("combining marks", "e" + "\u0301".repeat(500)),
            text("emoji ZWJ sequences", "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67".repeat(40)),
            text("zero-width and BOM", "\u200b\u200c\u200d\ufeff"),
            text("mathematical letters", "\ud835\udd18\ud835\udd2b\ud835\udd26\ud835\udd20"),
            text("Arabic ligature", "\ufdfd\ufdfa"),
            text("Japanese", "\u8f38\u51fa\u7ba1\u7406\u30bb\u30df\u30ca\u30fc"),
            text("noncharacters", "\ufffe\uffff"),
            text("markup", "<script>alert(1)</script>"),
            text("SQL", "'; DROP TABLE activity; --"),
            text("JNDI lookup", "${jndi:ldap://127.0.0.1/a}"),
            text("percent NUL", "%00"),
            text("path traversal", "../../etc/passwd"),
            text("number as text", "1e-1000000"),
            text("impossible date", "2008-02-30"),
            text("huge year", "+999999999-12-31"),
            text("month 13", "2008-13"),
            text("lower-case code", "my"),
            text("three-letter code", "MYS"),
            new Value("one over the maximum length", max -> NODES.textNode("x".repeat(max == null ? 2001 : max + 1))),
            new Value("5,000 characters", max -> NODES.textNode("x".repeat(5_000))),
            new Value("70,000 CJK characters (210 KB)", max -> NODES.textNode("\u754c".repeat(70_000))),
            new Value("300,000 characters (over the body limit)", max -> NODES.textNode("a".repeat(300_000))));

    static final List<Value> NUMBERS = List.of(
            raw("zero", "0"), raw("negative zero", "-0"), raw("minus one", "-1"), raw("int overflow", "2147483648"),
            raw("long overflow", "9223372036854775808"), raw("long underflow", "-9223372036854775809"),
            raw("largest double", "1.7976931348623157e308"), raw("double overflow", "1e309"), raw("negative overflow", "-1e309"),
            raw("tiny exponent", "1e-1000000"), raw("huge exponent", "1E+1000000"), raw("subnormal", "4.9e-325"),
            raw("many digits", "123456789012345678901234567890.123456789"), raw("long fraction", "0.1000000000000000000000000001"),
            raw("fraction", "0.5"), raw("above one", "1.0000001"), raw("exponent form", "1e2"));

    static final List<Value> WRONG_TYPES = List.of(
            node("true", NODES.booleanNode(true)), node("null", NODES.nullNode()), node("number", NODES.numberNode(42)),
            node("empty object", NODES.objectNode()), node("empty array", NODES.arrayNode()),
            node("array of null", NODES.arrayNode().addNull()), node("text", NODES.textNode("text")),
            node("object with empty key", NODES.objectNode().putNull("")),
            raw("10,000-deep array", deepArray()), raw("10,000-deep object", deepObject()));

    static final List<Text> PATH_IDS = List.of(
            new Text("not a UUID", "not-a-uuid"), new Text("percent NUL", "%00"), new Text("NUL after a UUID", "6f1c3f52-8d9c-4e1b-9a53-2f7b0c9e4d10%00"),
            new Text("3,000 characters", "a".repeat(3_000)),
            new Text("10,000 characters (over the HTTP layer's request line)", "a".repeat(10_000)), new Text("emoji", "%F0%9F%98%80"), new Text("invalid UTF-8", "%FF%FE"),
            new Text("dot-dot", "%2e%2e"), new Text("encoded slash", "a%2Fb"), new Text("nil UUID", "00000000-0000-0000-0000-000000000000"),
            new Text("upper-case UUID", "6F1C3F52-8D9C-4E1B-9A53-2F7B0C9E4D10"), new Text("UUID in braces", "%7B6f1c3f52-8d9c-4e1b-9a53-2f7b0c9e4d10%7D"),
            new Text("minus one", "-1"), new Text("zero", "0"), new Text("space", "%20"), new Text("RTL override", "%E2%80%AE"),
            new Text("combining marks", "a" + "%CC%81".repeat(100)), new Text("null", "null"), new Text("percent sign", "%25"),
            new Text("lower-case code", "my"), new Text("three-letter code", "MYS"), new Text("unknown code", "ZZ"));

    static final List<Text> LIMITS = List.of(
            new Text("-1", "-1"), new Text("0", "0"), new Text("1", "1"), new Text("1000", "1000"), new Text("1001", "1001"),
            new Text("int overflow", "2147483648"), new Text("20 digits", "99999999999999999999"), new Text("exponent", "1e3"),
            new Text("fraction", "1.5"), new Text("letters", "abc"), new Text("empty", ""), new Text("percent NUL", "%00"));

    static final List<Text> CURSORS = List.of(
            new Text("garbage", "!!!"), new Text("empty", ""), new Text("percent NUL", "%00"), new Text("3,000 characters", "A".repeat(3_000)),
            new Text("base64 of {}", "e30"), new Text("base64 of junk", "3q2-7w"), new Text("base64 of a negative position", "LTE"),
            new Text("base64 of JSON with a huge number", "eyJhIjoxZTEwMDAwMDB9"), new Text("padded base64", "YWJj=="));

    static final List<Text> DATES = List.of(
            new Text("February 30", "2008-02-30"), new Text("month 13", "2008-13-01"), new Text("huge year", "%2B999999999-12-31"),
            new Text("negative year", "-999999999-01-01"), new Text("unpadded", "2008-1-1"), new Text("instant", "2008-06-24T00:00:00Z"),
            new Text("empty", ""), new Text("percent NUL", "%00"), new Text("month only", "2008-06"), new Text("letters", "yesterday"));

    static final List<Text> CODES = List.of(
            new Text("lower-case", "my"), new Text("three letters", "MYS"), new Text("one letter", "M"), new Text("unknown", "ZZ"),
            new Text("non-ASCII", "%C3%85%C3%85"), new Text("percent NUL", "%00"), new Text("empty", ""), new Text("1,000 characters", "A".repeat(1_000)),
            new Text("untrusted government", "XX"));

    static final List<Text> HEADERS = List.of(
            new Text("empty", ""), new Text("blank", "   "), new Text("201 characters", "k".repeat(201)), new Text("10,000 characters", "k".repeat(10_000)),
            new Text("star", "*"), new Text("weak ETag", "W/\"1\""), new Text("quoted letters", "\"abc\""), new Text("negative version", "\"-1\""),
            new Text("20-digit version", "\"99999999999999999999\""), new Text("two ETags", "\"1\", \"2\""), new Text("unquoted number", "1"),
            new Text("Latin-1 text", "caf\u00e9"));

    static final List<Text> CONTENT_TYPES = List.of(
            new Text("text/plain", "text/plain"), new Text("XML", "application/xml"), new Text("form", "application/x-www-form-urlencoded"),
            new Text("multipart", "multipart/form-data; boundary=x"), new Text("UTF-16 JSON", "application/json; charset=utf-16"),
            new Text("Latin-1 JSON", "application/json; charset=ISO-8859-1"), new Text("unknown charset", "application/json; charset=x-none"),
            new Text("problem JSON", "application/problem+json"), new Text("wildcard", "*/*"), new Text("garbage", "garbage"),
            new Text("unterminated parameter", "application/json; x=\"unterminated"), new Text("two types", "application/json, text/plain"));

    static final List<Text> ACCEPTS = List.of(
            new Text("XML", "application/xml"), new Text("HTML", "text/html"), new Text("image", "image/png"),
            new Text("nothing acceptable", "*/*;q=0"), new Text("garbage", "garbage"), new Text("event stream", "text/event-stream"));

    private Hostile() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Value text(String name, String text) {
        return new Value(name, max -> NODES.textNode(text));
    }

    private static Value raw(String name, String text) {
        return new Value(name, max -> JsonText.Raw.node(text));
    }

    private static Value node(String name, JsonNode node) {
        return new Value(name, max -> node.deepCopy());
    }
}
