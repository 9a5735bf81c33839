package io.tributary.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.crypto.CryptoErrorCode;
import io.tributary.server.problems.Conflict;
import io.tributary.server.problems.Forbidden;
import io.tributary.server.problems.InvalidInput;
import io.tributary.server.problems.LimitReached;
import io.tributary.server.problems.NotFound;
import io.tributary.server.problems.Problem;
import io.tributary.server.problems.RateLimited;
import io.tributary.server.sources.CredentialsUnreadable;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The services' problems answer with the statuses, codes and fields the API gave before they had their own types. */
class ProblemMapperTest {

    private static Response answer(Problem problem) {
        return new ErrorMappers.ProblemMapper().toResponse(problem);
    }

    private static ApiError.Detail body(Response response) {
        return ((ApiError) response.getEntity()).error();
    }

    @Test
    void anInvalidValueIs422WithItsCodeAndField() {
        Response response = answer(new InvalidInput("cadenceMinutes", "cadenceMinutes must be one of 5, 15, 60, 360, 1440"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(body(response)).isEqualTo(new ApiError.Detail("invalid_request", "cadenceMinutes must be one of 5, 15, 60, 360, 1440",
                "cadenceMinutes"));
        assertThat(body(answer(new InvalidInput("invalid_credentials", "credentials.apiKey", "revoked"))))
                .isEqualTo(new ApiError.Detail("invalid_credentials", "revoked", "credentials.apiKey"));
    }

    @Test
    void somethingMissingIs404WithoutAField() {
        Response response = answer(new NotFound("Data source ds_1"));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response)).isEqualTo(new ApiError.Detail("not_found", "Data source ds_1 was not found", null));
    }

    @Test
    void aForbiddenCallIs403() {
        Response response = answer(new Forbidden("plan", "Only the admin may change a workspace's plan"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(body(response)).isEqualTo(new ApiError.Detail("forbidden", "Only the admin may change a workspace's plan", "plan"));
    }

    @Test
    void aPlansLimitIs402() {
        Response response = answer(new LimitReached("type", "The free plan allows 1 data source"));
        assertThat(response.getStatus()).isEqualTo(402);
        assertThat(body(response)).isEqualTo(new ApiError.Detail("plan_limit_exceeded", "The free plan allows 1 data source", "type"));
    }

    @Test
    void aConflictWithWhatIsStoredIs409AndSoAreUnreadableCredentials() {
        assertThat(answer(new Conflict("webhooks_not_enabled", null, "no secret")).getStatus()).isEqualTo(409);
        Response unreadable = answer(new CredentialsUnreadable("ds_1", true, CryptoErrorCode.AUTHENTICATION_FAILED));
        assertThat(unreadable.getStatus()).isEqualTo(409);
        assertThat(body(unreadable).code()).isEqualTo("credentials_unreadable");
        assertThat(body(unreadable).field()).isEqualTo("credentials.webhookSecret");
    }

    @Test
    void aRateLimitIs429AndSaysWhenToTryAgainInWholeSecondsRoundedUp() {
        Response response = answer(new RateLimited("webhook_rate_limited", "slow down", Duration.ofMillis(1_500)));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(body(response).code()).isEqualTo("webhook_rate_limited");
        assertThat(answer(new NotFound("Block blk_1")).getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
