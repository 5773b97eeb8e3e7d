package org.outreachexchange.evaluation.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that changes the shared evaluation (proposing, concurring, objecting): only an agency with a
 * deciding role may call it ({@code Mandate}), and {@link DecidersOnly} refuses the others before the body is read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Decides {
}
