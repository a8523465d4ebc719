package org.gonghui.stats.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.gonghui.shared.figures.FigureDefinition.Kind;
import org.gonghui.stats.DashboardFigure;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the pages, the report and the workbook write a figure: counts with thousands separators, amounts (stored in
 * fen) in yuan with two decimals, ratios in per cent with one decimal; a ratio's change in percentage points.
 */
@Component("figureText")
public class FigureText {

    private final MessageSource messages;

    FigureText(MessageSource messages) {
        this.messages = messages;
    }

    public String value(DashboardFigure f) {
        return format(f.kind(), f.value(), false);
    }

    public String previous(DashboardFigure f) {
        return format(f.kind(), f.previous(), false);
    }

    public String change(DashboardFigure f) {
        if (f.change() == null) {
            return "";
        }
        if (f.kind() == Kind.RATIO) {
            return messages.getMessage("dashboard.points", new Object[] {number(f.change().movePointRight(2), 1, true)},
                    LocaleContextHolder.getLocale());
        }
        String text = format(f.kind(), f.change(), true);
        BigDecimal relative = f.relativeChange();
        return relative == null ? text : text + " (" + number(relative.movePointRight(2), 1, true) + "%)";
    }

    /** "up", "down" or "same", for the arrow's colour. */
    public String direction(DashboardFigure f) {
        return f.change() == null || f.change().signum() == 0 ? "same" : f.change().signum() > 0 ? "up" : "down";
    }

    /** The value as a plain number for the workbook: counts as they are, amounts in yuan, ratios in per cent. */
    public static BigDecimal plain(Kind kind, BigDecimal value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case COUNT -> value;
            case AMOUNT_FEN -> value.movePointLeft(2);
            case RATIO -> value.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        };
    }

    public String format(Kind kind, BigDecimal value, boolean signed) {
        if (value == null) {
            return "–";
        }
        return switch (kind) {
            case COUNT -> number(value, 0, signed);
            case AMOUNT_FEN -> (value.signum() < 0 ? "-" : signed && value.signum() > 0 ? "+" : "") + "¥"
                    + number(value.abs().movePointLeft(2), 2, false);
            case RATIO -> number(value.movePointRight(2), 1, signed) + "%";
        };
    }

    private static String number(BigDecimal value, int decimals, boolean signed) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        if (signed) {
            format.setPositivePrefix("+");
        }
        return format.format(value);
    }
}
