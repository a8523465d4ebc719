package org.gonghui.card.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.gonghui.card.merchant.Figures;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.http.ContentDisposition;
import java.nio.charset.StandardCharsets;

/** The discount figures as an Excel sheet (for staff of their subtree, or a merchant of itself). */
final class FiguresExport {

    private FiguresExport() {
    }

    static Figures.By by(String text) {
        if (text == null || text.isBlank()) {
            return Figures.By.MONTH;
        }
        try {
            return Figures.By.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("card.merchant.figures.invalid");
        }
    }

    static void write(Figures figures, ConsoleActions actions, CurrentUser user, int year, Figures.By by,
            HttpServletResponse response) throws IOException {
        List<Figures.Line> lines = figures.of(user, year, by);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("card-figures-" + year + "-" + by.name().toLowerCase(Locale.ROOT) + ".xlsx", StandardCharsets.UTF_8)
                .build().toString());
        List<String> header = List.of(actions.message("card.merchant.figures.by." + by.name()),
                actions.message("card.merchant.figures.visits"), actions.message("card.merchant.figures.members"),
                actions.message("card.merchant.figures.discount"));
        Spreadsheets.write(response.getOutputStream(), String.valueOf(year), header, lines.stream()
                .map(l -> List.<Object>of(l.labelIsKey() ? actions.message(l.label()) : l.label(), l.visits(), l.members(),
                        BigDecimal.valueOf(l.discountFen(), 2)))
                .toList());
    }
}
