package org.yishi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Addresses in the audit log as people write them. */
class OriginTests {

    @Test
    void ipv6AddressesAreShownInTheirShortestForm() {
        assertThat(Origin.readable("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(Origin.readable("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(Origin.readable("fe80:0:0:0:0:0:0:1a")).isEqualTo("fe80::1a");
        assertThat(Origin.readable("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Origin.readable("2001:DB8:1:2:3:4:0:0")).isEqualTo("2001:db8:1:2:3:4::");
        assertThat(Origin.readable("2001:db8:1:0:3:4:5:6")).as("a single zero group stays").isEqualTo("2001:db8:1:0:3:4:5:6");
    }

    @Test
    void otherAddressesStayAsTheyAre() {
        assertThat(Origin.readable("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(Origin.readable("::1")).isEqualTo("::1");
        assertThat(Origin.readable(null)).isNull();
    }
}
