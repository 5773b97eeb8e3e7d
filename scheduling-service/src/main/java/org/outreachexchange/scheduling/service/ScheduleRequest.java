package org.outreachexchange.scheduling.service;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.SchedulePrecision;

import java.time.LocalDate;
import java.time.YearMonth;

/** Either a month (when only the month is known) or start and end dates; precision is optional and must agree. */
@Schema(name = "ScheduleRequest")
public record ScheduleRequest(SchedulePrecision precision,
                              @Schema(type = SchemaType.STRING, example = "2008-09") YearMonth month,
                              LocalDate start,
                              LocalDate end) {
}
