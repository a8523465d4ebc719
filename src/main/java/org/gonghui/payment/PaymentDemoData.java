package org.gonghui.payment;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo payments (after the other modules' demo data): the approved mutual-aid claims whose members have a payee account
 * (a 5·1 card) paid in one batch through the bank files, all but the last successfully, so the console shows a settled
 * batch, a failed payment to retry and the journal, and members see paid claims on their phone.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "gonghui.demo", havingValue = "true")
class PaymentDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PaymentDemoData.class);
    private static final String PROGRAMME = "MUTUAL_AID";

    private final PaymentBatches batches;
    private final PaymentProgrammes programmes;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PaymentDemoData(PaymentBatches batches, PaymentProgrammes programmes, Organisations organisations, JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.batches = batches;
        this.programmes = programmes;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (programmes.find(PROGRAMME).isEmpty()
                || jdbc.sql("select count(*) from payment_batch").query(Long.class).single() > 0) {
            return;
        }
        OrganisationView city = organisations.findByCode("NB").orElse(null);
        if (city == null) {
            return;
        }
        CurrentUser admin = new CurrentUser(0, "system", "system", null, city.id(), city.path(), null,
                EnumSet.of(Role.ADMIN, Role.STAFF), false, true);
        transactions.executeWithoutResult(status -> batches.createBatch(admin, PROGRAMME).ifPresent(batch -> {
            byte[] transfer = batches.transferFile(admin, batch.id());
            List<String> lines = new String(transfer, StandardCharsets.UTF_8).lines().skip(1).toList();
            StringBuilder result = new StringBuilder(BankFiles.RESULT_HEADER).append('\n');
            for (int i = 0; i < lines.size(); i++) {
                String[] c = lines.get(i).split(",");
                boolean fail = i == lines.size() - 1 && lines.size() > 1;
                result.append(c[0]).append(',').append(c[2]).append(',').append(c[6]).append(',')
                        .append(fail ? "FAILED,," + "账户已销户" : "SUCCESS,NB" + batch.batchNo() + "-" + (i + 1) + ",")
                        .append('\n');
            }
            ResultOutcome outcome = batches.importResult(admin, batch.id(), result.toString().getBytes(StandardCharsets.UTF_8));
            log.info("Payment demo data loaded: batch {} with {} payments, {} paid, {} failed", batch.batchNo(),
                    batch.lineCount(), outcome.paid(), outcome.failed());
        }));
    }
}
