package io.tributary.connector.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One webhook delivery as it arrived, with the secrets that may have signed it.
 *
 * @param body the raw body, byte for byte: signatures are computed over these bytes, so never
 *     re-encode them
 * @param headers the HTTP headers; names are matched without regard to case
 * @param signingSecrets the secrets currently accepted, newest first; several during a rotation
 */
public record WebhookRequest(byte[] body, Map<String, List<String>> headers, List<String> signingSecrets) {

    /** Copies every input; header names are stored in lower case. */
    public WebhookRequest {
        Objects.requireNonNull(body, "body");
        body = body.clone();
        Objects.requireNonNull(headers, "headers");
        Map<String, List<String>> lowerCased = new TreeMap<>();
        headers.forEach((name, values) -> lowerCased.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (first, second) -> java.util.stream.Stream.concat(first.stream(), second.stream()).toList()));
        headers = Map.copyOf(lowerCased);
        signingSecrets = Checks.list(signingSecrets, "signingSecrets");
        if (signingSecrets.isEmpty()) {
            throw new IllegalArgumentException("A webhook needs at least one signing secret to be verified");
        }
    }

    /**
     * The raw body.
     *
     * @return a copy of the body's bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The first value of a header.
     *
     * @param name the header's name, in any case
     * @return its first value, or empty when absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest that && Arrays.equals(body, that.body) && headers.equals(that.headers)
                && signingSecrets.equals(that.signingSecrets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(body), headers, signingSecrets);
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + body.length + " bytes, headers=" + headers.keySet() + ", "
                + signingSecrets.size() + " signing secret(s)]";
    }
}
