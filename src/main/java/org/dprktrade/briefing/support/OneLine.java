package org.dprktrade.briefing.support;

/** Text a user reads on a terminal, in a CSV cell or a mail: on one line, whatever the source gave. */
public final class OneLine {

    private OneLine() {
    }

    /** Line breaks and the blanks around them become one space; {@code null} stays {@code null}. */
    public static String of(String text) {
        return text == null ? null : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** As {@link #of(String)}, cut to {@code max} characters with an ellipsis where longer. */
    public static String of(String text, int max) {
        String line = of(text);
        return line == null || line.length() <= max ? line : line.substring(0, max - 1) + "\u2026";
    }
}
