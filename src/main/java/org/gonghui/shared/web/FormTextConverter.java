package org.gonghui.shared.web;

import jakarta.validation.constraints.Size;
import java.util.Set;
import org.gonghui.shared.MultiLine;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Binds form fields and query parameters to text under the rules of {@link InputRules}: a field of a form record
 * or a {@code @RequestParam} takes no control character (line breaks and tabs only if {@link MultiLine}) and no
 * more than its maximum. Headers and cookies are not form input and pass unchecked.
 */
final class FormTextConverter implements ConditionalGenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, String.class));
    }

    @Override
    public boolean matches(TypeDescriptor source, TypeDescriptor target) {
        return !target.hasAnnotation(RequestHeader.class) && !target.hasAnnotation(CookieValue.class);
    }

    @Override
    public Object convert(Object value, TypeDescriptor source, TypeDescriptor target) {
        if (value == null) {
            return null;
        }
        boolean multiLine = target.hasAnnotation(MultiLine.class);
        Size size = target.getAnnotation(Size.class);
        InputRules.Refusal refusal = InputRules.checkText((String) value, InputRules.maxLength(size, multiLine), multiLine);
        if (refusal != null) {
            throw new RefusedText(refusal);
        }
        return value;
    }

    /** Text the input rules refuse, with the reason to show. */
    static final class RefusedText extends IllegalArgumentException {

        private final transient InputRules.Refusal refusal;

        RefusedText(InputRules.Refusal refusal) {
            super(refusal.code());
            this.refusal = refusal;
        }

        InputRules.Refusal refusal() {
            return refusal;
        }

        /** The refusal somewhere in a chain of causes, or null. */
        static InputRules.Refusal in(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof RefusedText refused) {
                    return refused.refusal();
                }
            }
            return null;
        }
    }
}
