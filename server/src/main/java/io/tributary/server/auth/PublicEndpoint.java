package io.tributary.server.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method anyone may call without a token: only the webhook receivers, which
 * authenticate by signature. Every other method requires a token by default, so a new endpoint
 * cannot ship open by mistake; a test lists every method that carries this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {
}
