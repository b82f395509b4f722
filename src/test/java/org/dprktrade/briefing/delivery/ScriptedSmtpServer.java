package org.dprktrade.briefing.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SMTP server on loopback that answers each {@code RCPT TO} as a script says, so that
 * transient (4xx) and permanent (5xx) refusals are real protocol replies and happen exactly when a
 * test wants them. Accepted messages are kept raw. Serves one connection at a time.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");

    private final ServerSocket socket;

    private final BiFunction<String, Integer, String> rcptReply;

    private final Map<String, Integer> rcptCount = new HashMap<>();

    private final List<String> rcptLog = new ArrayList<>();

    private final List<Accepted> accepted = new ArrayList<>();

    private final Thread thread;

    /** A message the server took, with the recipients it accepted for it. */
    record Accepted(List<String> recipients, byte[] data) {
    }

    /**
     * @param rcptReply the reply line to {@code RCPT TO:<address>} for the n-th time (1-based) that
     *                  address is given, e.g. {@code "451 4.7.1 Greylisted"} or {@code "250 OK"}
     */
    ScriptedSmtpServer(BiFunction<String, Integer, String> rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every {@code RCPT TO}, as {@code address -> reply code}, in order. */
    synchronized List<String> rcptLog() {
        return List.copyOf(rcptLog);
    }

    synchronized List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(10_000);
                converse(client);
            }
            catch (SocketException closed) {
                return;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private void converse(Socket client) throws IOException {
        // ISO-8859-1 maps bytes 1:1, so the message data is kept exactly as sent.
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted.test ESMTP");
        List<String> recipients = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out, "250-scripted.test\r\n250 8BITMIME");
                case "HELO", "NOOP" -> reply(out, "250 OK");
                case "MAIL", "RSET" -> {
                    recipients.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    Matcher m = ADDRESS.matcher(line);
                    String address = m.find() ? m.group(1) : "";
                    String answer;
                    synchronized (this) {
                        int n = rcptCount.merge(address, 1, Integer::sum);
                        answer = rcptReply.apply(address, n);
                        rcptLog.add(address + " -> " + answer.substring(0, 3));
                    }
                    if (answer.startsWith("2")) {
                        recipients.add(address);
                    }
                    reply(out, answer);
                }
                case "DATA" -> {
                    if (recipients.isEmpty()) {
                        reply(out, "503 5.5.1 No valid recipients");
                        continue;
                    }
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        data.append(dataLine.startsWith(".") ? dataLine.substring(1) : dataLine).append("\r\n");
                    }
                    synchronized (this) {
                        accepted.add(new Accepted(List.copyOf(recipients), data.toString().getBytes(StandardCharsets.ISO_8859_1)));
                    }
                    recipients.clear();
                    reply(out, "250 2.0.0 Queued");
                }
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
