package org.dprktrade.briefing.report.pdf;

import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;

/**
 * The one font of the briefing, WenQuanYi Micro Hei (Apache License 2.0, see
 * {@code fonts/LICENSE-wqy-microhei.txt}), bundled on the classpath so the PDF never depends on fonts
 * installed on the machine. It covers Latin, Hangul and the unified CJK ideographs in one TrueType
 * face, so Korean and Chinese category names from the inputs show as text. It is embedded as a subset
 * with Identity-H encoding and a ToUnicode map, so the text can be searched and extracted.
 *
 * <p>Loaded once per JVM (about 5 MB) and shared: a {@link BaseFont} is read-only after creation,
 * and OpenPDF keeps the glyphs used per document, not in the font.
 */
final class EmbeddedFont {

    static final String RESOURCE = "/fonts/wqy-microhei.ttc";

    private final BaseFont pdf;
    private final java.awt.Font awt;

    private EmbeddedFont(byte[] bytes) throws IOException, DocumentException, FontFormatException {
        // ",0" selects the first face of the collection (Micro Hei; the second is its monospaced twin).
        this.pdf = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                BaseFont.NOT_CACHED, bytes, null);
        this.awt = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
    }

    static EmbeddedFont get() {
        return Holder.INSTANCE;
    }

    BaseFont pdf() {
        return pdf;
    }

    /** The same face for AWT, so chart text is measured with the metrics it is drawn with. */
    java.awt.Font awt() {
        return awt;
    }

    /** Maps every AWT font a chart asks for to the embedded face; bold and italic are simulated. */
    FontMapper mapper() {
        return new FontMapper() {
            @Override
            public BaseFont awtToPdf(java.awt.Font font) {
                return pdf;
            }

            @Override
            public java.awt.Font pdfToAwt(BaseFont font, int size) {
                return awt.deriveFont((float) size);
            }
        };
    }

    private static final class Holder {
        static final EmbeddedFont INSTANCE = load();

        private static EmbeddedFont load() {
            try (InputStream in = EmbeddedFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("font resource " + RESOURCE + " is missing from the classpath");
                }
                return new EmbeddedFont(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font resource " + RESOURCE, e);
            } catch (DocumentException | FontFormatException e) {
                throw new IllegalStateException("font resource " + RESOURCE + " is not a usable TrueType font", e);
            }
        }
    }
}
