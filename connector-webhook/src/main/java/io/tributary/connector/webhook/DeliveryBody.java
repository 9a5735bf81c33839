package io.tributary.connector.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Parses a verified body: strict UTF-8, one JSON object or array and nothing after it. */
final class DeliveryBody {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DeliveryBody() {
    }

    static JsonNode parse(byte[] body) {
        JsonNode json;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            json = JSON.readTree(text);
        } catch (CharacterCodingException | JsonProcessingException e) {
            // Not the parser's message: it quotes the body.
            throw malformed("The delivery's body is not JSON");
        }
        if (json == null || !(json.isObject() || json.isArray())) {
            throw malformed("The delivery's body is not a JSON object or array");
        }
        return json;
    }

    private static ConnectorException malformed(String message) {
        return new ConnectorException(StandardErrorCode.WEBHOOK_PAYLOAD_MALFORMED, message);
    }
}
