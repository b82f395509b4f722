package org.dprktrade.briefing.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dprktrade.briefing.period.Quarter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP API under {@code /api} (JSON): runs, quarters, starting a run, downloading a run's reports. */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiController {

    /** The body of {@code POST /api/runs}: {@code {"period":"2014-Q3"}} or {@code {"period":"latest"}}. */
    record RunRequest(String period) {
    }

    /** Every error of the API: the HTTP status and one line. */
    record ApiError(int status, String error) {
    }

    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }

    private final RunsView runs;
    private final RunStarter starter;

    ApiController(RunsView runs, RunStarter starter) {
        this.runs = runs;
        this.starter = starter;
    }

    @GetMapping("/runs")
    List<RunsView.Run> runs(@RequestParam(required = false) String period,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String trigger) {
        return runs.runs(period == null || period.isBlank() ? null : Quarter.parse(period).toString(), status, trigger);
    }

    @GetMapping("/runs/{id}")
    Map<String, Object> run(@PathVariable long id) {
        RunsView.RunDetail detail = runs.detail(id).orElseThrow(() -> new NotFoundException("no run " + id));
        Map<String, Object> json = new LinkedHashMap<>();
        RunsView.Run run = detail.run();
        json.put("id", run.id());
        json.put("period", run.period());
        json.put("status", run.status());
        json.put("trigger", run.trigger());
        json.put("start", run.start());
        json.put("end", run.end());
        json.put("delivery", run.delivery());
        json.put("provisional", run.provisional());
        json.put("exitCode", run.exitCode());
        json.put("exitMessage", run.exitMessage());
        json.put("revision", detail.revision());
        json.put("steps", detail.steps());
        json.put("problems", detail.problems());
        json.put("reports", detail.reports());
        json.put("recipients", detail.recipients().stream().map(r -> {
            Map<String, Object> recipient = new LinkedHashMap<>();
            recipient.put("recipient", r.recipient());
            recipient.put("status", r.status().name());
            recipient.put("attempts", r.attempts());
            recipient.put("error", r.lastError());
            recipient.put("revision", r.revision());
            recipient.put("updated", r.updatedAt());
            return recipient;
        }).toList());
        return json;
    }

    @PostMapping("/runs")
    ResponseEntity<RunsView.Run> start(@RequestBody(required = false) RunRequest request) {
        if (request == null || request.period() == null || request.period().isBlank()) {
            throw new IllegalArgumentException("the body must name a period: {\"period\":\"2014-Q3\"} or "
                    + "{\"period\":\"latest\"}");
        }
        Quarter period = starter.parsePeriod(request.period());
        long id = starter.start(period);
        RunsView.Run run = runs.run(id).orElseThrow(() -> new NotFoundException("no run " + id));
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + id)).body(run);
    }

    @GetMapping("/quarters")
    List<Map<String, Object>> quarters() {
        return runs.quarters().stream().map(q -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("period", q.period());
            json.put("runId", q.latest().id());
            json.put("status", q.latest().status());
            json.put("provisional", q.latest().provisional());
            json.put("revision", q.revision());
            json.put("delivery", q.latest().delivery());
            json.put("runs", q.runs());
            return json;
        }).toList();
    }

    /** One of the files the run's manifest records; the request only picks among them by name. */
    @GetMapping("/runs/{id}/reports/{file}")
    ResponseEntity<FileSystemResource> report(@PathVariable long id, @PathVariable String file) {
        return download(runs, id, file);
    }

    static ResponseEntity<FileSystemResource> download(RunsView runs, long id, String file) {
        Path report = runs.reportsOf(id).stream().filter(p -> p.getFileName().toString().equals(file)).findFirst()
                .orElseThrow(() -> new NotFoundException("run " + id + " has no report named '" + file + "'"));
        MediaType type = MediaTypeFactory.getMediaType(report.getFileName().toString())
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.getFileName().toString()).build().toString())
                .body(new FileSystemResource(report));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(RunStarter.PeriodBusyException.class)
    ResponseEntity<ApiError> busy(RunStarter.PeriodBusyException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(RunStarter.NotStartedException.class)
    ResponseEntity<ApiError> notStarted(RunStarter.NotStartedException e) {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(status.value(), message));
    }
}
