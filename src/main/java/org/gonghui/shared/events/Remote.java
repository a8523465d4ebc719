package org.gonghui.shared.events;

import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * An event an instance published, republished on every instance outside any transaction (profile {@code cluster};
 * on the publishing instance too, which has already seen the event itself: listeners only drop copies). Only
 * what keeps copies — caches of members, places, quotas, token principals — listens to it, with
 * {@code @EventListener void on(Remote<MemberChanged> changed)}: texts, payouts and other effects happen once, on
 * the instance where the change was made, through the ordinary event.
 *
 * @param event the event as published there
 * @param origin the instance that sent it to the broker
 * @param requestId the request that caused it there (log lines of both instances carry it), or {@code null}
 */
public record Remote<T>(T event, String origin, String requestId) implements ResolvableTypeProvider {

    @Override
    public ResolvableType getResolvableType() {
        return ResolvableType.forClassWithGenerics(Remote.class, ResolvableType.forInstance(event));
    }
}
