package io.tributary.server.auth;

import io.tributary.server.core.ApiTokens;
import io.tributary.server.db.ApiTokenDao;
import io.tributary.server.errors.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Requires {@code Authorization: Bearer <token>} on every resource method not marked
 * {@link PublicEndpoint}: the admin token, or a workspace token whose hash matches. Methods marked
 * {@link AdminOnly} accept the admin token only.
 */
@Priority(Priorities.AUTHENTICATION)
public final class TokenAuthFilter implements ContainerRequestFilter {

    private final byte[] adminToken;
    private final Jdbi jdbi;

    @Context
    private ResourceInfo resourceInfo;

    public TokenAuthFilter(String adminToken, Jdbi jdbi) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.jdbi = jdbi;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null || marked(method, PublicEndpoint.class)) {
            return;
        }
        Optional<Caller> caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            request.abortWith(refuse(401, "unauthorized", "Send Authorization: Bearer <token>, with an admin or workspace token"));
            return;
        }
        if (marked(method, AdminOnly.class) && !caller.get().isAdmin()) {
            request.abortWith(refuse(403, "forbidden", "Only the admin token may do this"));
            return;
        }
        request.setSecurityContext(new CallerContext(caller.get(), request.getSecurityContext().isSecure()));
    }

    Optional<Caller> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Caller.admin());
        }
        return ApiTokens.parse(token).flatMap(presented -> jdbi.withExtension(ApiTokenDao.class, tokens -> tokens.find(presented.id()))
                .filter(row -> MessageDigest.isEqual(row.secretHash(), presented.secretHash()))
                .map(row -> new Caller(row.workspaceId(), "token:" + row.id())));
    }

    private boolean marked(Method method, Class<? extends java.lang.annotation.Annotation> annotation) {
        return method.isAnnotationPresent(annotation) || resourceInfo.getResourceClass().isAnnotationPresent(annotation);
    }

    private static Response refuse(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(code, message, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** The authenticated caller, as resources see it. */
    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return "admin".equals(role) && caller.isAdmin();
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
