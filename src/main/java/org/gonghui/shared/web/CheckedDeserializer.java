package org.gonghui.shared.web;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.gonghui.shared.MultiLine;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A text, decimal or date deserializer followed by the checks of {@link InputRules}, with the limits of the property it
 * fills ({@code @Size}, {@link MultiLine}).
 */
final class CheckedDeserializer extends DelegatingDeserializer {

    private final BeanProperty property;

    CheckedDeserializer(ValueDeserializer<?> delegate, BeanProperty property) {
        super(delegate);
        this.property = property;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
        return new CheckedDeserializer(delegate, property);
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        ValueDeserializer<?> delegate = context.handleSecondaryContextualization(_delegatee, property,
                context.constructType(_delegatee.handledType()));
        return new CheckedDeserializer(delegate, property);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        Object value = super.deserialize(parser, context);
        InputRules.Refusal refusal = value instanceof String text ? checkText(text)
                : value instanceof BigDecimal number ? InputRules.checkNumber(number) : InputRules.checkDate(value);
        if (refusal != null) {
            throw new RefusedValue(parser, refusal);
        }
        return value;
    }

    private InputRules.Refusal checkText(String text) {
        boolean multiLine = property != null && property.getAnnotation(MultiLine.class) != null;
        Size size = property == null ? null : property.getAnnotation(Size.class);
        return InputRules.checkText(text, InputRules.maxLength(size, multiLine), multiLine);
    }

    /** A value of the right JSON type that the input rules refuse; Jackson adds the path to the field. */
    static final class RefusedValue extends MismatchedInputException {

        private final transient InputRules.Refusal refusal;

        RefusedValue(JsonParser parser, InputRules.Refusal refusal) {
            super(parser, refusal.code());
            this.refusal = refusal;
        }

        InputRules.Refusal refusal() {
            return refusal;
        }
    }
}
