package io.tributary.server.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.ErrorKind;
import io.tributary.server.problems.Conflict;
import io.tributary.server.problems.Forbidden;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.LimitReached;
import io.tributary.server.problems.NotFound;
import io.tributary.server.problems.Problem;
import io.tributary.server.problems.RateLimited;
import io.tributary.server.sources.ConnectorFailures;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the one error shape, with a fitting status and never a stack trace.
 * Registered instead of Dropwizard's default mappers.
 */
public final class ErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    public static List<Object> all() {
        return List.of(new ApiExceptionMapper(), new ProblemMapper(), new ConnectorExceptionMapper(), new JsonMapper(), new WebApplicationMapper(),
                new CatchAllMapper());
    }

    static Response respond(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    /** With {@code Retry-After} in whole seconds, rounded up, when the caller may try again later. */
    static Response respond(int status, ApiError error, Optional<Duration> retryAfter) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
        retryAfter.ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, Math.max(1, (wait.toMillis() + 999) / 1000)));
        return response.build();
    }

    /** Our own refusals. */
    public static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return respond(e.status(), e.toError(), e.retryAfter());
        }
    }

    /** The services' refusals: the kind of problem decides the status, and a rate limit says when to try again. */
    public static final class ProblemMapper implements ExceptionMapper<Problem> {
        @Override
        public Response toResponse(Problem e) {
            Optional<Duration> retryAfter = e instanceof RateLimited limited ? Optional.of(limited.retryAfter()) : Optional.empty();
            return respond(status(e), ApiError.of(e.code(), e.getMessage(), e.field()), retryAfter);
        }

        static int status(Problem problem) {
            if (problem instanceof InvalidInput) {
                return 422;
            }
            if (problem instanceof NotFound) {
                return 404;
            }
            if (problem instanceof Forbidden) {
                return 403;
            }
            if (problem instanceof LimitReached) {
                return 402; // Payment Required: a bigger plan allows it
            }
            if (problem instanceof Conflict) {
                return 409;
            }
            if (problem instanceof RateLimited) {
                return 429;
            }
            throw new IllegalStateException("A problem of no known kind: " + problem.getClass().getName());
        }
    }

    /** A connector's typed failure: the kind decides the status. */
    public static final class ConnectorExceptionMapper implements ExceptionMapper<ConnectorException> {
        @Override
        public Response toResponse(ConnectorException e) {
            // A retryable failure (503) says when to try again.
            return respond(status(e.kind()), ApiError.of(code(e), message(e), e.field().orElse(null)), ConnectorFailures.retryAfter(e));
        }

        static int status(ErrorKind kind) {
            return switch (kind) {
                case INVALID_PARAMETERS, CREDENTIALS_REJECTED, PERMISSION_MISSING -> 422;
                case NOT_FOUND -> 404;
                case WEBHOOK_REJECTED, UNSUPPORTED -> 400;
                case RATE_LIMITED, TRANSIENT -> 503;
                case PROVIDER_ERROR -> 502;
                case INTERNAL -> 500;
            };
        }

        private static String code(ConnectorException e) {
            // The source's credentials no longer work: the code a caller sees for any refused credentials.
            return ConnectorFailures.stopsSource(e) ? "invalid_credentials" : e.errorCode().code();
        }

        private static String message(ConnectorException e) {
            if (e.kind() == ErrorKind.INTERNAL) {
                LOG.error("A connector failed unexpectedly: {}", e.errorCode().code(), e);
                return "The connector failed unexpectedly; see the server log";
            }
            return e.getMessage();
        }
    }

    /** A body that is not the JSON expected. */
    public static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException unknown) {
                // A misspelt or misplaced field is refused, never dropped: the caller would think it was applied.
                String field = path(unknown);
                return respond(422, ApiError.of("unknown_field", "'" + field + "' is not a field of this request"
                        + known(unknown), field));
            }
            if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = path(mismatch);
                String expected = e instanceof InvalidFormatException format && format.getTargetType() != null
                        ? " (expected " + format.getTargetType().getSimpleName().toLowerCase(Locale.ROOT) + ")" : "";
                return respond(422, ApiError.of("invalid_request", "'" + field + "' has the wrong type" + expected, field));
            }
            return respond(400, ApiError.of("invalid_json", "The request body is not valid JSON", null));
        }

        private static String path(MismatchedInputException e) {
            return e.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }

        private static String known(UnrecognizedPropertyException e) {
            if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
                return "";
            }
            return "; known fields: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
    }

    /** Jersey's own answers: unknown path, wrong method, unsupported media type, ... */
    public static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String code = switch (status) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 406 -> "not_acceptable";
                case 413 -> "request_too_large";
                case 415 -> "unsupported_media_type";
                default -> status >= 500 ? "internal_error" : "bad_request";
            };
            String message = switch (status) {
                case 404 -> "No such resource";
                case 405 -> "This method is not allowed here";
                case 413 -> "The request body is too large";
                case 415 -> "Send JSON (Content-Type: application/json)";
                default -> status >= 500 ? "Something went wrong on the server" : "The request could not be understood";
            };
            return respond(status, ApiError.of(code, message, null));
        }
    }

    /** Anything else is a defect: logged with a reference, answered without details. */
    public static final class CatchAllMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Unexpected failure, reference {}", reference, e);
            return respond(500, ApiError.of("internal_error", "Something went wrong on the server (reference " + reference + ")", null));
        }
    }
}
