package org.gonghui.hardship.internal;

import java.util.List;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Households and decisions at rest: JSON sealed with the personal-data key (AES-GCM), so no income, health or child
 * detail is ever stored in clear.
 */
@Component
public class Sealing {

    /** A decision as frozen with the archive: the figures the means test used and its explanation. */
    public record Decision(MeansTest.Figures figures, List<ExplanationLine> lines) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PersonalDataCipher cipher;

    Sealing(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public String seal(Household household) {
        return cipher.encrypt(JSON.writeValueAsString(household));
    }

    public Household household(String sealed) {
        return sealed == null ? null : JSON.readValue(cipher.decrypt(sealed), Household.class);
    }

    public String seal(Decision decision) {
        return cipher.encrypt(JSON.writeValueAsString(decision));
    }

    public Decision decision(String sealed) {
        return sealed == null ? null : JSON.readValue(cipher.decrypt(sealed), Decision.class);
    }
}
