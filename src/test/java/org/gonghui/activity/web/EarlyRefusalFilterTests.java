package org.gonghui.activity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests the early refusal may look at: exactly the registration and claim paths with a plain number. */
class EarlyRefusalFilterTests {

    static long activity(String uri) {
        return EarlyRefusalFilter.idBetween(uri, EarlyRefusalFilter.ACTIVITIES, EarlyRefusalFilter.REGISTRATIONS);
    }

    @Test
    void onlyAPlainNumberBetweenThePrefixAndTheSuffix() {
        assertThat(activity("/api/v1/activities/42/registrations")).isEqualTo(42);
        assertThat(activity("/api/v1/activities/900719925474099/registrations")).isEqualTo(900719925474099L);
        assertThat(EarlyRefusalFilter.idBetween("/api/v1/vouchers/offers/7/claims", EarlyRefusalFilter.OFFERS,
                EarlyRefusalFilter.CLAIMS)).isEqualTo(7);
        for (String other : new String[] {"/api/v1/activities//registrations", "/api/v1/activities/abc/registrations",
                "/api/v1/activities/4%32/registrations", "/api/v1/activities/42/registrations/",
                "/api/v1/activities/42/registrations/mine", "/api/v1/activities/42;x=1/registrations",
                "/api/v1/activities/-1/registrations", "/api/v1/activities/1234567890123456789/registrations",
                "/api/v1/activities/registrations", "/api/v2/activities/42/registrations", "/console/activities/42/registrations"}) {
            assertThat(activity(other)).as(other).isEqualTo(-1);
        }
    }
}
