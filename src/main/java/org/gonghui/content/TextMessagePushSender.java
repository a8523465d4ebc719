package org.gonghui.content;

import java.util.Locale;
import org.gonghui.account.SmsSender;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;

/** The default {@link PushSender}: a text message (title and link, in Chinese) to the member's phone. */
@Configuration(proxyBeanMethods = false)
class TextMessagePushSender {

    @Bean
    @ConditionalOnMissingBean(PushSender.class)
    PushSender textMessages(SmsSender sms, MessageSource messages) {
        return message -> {
            if (message.phone() == null || message.phone().isBlank()) {
                return PushSender.Outcome.NO_ADDRESS;
            }
            sms.send(message.phone(), messages.getMessage("content.push.text",
                    new Object[] {message.title(), message.link()}, Locale.SIMPLIFIED_CHINESE));
            return PushSender.Outcome.SENT;
        };
    }
}
