package io.tributary.connector.stripe;

import io.tributary.connector.spi.CapabilityStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the permission probes learned into a capability per query type and stream, and a
 * warning per capability that could not be decided, so the person adding the key knows which ones.
 */
final class KeyCapabilities {

    private KeyCapabilities() {
    }

    /**
     * A capability needing these permissions: missing when one is missing, else unknown when one is
     * unknown, else available. One needing none (stripe.list, stripe.get) serves whatever the key
     * may read, so any granted read makes it available.
     */
    static CapabilityStatus status(CapabilityStatus.Kind kind, String id, Set<StripePermission> needed,
                                   Map<StripePermission, PermissionProbe.Outcome> outcomes) {
        if (needed.isEmpty()) {
            return anyRead(kind, id, outcomes);
        }
        List<StripePermission> sorted = needed.stream().sorted().toList();
        Optional<StripePermission> missing = sorted.stream()
                .filter(permission -> outcomes.get(permission).answer() == PermissionProbe.Answer.MISSING).findFirst();
        if (missing.isPresent()) {
            return CapabilityStatus.missing(kind, id, missing.get().toGrant());
        }
        return sorted.stream().map(outcomes::get).filter(outcome -> outcome.answer() == PermissionProbe.Answer.UNKNOWN).findFirst()
                .map(unknown -> CapabilityStatus.unknown(kind, id, unknown.reason()))
                .orElse(CapabilityStatus.available(kind, id));
    }

    private static CapabilityStatus anyRead(CapabilityStatus.Kind kind, String id, Map<StripePermission, PermissionProbe.Outcome> outcomes) {
        List<PermissionProbe.Outcome> reads = outcomes.entrySet().stream()
                .filter(entry -> entry.getKey() != StripePermission.ACCOUNT).map(Map.Entry::getValue).toList();
        if (reads.stream().anyMatch(outcome -> outcome.answer() == PermissionProbe.Answer.GRANTED)) {
            return CapabilityStatus.available(kind, id);
        }
        return reads.stream().filter(outcome -> outcome.answer() == PermissionProbe.Answer.UNKNOWN).findFirst()
                .map(unknown -> CapabilityStatus.unknown(kind, id, "no read permission could be confirmed: " + unknown.reason()))
                .orElse(CapabilityStatus.missing(kind, id, StripePermission.CUSTOMER.toGrant()));
    }

    /** One warning naming each capability whose status is unknown. */
    static List<String> warnings(List<CapabilityStatus> capabilities) {
        List<String> warnings = new ArrayList<>();
        for (CapabilityStatus capability : capabilities) {
            if (capability.status() == CapabilityStatus.Status.UNKNOWN) {
                String what = capability.kind() == CapabilityStatus.Kind.STREAM
                        ? "read the stream '" + capability.id() + "'" : "run the query '" + capability.id() + "'";
                warnings.add("Could not tell whether this key can " + what + ": " + capability.reason()
                        + ". The data source is saved; test it again later to check.");
            }
        }
        return warnings;
    }
}
