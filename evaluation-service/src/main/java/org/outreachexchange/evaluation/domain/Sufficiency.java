package org.outreachexchange.evaluation.domain;

/** How an element is assessed. Only SUFFICIENT counts as established when the category is derived. */
public enum Sufficiency {
    SUFFICIENT, INSUFFICIENT, UNCERTAIN
}
