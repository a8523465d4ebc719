package org.gonghui.modelworker.allowance;

import org.gonghui.payment.PaymentProgramme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the honour allowance's programme to the payment engine. */
@Configuration
class AllowanceProgramme {

    @Bean
    PaymentProgramme modelAllowance() {
        return new PaymentProgramme(AllowanceLines.PROGRAMME, "劳模荣誉津贴", "Model-worker honour allowance");
    }
}
