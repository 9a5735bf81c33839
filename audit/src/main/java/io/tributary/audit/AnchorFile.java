package io.tributary.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The anchor file: chain heads written outside the database, one JSON line each, only ever
 * appended (and forced to disk). The newest line of a workspace is its anchor. Lines other nodes
 * append to a shared file are read as they come; a line that does not parse (a write cut short by
 * a crash) is skipped. A head already anchored is not written again, so the file grows with
 * changes, not with time.
 */
public final class AnchorFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final Map<String, AnchoredHead> newest = new HashMap<>();
    private long readUpTo;
    private int skippedLines;

    private AnchorFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    /** Opens the file (creating its folder; the file appears with the first anchor) and reads what it holds. */
    public static AnchorFile open(Path path) {
        AnchorFile file = new AnchorFile(path);
        try {
            Files.createDirectories(file.path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the folder of the audit anchor file " + file.path, e);
        }
        file.refresh();
        return file;
    }

    public Path path() {
        return path;
    }

    /** The newest anchor of a workspace's chain. */
    public synchronized Optional<AnchoredHead> newest(String workspace) {
        refresh();
        return Optional.ofNullable(newest.get(workspace));
    }

    /** Every workspace the file anchors. */
    public synchronized Set<String> workspaces() {
        refresh();
        return Set.copyOf(newest.keySet());
    }

    /** Lines that could not be read. */
    public synchronized int skippedLines() {
        return skippedLines;
    }

    /**
     * Appends the heads not anchored as they are, and forces them to disk.
     *
     * @return how many lines were written
     */
    public synchronized int append(Collection<AnchoredHead> heads) {
        refresh();
        StringBuilder lines = new StringBuilder();
        int written = 0;
        for (AnchoredHead head : heads) {
            if (!head.sameHeadAs(newest.get(head.workspace()))) {
                lines.append(line(head)).append('\n');
                written++;
            }
        }
        if (written == 0) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the audit anchor file " + path, e);
        }
        refresh();
        return written;
    }

    /** Reads what was appended since the last read; a file that shrank is read again whole. */
    private void refresh() {
        try {
            if (!Files.exists(path)) {
                newest.clear();
                readUpTo = 0;
                return;
            }
            long size = Files.size(path);
            if (size < readUpTo) {
                newest.clear();
                readUpTo = 0;
                skippedLines = 0;
            }
            if (size == readUpTo) {
                return;
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - readUpTo));
                channel.position(readUpTo);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // read until full or at the end
                }
                String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                int lastNewline = text.lastIndexOf('\n');
                if (lastNewline < 0) {
                    return; // a line still being written
                }
                for (String line : text.substring(0, lastNewline).split("\n")) {
                    read(line);
                }
                readUpTo += text.substring(0, lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit anchor file " + path, e);
        }
    }

    private void read(String line) {
        if (line.isBlank()) {
            return;
        }
        try {
            JsonNode json = JSON.readTree(line);
            AnchoredHead head = new AnchoredHead(json.get("workspace").textValue(), json.get("lastSeq").longValue(),
                    json.get("lastHash").textValue(), json.get("keyId").textValue(), json.get("mac").textValue(),
                    Instant.parse(json.get("anchoredAt").textValue()));
            newest.put(head.workspace(), head);
        } catch (JsonProcessingException | RuntimeException e) {
            skippedLines++;
        }
    }

    private static String line(AnchoredHead head) {
        try {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("workspace", head.workspace());
            fields.put("lastSeq", head.lastSeq());
            fields.put("lastHash", head.lastHash());
            fields.put("keyId", head.keyId());
            fields.put("mac", head.mac());
            fields.put("anchoredAt", head.anchoredAt().toString());
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An anchored head always serialises", e);
        }
    }
}
