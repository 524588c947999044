package org.timebank.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method whose effect goes through {@link Idempotency#write}: it accepts an
 * {@code Idempotency-Key}, and with {@code keyRequired} refuses to act without one (money moved by
 * hand, where a blind retry must never act twice).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {
    boolean keyRequired() default false;
}
