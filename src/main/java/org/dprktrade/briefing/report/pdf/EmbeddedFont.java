package org.dprktrade.briefing.report.pdf;

import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;

/**
 * The fonts of the briefing, bundled on the classpath so the PDF never depends on fonts installed on
 * the machine. The main face, WenQuanYi Micro Hei (Apache License 2.0, see
 * {@code fonts/LICENSE-wqy-microhei.txt}), covers Latin, Hangul and the unified CJK ideographs of the
 * basic plane, so Korean and Chinese category names from the inputs show as text. Two fallbacks take
 * the characters it lacks, in this order: a subset of Hanazono Mincho B with the supplementary-plane
 * (CJK Extension B) ideographs of HKSCS and JIS X 0213 plus U+20BB7 𠮷 (see
 * {@code fonts/LICENSE-hanazono.txt}), and Symbola for emoji and symbols (see
 * {@code fonts/LICENSE-symbola.txt}). {@link #phrase} picks, for each character, the first face that
 * has it; a character none has is shown as U+FFFD rather than dropped, as OpenPDF would do. All faces
 * are embedded as subsets with Identity-H encoding and a ToUnicode map, so the text can be searched
 * and extracted.
 *
 * <p>Loaded once per JVM (about 9 MB) and shared: a {@link BaseFont} is read-only after creation, and
 * OpenPDF keeps the glyphs used per document, not in the font.
 */
final class EmbeddedFont {

    static final String RESOURCE = "/fonts/wqy-microhei.ttc";
    static final String EXTENSION_B_RESOURCE = "/fonts/hanazono-extb-subset.ttf";
    static final String SYMBOLS_RESOURCE = "/fonts/symbola.ttf";
    /** Shown for a character no bundled face has; Symbola has it. */
    static final int REPLACEMENT = 0xFFFD;

    private final BaseFont pdf;
    private final java.awt.Font awt;
    /** The main face first, then the fallbacks in the order they are tried. */
    private final List<BaseFont> faces;

    private EmbeddedFont(byte[] main, byte[] extensionB, byte[] symbols)
            throws IOException, DocumentException, FontFormatException {
        // ",0" selects the first face of the collection (Micro Hei; the second is its monospaced twin).
        this.pdf = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                BaseFont.NOT_CACHED, main, null);
        this.awt = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(main));
        this.faces = List.of(pdf,
                BaseFont.createFont("hanazono-extb-subset.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        BaseFont.NOT_CACHED, extensionB, null),
                BaseFont.createFont("symbola.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        BaseFont.NOT_CACHED, symbols, null));
    }

    static EmbeddedFont get() {
        return Holder.INSTANCE;
    }

    BaseFont pdf() {
        return pdf;
    }

    /**
     * The text as a phrase in the given style (size, weight, colour), each run of characters set in the
     * first bundled face that has them; characters none has become U+FFFD. Every string that comes from
     * the inputs must go through here: OpenPDF silently drops characters its font lacks.
     */
    Phrase phrase(String text, Font style) {
        // Built with the style so that it carries the style's leading, which paragraphs copy.
        Phrase phrase = new Phrase("", style);
        StringBuilder run = new StringBuilder();
        BaseFont runFace = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            BaseFont face = faceFor(cp);
            if (face == null) {
                cp = REPLACEMENT;
                face = faceFor(cp);
            }
            if (face != runFace && run.length() > 0) {
                phrase.add(new Chunk(run.toString(), in(runFace, style)));
                run.setLength(0);
            }
            runFace = face;
            run.appendCodePoint(cp);
        }
        if (run.length() > 0) {
            phrase.add(new Chunk(run.toString(), in(runFace, style)));
        }
        return phrase;
    }

    /** Whether some bundled face has a glyph for the character. */
    boolean canShow(int codePoint) {
        return faceFor(codePoint) != null;
    }

    /** The first face with the character; line breaks and other controls go to the main face, which lays them out. */
    private BaseFont faceFor(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return pdf;
        }
        for (BaseFont face : faces) {
            if (face.charExists(codePoint)) {
                return face;
            }
        }
        return null;
    }

    private static Font in(BaseFont face, Font style) {
        return face == style.getBaseFont() ? style : new Font(face, style.getSize(), style.getStyle(), style.getColor());
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
            try {
                return new EmbeddedFont(read(RESOURCE), read(EXTENSION_B_RESOURCE), read(SYMBOLS_RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled fonts", e);
            } catch (DocumentException | FontFormatException e) {
                throw new IllegalStateException("a bundled font resource is not a usable TrueType font", e);
            }
        }

        private static byte[] read(String resource) throws IOException {
            try (InputStream in = EmbeddedFont.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font resource " + resource + " is missing from the classpath");
                }
                return in.readAllBytes();
            }
        }
    }
}
