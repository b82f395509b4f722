package org.dprktrade.briefing.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dprktrade.briefing.period.Quarter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Delivers a quarter's briefing to the configured readers and records each one's outcome in
 * {@code BRIEFING_DELIVERY}. Delivery is keyed by the execution that wrote the reports: calling
 * {@link #deliver} again for the same execution (as {@code deliver --period P} does after a failure)
 * only reaches recipients who do not have the briefing yet, and never recomputes anything.
 * <p>
 * Never throws for a delivery problem: failures are returned and recorded, so a run can keep its
 * reports and report exit code 4. Blocks while SMTP retries back off. Thread-safe, but two
 * deliveries of one execution at once would both send: the caller serialises per period.
 */
public class BriefingDelivery {

    static final String NO_MAIL_HOST = "briefing.delivery.mode is smtp but spring.mail.host is not set";

    private static final Logger log = LoggerFactory.getLogger(BriefingDelivery.class);

    private final DeliveryProperties properties;

    private final DeliveryRecords records;

    private final ObjectProvider<JavaMailSender> mailSender;

    private final Clock clock;

    private final Outbox outbox;

    private final BriefingMessages messages;

    public BriefingDelivery(DeliveryProperties properties, Path outboxDir, DeliveryRecords records,
                            ObjectProvider<JavaMailSender> mailSender, Clock clock) {
        this.properties = properties;
        this.records = records;
        this.mailSender = mailSender;
        this.clock = clock;
        this.outbox = new Outbox(outboxDir, clock);
        this.messages = new BriefingMessages(properties.from(), properties.attachWorkbook());
    }

    /**
     * Sends the briefing to every configured recipient that has not received this execution's
     * briefing yet and records the outcome of each.
     */
    public DeliveryResult deliver(DeliveryRequest request) {
        Quarter period = request.period();
        long executionId = request.executionId();
        List<DeliveryRecord> earlier = records.forExecution(executionId);
        // A retry keeps the revision the execution was first delivered as; a new execution follows the last one readers got.
        int revisionNumber = earlier.isEmpty()
                ? records.previousDelivery(period).map(p -> p.revision() + 1).orElse(1)
                : earlier.get(0).revision();
        Revision revision = revisionNumber == 1 ? null : records.latestSentBelow(period, revisionNumber)
                .map(p -> new Revision(revisionNumber, p.firstSentOn())).orElse(null);

        List<String> configured = List.copyOf(new LinkedHashSet<>(properties.recipients()));
        if (configured.isEmpty()) {
            return result(request, DeliveryOutcome.SKIPPED, revisionNumber, List.of(), null,
                    "no recipients configured (briefing.delivery.recipients)");
        }
        Set<String> served = earlier.stream().filter(r -> r.status() == DeliveryStatus.SENT)
                .map(DeliveryRecord::recipient).collect(Collectors.toSet());
        Map<String, Integer> attemptsSoFar = new HashMap<>();
        earlier.forEach(r -> attemptsSoFar.put(r.recipient(), r.attempts()));
        List<String> pending = configured.stream().filter(r -> !served.contains(r)).toList();
        if (pending.isEmpty()) {
            log.info("Every recipient already has the briefing of {} (execution {})", period, executionId);
            return outcome(request, configured, revisionNumber, List.of(), null, null);
        }

        if (properties.mode() == DeliveryProperties.Mode.NONE) {
            pending.forEach(r -> records.record(executionId, period, r, DeliveryStatus.SKIPPED,
                    attemptsSoFar.getOrDefault(r, 0), null, null, revisionNumber));
            return result(request, DeliveryOutcome.SKIPPED, revisionNumber, List.of(), null,
                    "briefing.delivery.mode is none");
        }
        String unusable = missingFiles(request);
        if (unusable == null && properties.mode() == DeliveryProperties.Mode.SMTP && mailSender.getIfAvailable() == null) {
            unusable = NO_MAIL_HOST;
        }
        if (unusable != null) {
            log.warn("Cannot deliver the briefing of {}: {}", period, unusable);
            for (String r : pending) {
                records.record(executionId, period, r, DeliveryStatus.FAILED, attemptsSoFar.getOrDefault(r, 0),
                        unusable, null, revisionNumber);
            }
            return outcome(request, configured, revisionNumber, List.of(), null, unusable);
        }

        List<SmtpSender.Outcome> outcomes;
        Path written = null;
        if (properties.mode() == DeliveryProperties.Mode.OUTBOX) {
            OutboxWrite write = toOutbox(request, revisionNumber, revision, pending);
            outcomes = write.outcomes();
            written = write.file();
        }
        else {
            outcomes = bySmtp(request, revisionNumber, revision, pending);
        }
        List<String> sentNow = new ArrayList<>();
        for (SmtpSender.Outcome o : outcomes) {
            records.record(executionId, period, o.recipient(), o.status(),
                    attemptsSoFar.getOrDefault(o.recipient(), 0) + o.attempts(), o.error(), o.messageId(), revisionNumber);
            if (o.status() == DeliveryStatus.SENT) {
                sentNow.add(o.recipient());
            }
        }
        return outcome(request, configured, revisionNumber, sentNow, written, null);
    }

    /**
     * Tells the operators that the run for the period failed, with the failure's message. Readers
     * are never written to. Never throws: a failing notice is logged and returned as FAILED, so it
     * cannot hide the failure it reports.
     */
    public DeliveryOutcome notifyOperators(Quarter period, String failureMessage) {
        return notifyOperators(period, failureMessage, List.of());
    }

    /**
     * As {@link #notifyOperators(Quarter, String)}, listing the problems behind the failure below it.
     *
     * @param problems one line each, as the terminal shows them
     */
    public DeliveryOutcome notifyOperators(Quarter period, String failureMessage, List<String> problems) {
        List<String> operators = List.copyOf(new LinkedHashSet<>(properties.operators()));
        if (operators.isEmpty() || properties.mode() == DeliveryProperties.Mode.NONE) {
            return DeliveryOutcome.SKIPPED;
        }
        try {
            if (properties.mode() == DeliveryProperties.Mode.OUTBOX) {
                Path file = outbox.write(period, "-run-failed",
                        messages.failureNotice(period, failureMessage, problems, operators, clock.instant()));
                log.info("Wrote the failure notice for {} to {}", period, file);
                return DeliveryOutcome.DELIVERED;
            }
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                log.warn("Cannot notify the operators of the failed run for {}: {}", period, NO_MAIL_HOST);
                return DeliveryOutcome.FAILED;
            }
            List<SmtpSender.Addressed> notices = new ArrayList<>();
            for (String operator : operators) {
                notices.add(new SmtpSender.Addressed(operator,
                        messages.failureNotice(period, failureMessage, problems, List.of(operator), clock.instant())));
            }
            boolean allSent = new SmtpSender(sender, properties).send(notices).stream()
                    .allMatch(o -> o.status() == DeliveryStatus.SENT);
            return allSent ? DeliveryOutcome.DELIVERED : DeliveryOutcome.FAILED;
        }
        catch (Exception ex) {
            log.warn("Cannot notify the operators of the failed run for {}: {}", period, SmtpFailure.of(ex).description());
            return DeliveryOutcome.FAILED;
        }
    }

    /**
     * The revision a briefing of the period written now would be: empty when readers never received
     * one, otherwise the next number and the day the briefing it replaces was first sent.
     */
    public Optional<Revision> revisionFor(Quarter period) {
        return records.previousDelivery(period).map(PreviousDelivery::nextRevision);
    }

    /** The folder outbox mode writes to. */
    public Path outboxDir() {
        return outbox.dir();
    }

    private record OutboxWrite(List<SmtpSender.Outcome> outcomes, Path file) {
    }

    /** One file addressed to every pending recipient; each is recorded as SENT once the file is in place. */
    private OutboxWrite toOutbox(DeliveryRequest request, int revisionNumber, Revision revision, List<String> pending) {
        try {
            MimeMessage message = messages.briefing(request, revisionNumber, revision, pending, clock.instant());
            Path file = outbox.write(request.period(), "", message);
            log.info("Wrote the briefing of {} for {} recipient(s) to {}", request.period(), pending.size(), file);
            String id = message.getMessageID();
            return new OutboxWrite(pending.stream()
                    .map(r -> new SmtpSender.Outcome(r, DeliveryStatus.SENT, 1, null, id)).toList(), file);
        }
        catch (Exception ex) {
            String why = "could not write to the outbox " + outbox.dir() + ": " + SmtpFailure.of(ex).description();
            log.warn("{}", why);
            return new OutboxWrite(pending.stream()
                    .map(r -> new SmtpSender.Outcome(r, DeliveryStatus.FAILED, 1, why, null)).toList(), null);
        }
    }

    /** One message per recipient, so that one refused address never holds back the others. */
    private List<SmtpSender.Outcome> bySmtp(DeliveryRequest request, int revisionNumber, Revision revision,
                                            List<String> pending) {
        List<SmtpSender.Addressed> addressed = new ArrayList<>();
        try {
            for (String recipient : pending) {
                addressed.add(new SmtpSender.Addressed(recipient,
                        messages.briefing(request, revisionNumber, revision, List.of(recipient), clock.instant())));
            }
        }
        catch (Exception ex) {
            String why = "could not compose the message: " + SmtpFailure.of(ex).description();
            return pending.stream().map(r -> new SmtpSender.Outcome(r, DeliveryStatus.FAILED, 0, why, null)).toList();
        }
        return new SmtpSender(mailSender.getObject(), properties).send(addressed);
    }

    private String missingFiles(DeliveryRequest request) {
        if (!Files.isRegularFile(request.pdf())) {
            return "the briefing " + request.pdf() + " does not exist: run the period again";
        }
        if (properties.attachWorkbook() && request.workbook() != null && !Files.isRegularFile(request.workbook())) {
            return "the workbook " + request.workbook() + " does not exist: run the period again";
        }
        return null;
    }

    /** The overall result over the configured recipients, from what is now recorded for the execution. */
    private DeliveryResult outcome(DeliveryRequest request, List<String> configured, int revisionNumber,
                                   List<String> sentNow, Path written, String problem) {
        List<DeliveryRecord> now = records.forExecution(request.executionId());
        Map<String, DeliveryRecord> byRecipient = new HashMap<>();
        now.forEach(r -> byRecipient.put(r.recipient(), r));
        List<String> failures = new ArrayList<>();
        for (String recipient : configured) {
            DeliveryRecord r = byRecipient.get(recipient);
            if (r == null || r.status() != DeliveryStatus.SENT) {
                failures.add(recipient + " (" + (r == null ? "not attempted" : r.lastError()) + ")");
            }
        }
        if (failures.isEmpty()) {
            return new DeliveryResult(request.period(), request.executionId(), DeliveryOutcome.DELIVERED,
                    revisionNumber, now, sentNow, written, null);
        }
        String why = problem != null ? problem
                : "not delivered to " + failures.size() + " of " + configured.size() + " recipient(s): "
                        + String.join(", ", failures);
        return new DeliveryResult(request.period(), request.executionId(), DeliveryOutcome.FAILED, revisionNumber,
                now, sentNow, written, DeliveryRecords.oneLine(why));
    }

    private DeliveryResult result(DeliveryRequest request, DeliveryOutcome outcome, int revisionNumber,
                                  List<String> sentNow, Path written, String problem) {
        return new DeliveryResult(request.period(), request.executionId(), outcome, revisionNumber,
                records.forExecution(request.executionId()), sentNow, written, problem);
    }
}
