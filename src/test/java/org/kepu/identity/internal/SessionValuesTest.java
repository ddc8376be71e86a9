package org.kepu.identity.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.SerializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionValuesTest {

    private final SessionValues values = new SessionValues();

    @Test
    void stringsAndNumbersComeBackAsTheyWent() {
        for (Object value : new Object[] {"demo-editor", "账号", 1_764_000_000_000L, 1800, ""}) {
            assertThat(values.deserialize(values.serialize(value))).isEqualTo(value);
        }
        assertThat(new String(values.serialize(1800), StandardCharsets.UTF_8)).isEqualTo("i1800");
        assertThat(values.deserialize(values.serialize(null))).isNull();
    }

    @Test
    void anythingElseIsRefusedBothWays() {
        assertThatThrownBy(() -> values.serialize(new java.util.ArrayList<>())).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> values.deserialize(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> values.deserialize("lnot-a-number".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }
}
