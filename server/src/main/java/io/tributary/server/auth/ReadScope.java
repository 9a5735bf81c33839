package io.tributary.server.auth;

import io.tributary.server.db.TokenScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method a {@link TokenScope#READ read} token may call (reading blocks, their events and
 * history). Every other method needs an admin token: a new endpoint is closed to read tokens unless
 * it says otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadScope {
}
