package org.gonghui.card;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service categories the card opens, as configuration: {@code gonghui.card.services} lists
 * {@code key:link} pairs (the link blank where the portal has no page for it yet); the labels are
 * {@code card.service.<key>} in the card bundle (Chinese and English).
 */
@Component
public class CardServices {

    /** One category: its key (for the label), where it leads on the portal ({@code null}: no page yet), 3.0 only. */
    public record Service(String key, String link, boolean v3Only) {
    }

    private final List<Service> services;

    CardServices(@Value("${gonghui.card.services}") List<String> configured) {
        List<Service> list = new ArrayList<>();
        for (String entry : configured) {
            String[] parts = entry.strip().split(":", 2);
            String key = parts[0].strip();
            boolean v3Only = key.endsWith("+3");
            key = v3Only ? key.substring(0, key.length() - 2) : key;
            String link = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
            list.add(new Service(key, link, v3Only));
        }
        this.services = List.copyOf(list);
    }

    public List<Service> all() {
        return services;
    }
}
