package org.dprktrade.briefing.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.dprktrade.briefing.period.Quarter;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Composes the messages: the briefing for readers (plain text and HTML alternatives, the PDF and
 * optionally the workbook attached) and the failure notice for operators. Everything is UTF-8.
 * Attachments are read from disk each time a message is written or sent, so large workbooks are
 * never held in memory. Thread-safe.
 */
final class BriefingMessages {

    static final String PDF_TYPE = "application/pdf";

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String CHARSET = StandardCharsets.UTF_8.name();

    /** Messages are composed on their own session: no host lookups, no dependence on the SMTP settings. */
    private final Session session = Session.getInstance(new Properties());

    private final String from;

    private final boolean attachWorkbook;

    BriefingMessages(String from, boolean attachWorkbook) {
        this.from = from;
        this.attachWorkbook = attachWorkbook;
    }

    static String title(Quarter period) {
        return "Quarterly briefing " + period + " — DPRK–China trade";
    }

    /** {@code [PROVISIONAL] Quarterly briefing 2014-Q3 — DPRK–China trade (revision 2)}. */
    static String subject(Quarter period, boolean provisional, int revision) {
        return (provisional ? "[PROVISIONAL] " : "") + title(period) + (revision > 1 ? " (revision " + revision + ")" : "");
    }

    static String pdfName(Quarter period) {
        return "briefing-" + period + ".pdf";
    }

    static String workbookName(Quarter period) {
        return "briefing-" + period + ".xlsx";
    }

