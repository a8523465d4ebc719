package org.gonghui.payment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.shared.DomainException;
import org.springframework.stereotype.Component;

/** The programmes declared by the modules (each a {@link PaymentProgramme} bean), by code. */
@Component
public class PaymentProgrammes {

    private final Map<String, PaymentProgramme> byCode = new LinkedHashMap<>();

    PaymentProgrammes(List<PaymentProgramme> declared) {
        declared.stream().sorted(java.util.Comparator.comparing(PaymentProgramme::code)).forEach(p -> {
            if (byCode.putIfAbsent(p.code(), p) != null) {
                throw new IllegalStateException("payment programme declared twice: " + p.code());
            }
        });
    }

    public Collection<PaymentProgramme> all() {
        return byCode.values();
    }

    public Optional<PaymentProgramme> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The declared programme with this code; anything else is refused as bad input. */
    public PaymentProgramme require(String code) {
        return find(code).orElseThrow(() -> DomainException.invalid("payment.programme.unknown",
                code == null ? "" : code));
    }
}
