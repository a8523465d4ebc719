package org.gonghui.shared.time;

import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #times} in every template: the platform's {@link PlatformTime} formats ({@code #times.dateTime(at)},
 * {@code #times.format(at, 'MM-dd HH:mm')}), so a page cannot show an instant in the server's zone. Templates do not
 * use {@code #temporals} or {@code #dates} (a test checks).
 */
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "times";

    private final PlatformTime time;

    TimesDialect(PlatformTime time) {
        super("gonghui-times");
        this.time = time;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? time : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