    /**
     * The briefing for the given readers.
     *
     * @param revisionNumber 1 for the original
     * @param revision       the mark of a replacement, or {@code null}
     */
    MimeMessage briefing(DeliveryRequest request, int revisionNumber, Revision revision, List<String> to,
                         Instant sentAt) throws MessagingException {
        MimeMessage message = newMessage(request.period(), sentAt);
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, CHARSET);
        helper.setFrom(from);
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(subject(request.period(), request.provisional(), revisionNumber));
        boolean withWorkbook = attachWorkbook && request.workbook() != null;
        helper.setText(plainText(request, revision, withWorkbook), html(request, revision, withWorkbook));
        helper.addAttachment(pdfName(request.period()), new FileSystemResource(request.pdf()), PDF_TYPE);
        if (withWorkbook) {
            helper.addAttachment(workbookName(request.period()), new FileSystemResource(request.workbook()), XLSX_TYPE);
        }
        return message;
    }

    /** Problems listed in a failure notice; the rest are counted. */
    static final int MAX_NOTICE_PROBLEMS = 50;

    /**
     * The notice to operators that a run failed; it carries no report. The body starts with the one-line
     * summary the terminal shows and, after a blank line, lists the problems behind it as the terminal does
     * (the first {@value #MAX_NOTICE_PROBLEMS}, then a count of the rest), so the operator knows what to fix.
     *
     * @param problems one line each (file, sheet, row, column, problem, value), possibly none
     */
    MimeMessage failureNotice(Quarter period, String failure, List<String> problems, List<String> to, Instant sentAt)
            throws MessagingException {
        MimeMessage message = newMessage(period, sentAt);
        MimeMessageHelper helper = new MimeMessageHelper(message, false, CHARSET);
        helper.setFrom(from);
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject("[RUN FAILED] " + title(period));
        StringBuilder body = new StringBuilder(failure == null || failure.isBlank() ? "(no message)" : failure.strip())
                .append("\n\n");
        if (!problems.isEmpty()) {
            problems.stream().limit(MAX_NOTICE_PROBLEMS).forEach(p -> body.append("  ").append(p).append('\n'));
            if (problems.size() > MAX_NOTICE_PROBLEMS) {
                body.append("  ... and ").append(problems.size() - MAX_NOTICE_PROBLEMS)
                        .append(" more (run 'validate' to see them all)\n");
            }
            body.append('\n');
        }
        body.append("The briefing run for ").append(period).append(" failed; no briefing was sent to readers.\n");
        helper.setText(body.toString());
        return message;
    }

    private String plainText(DeliveryRequest request, Revision revision, boolean withWorkbook) {
        StringBuilder text = new StringBuilder(title(request.period())).append("\n");
        if (request.provisional()) {
            text.append(provisionalLine(request)).append("\n");
        }
        if (revision != null) {
            text.append(revision.mark()).append(".\n");
        }
        text.append("\nKey developments\n");
        if (request.keyDevelopments().isEmpty()) {
            text.append("No key developments were derived for this quarter.\n");
        }
        for (String sentence : request.keyDevelopments()) {
            text.append("- ").append(sentence).append("\n");
        }
        if (!request.figures().isEmpty()) {
            text.append("\nThe quarter at a glance\n").append(plainTable(request.figures()));
            if (request.provisional()) {
                text.append("Provisional: ").append(String.join("; ", request.provisionalReasons())).append(".\n");
            }
        }
        text.append("\n").append(attachedLine(request.period(), withWorkbook)).append("\n");
        return text.toString();
    }

    /** Columns padded to their widest cell, text left, figures right: readable in any fixed-width font. */
    static String plainTable(List<FigureRow> rows) {
        List<List<String>> lines = new java.util.ArrayList<>();
        lines.add(FigureRow.HEADINGS);
        rows.forEach(r -> lines.add(r.cells()));
        int[] widths = new int[FigureRow.HEADINGS.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).codePointCount(0, line.get(c).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = line.get(c);
                String pad = " ".repeat(widths[c] - cell.codePointCount(0, cell.length()));
                row.append(c == 0 ? "" : "  ").append(c < 2 ? cell + pad : pad + cell);
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Inline styles only, no classes, images or scripts: mail clients drop style sheets and block the rest. */
    private static String htmlTable(List<FigureRow> rows) {
        String cellStyle = "padding:4px 8px;border-bottom:1px solid #dddddd;";
        StringBuilder html = new StringBuilder("<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\" "
                + "style=\"border-collapse:collapse;font-family:Arial,Helvetica,sans-serif;font-size:14px;\">\n<tr>");
        for (int c = 0; c < FigureRow.HEADINGS.size(); c++) {
            html.append("<th style=\"").append(cellStyle).append("background:#f2f2f2;text-align:")
                    .append(c < 2 ? "left" : "right").append(";\">").append(escape(FigureRow.HEADINGS.get(c)))
                    .append("</th>");
        }
        html.append("</tr>\n");
        for (FigureRow row : rows) {
            html.append("<tr>");
            List<String> cells = row.cells();
            for (int c = 0; c < cells.size(); c++) {
                html.append("<td style=\"").append(cellStyle).append("text-align:").append(c < 2 ? "left" : "right")
                        .append(c == 0 ? ";font-weight:bold" : "").append(";\">").append(escape(cells.get(c)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private String html(DeliveryRequest request, Revision revision, boolean withWorkbook) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>")
                .append(escape(title(request.period()))).append("</title></head>\n<body>\n<h1>")
                .append(escape(title(request.period()))).append("</h1>\n");
        if (request.provisional()) {
            html.append("<p><strong>").append(escape(provisionalLine(request))).append("</strong></p>\n");
        }
        if (revision != null) {
            html.append("<p>").append(escape(revision.mark())).append(".</p>\n");
        }
        html.append("<h2>Key developments</h2>\n");
        if (request.keyDevelopments().isEmpty()) {
            html.append("<p>No key developments were derived for this quarter.</p>\n");
        }
        else {
            html.append("<ul>\n");
            for (String sentence : request.keyDevelopments()) {
                html.append("<li>").append(escape(sentence)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        if (!request.figures().isEmpty()) {
            html.append("<h2>The quarter at a glance</h2>\n").append(htmlTable(request.figures()));
            if (request.provisional()) {
                html.append("<p style=\"color:#a94442;\">Provisional: ")
                        .append(escape(String.join("; ", request.provisionalReasons()))).append(".</p>\n");
            }
        }
        html.append("<p>").append(escape(attachedLine(request.period(), withWorkbook))).append("</p>\n</body></html>\n");
        return html.toString();
    }

    private static String provisionalLine(DeliveryRequest request) {
        return "PROVISIONAL: these figures may still change"
                + (request.provisionalReasons().isEmpty() ? "." : " — " + String.join("; ", request.provisionalReasons()) + ".");
    }

    private static String attachedLine(Quarter period, boolean withWorkbook) {
        return "The full briefing is attached as " + pdfName(period)
                + (withWorkbook ? ", the figures as the workbook " + workbookName(period) : "") + ".";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private MimeMessage newMessage(Quarter period, Instant sentAt) throws MessagingException {
        MimeMessage message = new IdentifiedMimeMessage(session, messageId(period));
        message.setSentDate(Date.from(sentAt));
        return message;
    }

    /** {@code <uuid.2014-Q3@domain-of-from>}: unique, and it names the period for whoever reads mail logs. */
    private String messageId(Quarter period) {
        String address;
        try {
            address = new InternetAddress(from).getAddress();
        }
        catch (MessagingException ex) {
            address = "briefing@localhost";
        }
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return "<" + UUID.randomUUID() + "." + period + "@" + domain + ">";
    }

    /**
     * Keeps one Message-ID through every retry and for the outbox file, instead of Jakarta Mail's
     * default of a fresh one on each save built from a host-name lookup.
     */
    private static final class IdentifiedMimeMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
