package org.outreachexchange.identity.quarkus;

import org.outreachexchange.identity.partners.PartnersDocument;

/** CDI event fired after a service took a newer partners document (a government joined, a key was added or retired...). */
public record PartnersChanged(PartnersDocument previous, PartnersDocument current) {
}
