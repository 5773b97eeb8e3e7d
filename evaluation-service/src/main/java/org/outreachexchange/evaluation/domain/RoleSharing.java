package org.outreachexchange.evaluation.domain;

import java.util.List;
import java.util.Map;

/** "Sharing among Japan, U.S. and Australia": which partner leads which tools in one category. */
public record RoleSharing(Category category, String objective, Map<String, List<ToolUse>> leads) {
}
