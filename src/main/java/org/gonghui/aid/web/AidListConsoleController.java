package org.gonghui.aid.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.AidLists;
import org.gonghui.aid.grant.ListApproval;
import org.gonghui.aid.grant.ListView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Aid lists in the console: draw up, add members singly or from Excel, submit, approve above, export. */
@Controller
@RequestMapping("/console/aid/lists")
class AidListConsoleController {

    private final AidLists lists;
    private final ConsoleActions actions;
    private final PlatformTime time;

    AidListConsoleController(AidLists lists, ConsoleActions actions, PlatformTime time) {
        this.lists = lists;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping
    String lists(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < 2000 || year > 2100 ? time.today().getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("lists", lists.list(user, shown));
        model.addAttribute("kinds", List.of(AidKind.LIVING, AidKind.MEDICAL, AidKind.FESTIVAL));
        return "aid/console/lists";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) AidKind kind,
            @RequestParam(defaultValue = "0") int year, @RequestParam(defaultValue = "") String title,
            RedirectAttributes redirect) {
        try {
            ListView list = lists.create(user, kind, year, title);
            return "redirect:/console/aid/lists/" + list.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
            return "redirect:/console/aid/lists?year=" + year;
        }
    }

    @GetMapping("/{id}")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("list", lists.find(user, id));
        model.addAttribute("lines", lists.lines(user, id));
        model.addAttribute("reasons", lists);
        return "aid/console/list";
    }

    @PostMapping("/{id}/lines")
    String add(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(defaultValue = "") String goods,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/lists/" + id,
                () -> lists.add(user, id, new AidLists.Line(idNumber, name, amount, goods)));
    }

    @PostMapping("/{id}/import")
    String importLines(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, HttpSession session, Model model) {
        try {
            ImportReport report = lists.importLines(user, id, file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(lists.lineHeader(),
                        actions.message("import.row"), actions.message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("importError", actions.reason(e));
        }
        return list(user, id, model);
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "list", lists.lineHeader(), List.of(List.of("330203199001011236", "张三", "1000.00", "")));
        return ImportReports.excel(out.toByteArray(), "aid-list-template.xlsx");
    }

    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/lists/" + id, () -> lists.submit(user, id));
    }

    @PostMapping("/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            ListApproval approval = lists.approve(user, id);
            redirect.addFlashAttribute("notice", actions.message("aid.list.approved", approval.approved(),
                    approval.awaitingSecond(), approval.dropped().size()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/console/aid/lists/" + id;
    }

    @GetMapping("/{id}/export")
    void export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lists.export(user, id, out);
        ImportReports.excelAttachment(response, "aid-list-" + id + ".xlsx");
        response.getOutputStream().write(out.toByteArray());
    }
}
