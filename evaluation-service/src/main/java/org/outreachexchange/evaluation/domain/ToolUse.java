package org.outreachexchange.evaluation.domain;

/** A tool as the source document lists it, with its "(if necessary)" flag. */
public record ToolUse(Tool tool, boolean ifNecessary) {

    static ToolUse always(Tool tool) {
        return new ToolUse(tool, false);
    }

    static ToolUse ifNecessary(Tool tool) {
        return new ToolUse(tool, true);
    }
}
