package org.dprktrade.briefing.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.dprktrade.briefing.delivery.DeliveryResult;
import org.dprktrade.briefing.job.DryRun;
import org.dprktrade.briefing.state.Redelivery;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.period.QuarterRange;
import org.dprktrade.briefing.schedule.ScheduleProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.quartz.CronExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's pages: quarters (the first page), runs with filters, one run, rerun with a preview, send
 * again, the schedule and the inputs. Server-rendered; a running run's page refreshes itself.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleController {

    static final int PAGE_SIZE = 25;

    /** Times as the console shows them: in the schedule's zone. */
    record Times(ZoneId zone) {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        public String show(OffsetDateTime time) {
            return time == null ? "" : time.atZoneSameInstant(zone).format(FORMAT);
        }

        public String show(Instant time) {
            return time == null ? "" : time.atZone(zone).format(FORMAT);
        }

        public String show(ZonedDateTime time) {
            return time == null ? "" : time.withZoneSameInstant(zone).format(FORMAT);
        }
    }

    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }

    private final RunsView runs;
    private final RunStarter starter;
    private final DryRun dryRun;
    private final Redelivery redelivery;
    private final ScheduleProperties schedule;
    private final InputsView inputs;

    ConsoleController(RunsView runs, RunStarter starter, DryRun dryRun, Redelivery redelivery,
                      ScheduleProperties schedule, InputsView inputs) {
        this.runs = runs;
        this.starter = starter;
        this.dryRun = dryRun;
        this.redelivery = redelivery;
        this.schedule = schedule;
        this.inputs = inputs;
    }

    @ModelAttribute("times")
    Times times() {
        return new Times(schedule.timeZone());
    }

    @ModelAttribute("user")
    String user(Authentication authentication) {
        return authentication == null ? "" : authentication.getName();
    }

    /** Whether the page offers run and deliver (the viewer only looks; the server refuses it anyway). */
    @ModelAttribute("operator")
    boolean operator(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + SecurityConfiguration.OPERATOR));
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String quarters(Model model) {
        model.addAttribute("quarters", runs.quarters());
        return "quarters";
    }

    @GetMapping("/runs")
    String runs(@RequestParam(required = false) String period, @RequestParam(required = false) String status,
                @RequestParam(required = false) String trigger, @RequestParam(defaultValue = "1") int page,
                Model model) {
        String quarter = null;
        if (period != null && !period.isBlank()) {
            try {
                quarter = Quarter.parse(period).toString();
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
                quarter = "-";
            }
        }
        List<RunsView.Run> all = runs.runs(quarter, status, trigger);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("runs", all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE)));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", all.size());
        model.addAttribute("period", period == null ? "" : period);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("trigger", trigger == null ? "" : trigger);
        model.addAttribute("statuses", List.of("STARTING", "STARTED", "COMPLETED", "FAILED", "STOPPED", "ABANDONED"));
        return "runs";
    }

    @GetMapping("/runs/{id}")
    String run(@PathVariable long id, Model model, HttpServletResponse response) {
        RunsView.RunDetail detail = runs.detail(id).orElseThrow(() -> new NotFoundException("There is no run " + id + "."));
        if (detail.run().running()) {
            // the page reloads itself until the run ends: no JavaScript needed
            response.setHeader("Refresh", "2");
        }
        model.addAttribute("detail", detail);
        model.addAttribute("run", detail.run());
        return "run";
    }

    @GetMapping("/runs/{id}/reports/{file}")
    ResponseEntity<FileSystemResource> report(@PathVariable long id, @PathVariable String file) {
        try {
            return ApiController.download(runs, id, file);
        } catch (ApiController.NotFoundException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** Sends the period's latest completed briefing to the recipients that have not received it. */
    @PostMapping("/runs/{id}/deliver")
    String deliver(@PathVariable long id, RedirectAttributes redirect) {
        RunsView.Run run = runs.run(id).orElseThrow(() -> new NotFoundException("There is no run " + id + "."));
        try {
            DeliveryResult result = redelivery.deliver(Quarter.parse(run.period()));
            redirect.addFlashAttribute("message", run.period() + ": " + result.summary());
        } catch (Redelivery.NothingToDeliverException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", run.period() + ": delivery failed: "
                    + org.dprktrade.briefing.job.BriefingRunner.oneLine(e));
        }
        return "redirect:/runs/" + id;
    }

    @GetMapping("/rerun")
    String rerunForm(@RequestParam(required = false) String period, Model model) {
        model.addAttribute("period", period == null ? "" : period);
        model.addAttribute("from", "");
        model.addAttribute("to", "");
        return "rerun";
    }

    /** The dry run of each quarter asked for, then a confirm button. */
    @PostMapping("/rerun/preview")
    String preview(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, Model model) {
        model.addAttribute("period", blankToEmpty(period));
        model.addAttribute("from", blankToEmpty(from));
        model.addAttribute("to", blankToEmpty(to));
        List<Quarter> quarters;
        try {
            quarters = quarters(period, from, to);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return "rerun";
        }
        List<DryRun.Plan> plans = new ArrayList<>();
        for (Quarter quarter : quarters) {
            plans.add(dryRun.plan(quarter));
        }
        model.addAttribute("plans", plans);
        model.addAttribute("busy", plans.stream().anyMatch(DryRun.Plan::periodRunningNow));
        return "preview";
    }

    @PostMapping("/rerun")
    String rerun(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model, RedirectAttributes redirect) {
        try {
            List<Quarter> quarters = quarters(period, from, to);
            if (quarters.size() == 1) {
                long id = starter.start(quarters.get(0));
                return "redirect:/runs/" + id;
            }
            starter.startRange(quarters);
            redirect.addFlashAttribute("message", "Running " + quarters.get(0) + " to " + quarters.get(quarters.size() - 1)
                    + ", one quarter after another; a failed quarter stops the range.");
            return "redirect:/runs";
        } catch (IllegalArgumentException | RunStarter.PeriodBusyException | RunStarter.NotStartedException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("period", blankToEmpty(period));
            model.addAttribute("from", blankToEmpty(from));
            model.addAttribute("to", blankToEmpty(to));
            return "rerun";
        }
    }

    private List<Quarter> quarters(String period, String from, String to) {
        boolean single = period != null && !period.isBlank();
        boolean range = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (single == range) {
            throw new IllegalArgumentException("give either a quarter, or a range from one quarter to another");
        }
        if (single) {
            return List.of(starter.parsePeriod(period));
        }
        Quarter first = starter.parsePeriod(from);
        Quarter last = starter.parsePeriod(to);
        if (last.compareTo(first) < 0) {
            throw new IllegalArgumentException("the range ends (" + last + ") before it starts (" + first + ")");
        }
        return new QuarterRange(first, last).quarters();
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    @GetMapping("/schedule")
    String schedule(Model model) throws ParseException {
        CronExpression cron = new CronExpression(schedule.cron());
        cron.setTimeZone(TimeZone.getTimeZone(schedule.timeZone()));
        List<Instant> next = new ArrayList<>();
        Date after = new Date();
        for (int i = 0; i < 3; i++) {
            Date fire = cron.getNextValidTimeAfter(after);
            if (fire == null) {
                break;
            }
            next.add(fire.toInstant());
            after = fire;
        }
        model.addAttribute("cron", schedule.cron());
        model.addAttribute("zone", schedule.timeZone());
        model.addAttribute("next", next);
        model.addAttribute("latest", starter.parsePeriod("latest"));
        List<RunsView.Run> scheduled = runs.runs(null, null, "schedule");
        model.addAttribute("fires", scheduled.subList(0, Math.min(10, scheduled.size())));
        return "schedule";
    }

    @GetMapping("/inputs")
    String inputs(Model model) {
        model.addAttribute("inputs", inputs.inputs());
        return "inputs";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("times", times());
        model.addAttribute("status", 404);
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}
