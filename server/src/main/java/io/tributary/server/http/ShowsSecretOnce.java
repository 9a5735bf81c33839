package io.tributary.server.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method whose answer shows a secret once (a new token): the answer is marked
 * {@code Cache-Control: no-store}, so no browser, proxy or client cache keeps a copy.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ShowsSecretOnce {
}
