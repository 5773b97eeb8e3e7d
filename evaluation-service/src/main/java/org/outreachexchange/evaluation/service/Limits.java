package org.outreachexchange.evaluation.service;

/** The bounds of every request field, stated once for the annotations, the README and the tests. */
public final class Limits {

    /** Characters in a rationale, an evidence text or a comment. */
    public static final int TEXT = 4000;
    /** Decimals of a factor score, a weight or a threshold: the 4 a risk score is rounded to. */
    public static final int SCORE_FRACTION_DIGITS = 4;
    /** Entries of a map keyed by factor or by element: one per factor or element ({@code LimitsTest} keeps them so). */
    public static final int FACTORS = 4;
    public static final int ELEMENTS = 4;

    private Limits() {
    }
}
