package io.tributary.server.auth;

import io.tributary.server.core.ApiTokens;
import io.tributary.server.core.AuditTrail;
import io.tributary.server.core.Caller;
import io.tributary.server.db.ApiTokenDao.TokenRow;
import io.tributary.server.db.ApiTokenDao;
import io.tributary.server.db.TokenScope;
import io.tributary.server.errors.ApiError;
import io.tributary.server.limits.TokenBuckets;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Requires {@code Authorization: Bearer <token>} on every resource method not marked
 * {@link PublicEndpoint}: the admin token, or a workspace token whose hash matches, has not expired
 * and has not been revoked (its row is read on every request, so a revocation holds on the next
 * one, on every node). Methods marked {@link AdminOnly} accept the admin token only; a read token
 * may call only methods marked {@link ReadScope}. Each caller may make so many requests a second.
 */
@Priority(Priorities.AUTHENTICATION)
public final class TokenAuthFilter implements ContainerRequestFilter {

    /** An expired token's use is audited at most this often per token, so it cannot flood the log. */
    private static final Duration EXPIRED_USE_AUDIT_INTERVAL = Duration.ofMinutes(1);

    private final byte[] adminToken;
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditTrail audit;
    private final TokenBuckets requests;
    private final Map<String, Instant> expiredUseAudited = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resourceInfo;

    public TokenAuthFilter(String adminToken, Jdbi jdbi, Clock clock, AuditTrail audit, TokenBuckets requests) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.requests = requests;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null || marked(method, PublicEndpoint.class)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller;
        if (isAdminToken(header)) {
            caller = Optional.of(Caller.admin());
        } else {
            Optional<TokenRow> token = workspaceToken(header);
            if (token.isPresent() && token.get().expiredAt(clock.instant())) {
                auditExpiredUse(token.get());
                request.abortWith(refuse(401, "token_expired", "This token expired at " + token.get().expiresAt()
                        + ": ask the workspace's admin for a new one"));
                return;
            }
            token.ifPresent(this::noteUse);
            caller = token.map(row -> new Caller(row.workspaceId(), "token:" + row.id(), row.scope()));
        }
        if (caller.isEmpty()) {
            request.abortWith(refuse(401, "unauthorized", "Send Authorization: Bearer <token>, with an admin or workspace token"));
            return;
        }
        if (!requests.tryTake(caller.get().actor())) {
            request.abortWith(Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("rate_limited", "Too many requests with this token: slow down", null))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, requests.retryAfter().toSeconds())).build());
            return;
        }
        if (marked(method, AdminOnly.class) && !caller.get().isAdmin()) {
            request.abortWith(refuse(403, "forbidden", "Only the admin token may do this"));
            return;
        }
        if (caller.get().scope() == TokenScope.READ && !method.isAnnotationPresent(ReadScope.class)) {
            request.abortWith(refuse(403, "insufficient_scope", "A read token may only read blocks, their events and history"));
            return;
        }
        request.setSecurityContext(new CallerContext(caller.get(), request.getSecurityContext().isSecure()));
    }

    private boolean isAdminToken(String header) {
        return bearer(header).map(token -> MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }

    private Optional<TokenRow> workspaceToken(String header) {
        return bearer(header).flatMap(ApiTokens::parse)
                .flatMap(presented -> jdbi.withExtension(ApiTokenDao.class, tokens -> tokens.find(presented.id()))
                        .filter(row -> MessageDigest.isEqual(row.secretHash(), presented.secretHash())));
    }

    private static Optional<String> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    /** Last use is kept to the minute: a write only when the stored time is a minute old. */
    private void noteUse(TokenRow token) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (token.lastUsedAt() == null || !token.lastUsedAt().plus(Duration.ofMinutes(1)).isAfter(now)) {
            jdbi.useExtension(ApiTokenDao.class, tokens -> tokens.noteUse(token.id(), now));
        }
    }

    private void auditExpiredUse(TokenRow token) {
        Instant now = clock.instant();
        Instant last = expiredUseAudited.get(token.id());
        if (last == null || !last.plus(EXPIRED_USE_AUDIT_INTERVAL).isAfter(now)) {
            expiredUseAudited.put(token.id(), now);
            audit.record(token.workspaceId(), "token:" + token.id(), "token.expired_use", "token:" + token.id(),
                    Map.of("expired_at", token.expiresAt().toString()));
        }
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
