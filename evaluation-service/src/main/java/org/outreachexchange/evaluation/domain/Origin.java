package org.outreachexchange.evaluation.domain;

/**
 * @param kind       what caused the change
 * @param reference  activity id, proposal id or criteria version
 * @param government the government behind it, null for the seed and for a criteria review's own reference
 */
public record Origin(OriginKind kind, String reference, String government) {
}
