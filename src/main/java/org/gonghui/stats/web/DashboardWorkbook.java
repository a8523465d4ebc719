package org.gonghui.stats.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.stats.Dashboard;
import org.gonghui.stats.DashboardFigure;
import org.gonghui.stats.FigureLabels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The yearly report as an Excel workbook: one sheet per section (each figure for the year, the year before and the
 * change) and a sheet of the child organisations' figures. Counts are numbers, amounts in yuan, ratios in per cent;
 * the first row of every sheet says whose figures they are and whether the year is frozen or live.
 */
@Component
class DashboardWorkbook {

    private final FigureLabels labels;
    private final MessageSource messages;
    private final ReportTexts texts;

    DashboardWorkbook(FigureLabels labels, MessageSource messages, ReportTexts texts) {
        this.labels = labels;
        this.messages = messages;
        this.texts = texts;
    }

    void write(Dashboard d, Map<OrganisationView, Map<String, DashboardFigure>> children, OutputStream out) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = texts.title(d) + " · " + texts.status(d.status());
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Set<String> names = new HashSet<>();
            for (Dashboard.Section section : d.sections()) {
                Sheet sheet = workbook.createSheet(sheetName(labels.section(section.name(), locale), names));
                text(sheet.createRow(0), 0, title, bold);
                Row head = sheet.createRow(2);
                List<String> header = List.of(m("dashboard.figure", locale), m("dashboard.key", locale),
                        String.valueOf(d.year()), String.valueOf(d.year() - 1), m("dashboard.change", locale),
                        m("dashboard.change.relative", locale), m("dashboard.unit", locale));
                for (int i = 0; i < header.size(); i++) {
                    text(head, i, header.get(i), bold);
                }
                int r = 3;
                for (DashboardFigure f : section.figures()) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, labels.figure(f.key(), locale), null);
                    text(row, 1, f.key(), null);
                    number(row, 2, FigureText.plain(f.kind(), f.value()));
                    number(row, 3, FigureText.plain(f.kind(), f.previous()));
                    number(row, 4, FigureText.plain(f.kind(), f.change()));
                    BigDecimal relative = f.relativeChange();
                    number(row, 5, relative == null ? null : relative.movePointRight(2));
                    text(row, 6, m("dashboard.unit." + f.kind(), locale), null);
                }
                sheet.setColumnWidth(0, 32 * 256);
                sheet.setColumnWidth(1, 28 * 256);
            }
            Sheet sheet = workbook.createSheet(sheetName(m("dashboard.children", locale), names));
            text(sheet.createRow(0), 0, title, bold);
            Row head = sheet.createRow(2);
            text(head, 0, m("dashboard.organisation", locale), bold);
            List<DashboardFigure> columns = new ArrayList<>();
            d.sections().forEach(s -> columns.addAll(s.figures()));
            for (int i = 0; i < columns.size(); i++) {
                DashboardFigure f = columns.get(i);
                text(head, i + 1, labels.figure(f.key(), locale) + " (" + m("dashboard.unit." + f.kind(), locale) + ")",
                        bold);
            }
            int r = 3;
            for (Map.Entry<OrganisationView, Map<String, DashboardFigure>> child : children.entrySet()) {
                Row row = sheet.createRow(r++);
                text(row, 0, child.getKey().name(), null);
                for (int i = 0; i < columns.size(); i++) {
                    DashboardFigure f = child.getValue().get(columns.get(i).key());
                    number(row, i + 1, f == null ? null : FigureText.plain(f.kind(), f.value()));
                }
            }
            sheet.setColumnWidth(0, 36 * 256);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String m(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private static String sheetName(String wanted, Set<String> taken) {
        String name = WorkbookUtil.createSafeSheetName(wanted);
        String unique = name;
        for (int i = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); i++) {
            unique = WorkbookUtil.createSafeSheetName(name + " " + i);
        }
        return unique;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }
}
