package org.gonghui.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Published articles as readers open them, kept for a few seconds so that a burst of readers of one article costs
 * one look-up, not one each. Every change of an article on this instance drops it at once (withdrawn: gone for
 * readers immediately); another instance as soon as its {@link ArticleChanged} arrives (within a second; at the latest after {@link #TTL}).
 */
@Component
class ReadableArticles {

    static final Duration TTL = Duration.ofSeconds(10);

    private final ArticleStore store;
    /** A published article: its audience, and what its readers get (the body cleaned once more on the way out). */
    record Readable(Audience audience, PublishedArticle article) {
    }

    private final Cache<Long, Optional<Readable>> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(TTL).build();

    private final org.springframework.context.ApplicationEventPublisher events;

    ReadableArticles(ArticleStore store, org.springframework.context.ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** The article if it is published now. */
    Optional<Readable> published(long id) {
        return cache.get(id, key -> store.find(key).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                .map(a -> new Readable(a.audience(), new PublishedArticle(a.id(), a.category(), a.title(), a.summary(),
                        RichText.clean(a.bodyHtml()), a.hasCover(), a.publishedAt(), a.attachments()))));
    }

    /** Drops the article now and again after the commit (a reader in between may have kept the old state). */
    void changed(long id) {
        cache.invalidate(id);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            events.publishEvent(new ArticleChanged(id)); // to the other instances
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(id);
                }
            });
        }
    }

    /** An article changed on another instance (profile cluster). */
    @org.springframework.context.event.EventListener
    void on(org.gonghui.shared.events.Remote<ArticleChanged> changed) {
        cache.invalidate(changed.event().articleId());
    }
}
