package org.yishi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint file {@code audit-checkpoints.log} in the audit directory: one signed line per checkpoint, appended
 * and forced to disk, never rewritten. Each line is also logged (logger {@code org.yishi.audit.Checkpoints}), so that
 * a logging set-up that forwards to syslog keeps a second copy off the host.
 */
final class Checkpoints {

    static final String FILE = "audit-checkpoints.log";
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final Path file;
    private final AuditKey key;

    Checkpoints(Path directory, AuditKey key) {
        this.file = directory.resolve(FILE);
        this.key = key;
    }

    Path file() {
        return file;
    }

    /** What the file holds: the checkpoints whose signatures match, oldest first, and the first line that is forged. */
    record Readings(List<Checkpoint> checkpoints, Integer forgedLine) {
    }

    synchronized void append(Checkpoint checkpoint) {
        String line = checkpoint.line(key);
        try {
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                if (created) {
                    AuditKey.ownerOnly(file, false);
                }
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the audit checkpoint file " + file.toAbsolutePath(), e);
        }
        log.info("Audit checkpoint {}", line);
    }

    synchronized Readings read() {
        List<String> lines;
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            // a last line without its end was torn by a crash while being written: it holds no checkpoint
            lines = List.of(content.substring(0, content.lastIndexOf('\n') + 1).split("\n"));
        } catch (NoSuchFileException none) {
            return new Readings(List.of(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit checkpoint file " + file.toAbsolutePath(), e);
        }
        List<Checkpoint> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            var checkpoint = Checkpoint.parse(lines.get(i), key);
            if (checkpoint.isEmpty()) {
                return new Readings(found, i + 1);
            }
            found.add(checkpoint.get());
        }
        return new Readings(found, null);
    }
}
