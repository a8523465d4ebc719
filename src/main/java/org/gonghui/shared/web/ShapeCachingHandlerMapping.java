package org.gonghui.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC finds the handler of a path with variables ({@code /api/v1/activities/{id}/registrations}) by
 * trying every mapping of the application in turn: with about two hundred mappings that was a quarter of the
 * CPU of a registration in a rush. This mapping remembers which mapping answered a request of the same shape
 * — method, path with its numeric segments as {@code #}, Accept and Content-Type — and checks only that one
 * next time; anything else takes Spring's full search, as do literal paths, CORS pre-flights and, when any
 * mapping has parameter or header conditions, everything.
 */
class ShapeCachingHandlerMapping extends RequestMappingHandlerMapping {

    private static final int MAX_SHAPES = 10_000;

    private final Map<String, Map.Entry<RequestMappingInfo, HandlerMethod>> byShape = new ConcurrentHashMap<>();
    private volatile Index index;

    /** What the cache needs to know of the registered mappings, built on first use (they are fixed by then). */
    private record Index(boolean usable, Set<String> literalPaths, Map<HandlerMethod, RequestMappingInfo> infos) {
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index idx = index();
        String shape = idx.usable() && !idx.literalPaths().contains(lookupPath) && !CorsUtils.isPreFlightRequest(request)
                ? shape(lookupPath, request) : null;
        if (shape != null) {
            var cached = byShape.get(shape);
            if (cached != null) {
                RequestMappingInfo match = cached.getKey().getMatchingCondition(request);
                if (match != null) {
                    request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, cached.getValue());
                    handleMatch(match, lookupPath, request);
                    return cached.getValue();
                }
            }
        }
        HandlerMethod found = super.lookupHandlerMethod(lookupPath, request);
        if (shape != null && found != null && byShape.size() < MAX_SHAPES) {
            RequestMappingInfo info = idx.infos().get(found);
            if (info != null && info.getDirectPaths().isEmpty()) {
                byShape.put(shape, Map.entry(info, found));
            }
        }
        return found;
    }

    private Index index() {
        Index idx = index;
        if (idx == null) {
            Map<HandlerMethod, RequestMappingInfo> infos = new HashMap<>();
            Set<String> literal = new HashSet<>();
            boolean usable = true;
            Map<HandlerMethod, Integer> uses = new HashMap<>();
            for (var e : getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                literal.addAll(info.getDirectPaths());
                usable &= info.getParamsCondition().isEmpty() && info.getHeadersCondition().isEmpty();
                infos.put(e.getValue(), info);
                uses.merge(e.getValue(), 1, Integer::sum);
            }
            // a method behind several mappings is left to the full search
            uses.forEach((method, n) -> {
                if (n > 1) {
                    infos.remove(method);
                }
            });
            idx = new Index(usable, Set.copyOf(literal), Map.copyOf(infos));
            index = idx;
        }
        return idx;
    }

    /** The request's shape, or null when its path has no numeric segment (nothing to share). */
    private static String shape(String path, HttpServletRequest request) {
        StringBuilder s = new StringBuilder(path.length() + 48).append(request.getMethod()).append(' ');
        boolean numeric = false;
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start && isDigits(path, start, end)) {
                s.append('#');
                numeric = true;
            } else {
                s.append(path, start, end);
            }
            if (end < path.length()) {
                s.append('/');
            }
            start = end + 1;
        }
        if (!numeric) {
            return null;
        }
        return s.append('|').append(request.getHeader(HttpHeaders.ACCEPT)).append('|')
                .append(request.getContentType()).toString();
    }

    private static boolean isDigits(String path, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
