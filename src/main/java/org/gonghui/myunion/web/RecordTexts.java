package org.gonghui.myunion.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.gonghui.myunion.RecordEntryView;
import org.gonghui.myunion.RecordKind;
import org.gonghui.payment.PaymentProgrammes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of a record entry in the reader's language (messages {@code myunion.entry.<KIND>}). */
@Component
class RecordTexts {

    private final MessageSource messages;
    private final PaymentProgrammes programmes;

    RecordTexts(MessageSource messages, PaymentProgrammes programmes) {
        this.messages = messages;
        this.programmes = programmes;
    }

    String text(RecordEntryView entry, Locale locale) {
        String title = entry.title() == null ? "" : entry.title();
        String detail = entry.detail() == null ? "" : entry.detail();
        if (entry.kind().money() && entry.kind() != RecordKind.CARD_DISCOUNT) {
            // a payment: its title is the programme's code, shown by the programme's own name
            title = programmes.find(title).map(p -> p.name(locale)).orElse(title);
        } else if (entry.kind() == RecordKind.HELP_CLOSED) {
            detail = messages.getMessage("helpdesk.outcome." + detail, null, detail, locale);
        }
        String code = "myunion.entry." + entry.kind().name() + (detail.isEmpty() ? "" : ".detail");
        return messages.getMessage(code, new Object[] {title, detail}, locale);
    }

    static String yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
