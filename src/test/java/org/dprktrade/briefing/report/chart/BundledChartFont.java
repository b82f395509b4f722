package org.dprktrade.briefing.report.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The face the product draws its charts with (the PDF's main font, bundled in the jar), so that chart tests
 * pass on any machine: the JVM's logical {@code SansSerif} shows Korean only where a CJK font happens to be
 * installed. It has neither U+20BB7 nor emoji.
 */
final class BundledChartFont {

    static final Font FONT = load();

    private BundledChartFont() {
    }

    private static Font load() {
        try (InputStream in = BundledChartFont.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(10f);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
