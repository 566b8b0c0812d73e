package de.auseinerhand.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the stable CloudEvents type of an event record.
 *
 * <p>{@code domain} is the writing service's short name ({@code registry}, {@code benefits},
 * {@code placement}), {@code name} the kebab-case event name and {@code version} the schema version.
 * Together they give the type {@code de.auseinerhand.<domain>.<name>.v<version>} and the schema
 * URN {@code urn:aeh:schema:<domain>.<name>:<version>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CaseEventType {
    String domain();

    String name();

    int version() default 1;
}
