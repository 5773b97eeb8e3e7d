package org.outreachexchange.evaluation.domain;

import java.util.List;

/** A tool recommended for a country and the partners that lead it in the country's category. */
public record RecommendedTool(Tool tool, boolean ifNecessary, List<String> leads) {
}
