package org.gonghui.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. Pages are counted from 0; {@code hasNext} is found by fetching one row more than the
 * page size, so large tables never need a full count.
 */
public record PageResult<T>(List<T> items, int page, int size, boolean hasNext) {

    public static final int MAX_SIZE = 200;

    public static <T> PageResult<T> of(List<T> fetched, int page, int size) {
        boolean more = fetched.size() > size;
        return new PageResult<>(more ? List.copyOf(fetched.subList(0, size)) : List.copyOf(fetched), page, size, more);
    }

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }

    public static int clampPage(int page) {
        return Math.max(0, page);
    }

    public long offset() {
        return (long) page * size;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, hasNext);
    }
}
