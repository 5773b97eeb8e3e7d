package org.outreachexchange.evaluation.domain;

import java.util.List;
import java.util.Map;

/** A category of the role-sharing table in force ("Sharing among Japan, U.S. and Australia", grown since): which partner leads which tools there. */
public record RoleSharing(Category category, String objective, Map<String, List<ToolUse>> leads) {
}
