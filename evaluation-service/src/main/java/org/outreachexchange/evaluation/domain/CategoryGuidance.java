package org.outreachexchange.evaluation.domain;

import java.util.List;

/** "Primary objectives in each category": the objective and tools for one category. */
public record CategoryGuidance(Category category, String definition, String objective, List<ToolUse> tools) {
}
