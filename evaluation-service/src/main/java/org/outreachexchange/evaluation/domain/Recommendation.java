package org.outreachexchange.evaluation.domain;

import java.util.List;

/** What an evaluation says should be done next, and by whom. */
public record Recommendation(Category category, String objective, List<RecommendedTool> tools) {
}
