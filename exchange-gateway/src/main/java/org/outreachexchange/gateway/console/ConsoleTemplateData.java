package org.outreachexchange.gateway.console;

import io.quarkus.qute.TemplateData;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.gateway.domain.Acknowledgement;
import org.outreachexchange.gateway.domain.Missing;
import org.outreachexchange.gateway.domain.Suggestion;
import org.outreachexchange.gateway.domain.Objective;

/** Values of other packages that the console's templates read. */
@TemplateData(target = FieldError.class)
@TemplateData(target = Objective.class)
@TemplateData(target = Missing.class)
@TemplateData(target = Acknowledgement.class)
@TemplateData(target = Suggestion.class)
final class ConsoleTemplateData {

    private ConsoleTemplateData() {
    }
}
