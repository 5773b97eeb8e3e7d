package org.outreachexchange.infra.fuzz;

import java.util.Map;

/**
 * What a service has stored and published, as numbers that a request may only raise by being accepted: row counts
 * per table, topic end offsets. The fuzzer takes a snapshot before and after each request; a refused request must
 * leave every number as it was.
 */
@FunctionalInterface
public interface Effects {

    Map<String, Long> snapshot();

    /** For a fuzz run that checks answers only. */
    Effects NONE = Map::of;
}
