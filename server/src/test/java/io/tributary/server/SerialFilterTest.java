package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;

/** Nothing the server deserializes may name a class outside the allow-list. */
class SerialFilterTest {

    /** Stands for a gadget: any class outside the allow-list. */
    record Gadget(String command) implements Serializable {
    }

    @Test
    void theLauncherAndTheTestsUseTheServersAllowList() throws Exception {
        assertThat(System.getProperty("jdk.serialFilter")).as("surefire's argLine").isEqualTo(SerialFilter.PATTERN);
        String launcher = Files.readString(Path.of("..", "bin", "tributary"));
        assertThat(launcher).contains("serial_filter='" + SerialFilter.PATTERN + "'").contains("-Djdk.serialFilter=\"$serial_filter\"");
        assertThat(ObjectInputFilter.Config.getSerialFilter()).as("installed JVM-wide").isNotNull();
    }

    @Test
    void aClassOutsideTheListIsRefusedAndQuartzJobDataIsRead() throws Exception {
        assertThatThrownBy(() -> roundTrip(new Gadget("touch /tmp/pwned"))).isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("REJECTED");
        Map<String, Object> inside = new HashMap<>();
        inside.put("gadget", new Gadget("x"));
        assertThatThrownBy(() -> roundTrip(inside)).as("nor inside an allowed collection").isInstanceOf(InvalidClassException.class);

        JobDataMap data = new JobDataMap(Map.of("sourceId", "ds_1", "attempt", 3));
        assertThat(((JobDataMap) roundTrip(data)).getString("sourceId")).isEqualTo("ds_1");
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
