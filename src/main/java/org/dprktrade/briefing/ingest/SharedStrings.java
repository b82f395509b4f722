package org.dprktrade.briefing.ingest;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * A workbook's shared strings table, read once and then looked up by index, in memory that does not
 * grow with the table: a line-level extract saved by Excel keeps every distinct text (a customs line
 * number, a note per row) in this table, so it grows with the rows.
 *
 * <p>Tables up to {@link #IN_MEMORY_CHARS} characters stay in memory as strings. A larger table is
 * written to two temporary files (the UTF-8 text one after the other, and the end offset of each
 * string) and read back through a small cache of 64 KiB pages; since spreadsheet programs add
 * strings in the order the rows first use them, a sheet read top to bottom mostly reads the pages in
 * order too. Items are stored decoded. The files are readable by their owner only and deleted on {@link #close()}.
 *
 * <p>Text follows POI's {@code ReadOnlySharedStringsTable} without phonetic runs: the {@code <t>}
 * runs of an item joined, {@code <rPh>} runs left out, {@code _xHHHH_} escapes decoded. Not thread-safe.
 */
final class SharedStrings implements AutoCloseable {

    /** Characters kept in memory before the table moves to temporary files (about 4 MiB of heap). */
    static final int IN_MEMORY_CHARS = 2 * 1024 * 1024;

    private static final int CACHE_SLOTS = 4096;

    private final List<String> inMemory;
    private final PagedFile text;
    private final PagedFile ends;
    private final int count;
    private final String[] cache = new String[CACHE_SLOTS];
    private final int[] cachedIndex = new int[CACHE_SLOTS];

    private SharedStrings(List<String> inMemory, PagedFile text, PagedFile ends, int count) {
        this.inMemory = inMemory;
        this.text = text;
        this.ends = ends;
        this.count = count;
        java.util.Arrays.fill(cachedIndex, -1);
    }

    /** An empty table, for a workbook without one. */
    static SharedStrings empty() {
        return new SharedStrings(List.of(), null, null, 0);
    }

    /** Reads the table from its XML part; the stream is not closed. */
    static SharedStrings read(InputStream xmlPart, String partName) throws XMLStreamException, IOException {
        Builder builder = new Builder();
        try {
            XMLStreamReader xml = SafeXml.open(xmlPart, partName);
            try {
                parse(xml, builder);
            } finally {
                xml.close();
            }
            return builder.build();
        } catch (XMLStreamException | IOException | RuntimeException e) {
            builder.discard();
            throw e;
        }
    }

    private static void parse(XMLStreamReader xml, Builder builder) throws XMLStreamException, IOException {
        StringBuilder item = new StringBuilder();
        boolean inItem = false;
        boolean inText = false;
        int phonetic = 0;
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            inItem = true;
                            item.setLength(0);
                        }
                        case "t" -> inText = true;
                        case "rPh" -> phonetic++;
                        default -> { }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            inItem = false;
                            builder.add(item);
                        }
                        case "t" -> inText = false;
                        case "rPh" -> phonetic--;
                        default -> { }
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (inItem && inText && phonetic == 0) {
                        item.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                default -> { }
            }
        }
    }

    int size() {
        return count;
    }

    /** Whether the table was moved to temporary files. */
    boolean isOnDisk() {
        return text != null;
    }

    /** The text of item {@code index}. */
    String get(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalStateException("shared string " + index + " does not exist (the table has " + count + ")");
        }
        if (inMemory != null) {
            return inMemory.get(index);
        }
        int slot = index & (CACHE_SLOTS - 1);
        if (cachedIndex[slot] == index) {
            return cache[slot];
        }
        String s = load(index);
        cache[slot] = s;
        cachedIndex[slot] = index;
        return s;
    }

    private String load(int index) {
        long start = index == 0 ? 0 : ends.readLong((index - 1) * 8L);
        long end = ends.readLong(index * 8L);
        byte[] bytes = new byte[Math.toIntExact(end - start)];
        text.read(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String decode(String raw) {
        // the same escapes POI decodes (e.g. _x000D_ for a carriage return); rare, so POI does it
        return raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw;
    }

    @Override
    public void close() {
        if (text != null) {
            text.close();
            ends.close();
        }
    }

    /** Collects items in memory, moving them all to temporary files once there are too many characters. */
    private static final class Builder {
        private List<String> strings = new ArrayList<>();
        private long chars;
        private Path textFile;
        private Path endsFile;
        private DataOutputStream textOut;
        private DataOutputStream endsOut;
        private long written;
        private int count;

        void add(CharSequence item) throws IOException {
            count++;
            if (textOut == null) {
                String s = decode(item.toString());
                strings.add(s);
                chars += s.length();
                if (chars > IN_MEMORY_CHARS) {
                    spill();
                }
            } else {
                write(decode(item.toString()));
            }
        }

        private void spill() throws IOException {
            textFile = Files.createTempFile("briefing-strings-", ".bin");
            endsFile = Files.createTempFile("briefing-strings-", ".idx");
            textOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(textFile), 1 << 16));
            endsOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(endsFile), 1 << 16));
            List<String> kept = strings;
            strings = null;
            for (String s : kept) {
                write(s);
            }
        }

        private void write(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            textOut.write(bytes);
            written += bytes.length;
            endsOut.writeLong(written);
        }

        SharedStrings build() throws IOException {
            if (textOut == null) {
                return new SharedStrings(List.copyOf(strings), null, null, count);
            }
            textOut.close();
            endsOut.close();
            PagedFile text = PagedFile.open(textFile);
            try {
                return new SharedStrings(null, text, PagedFile.open(endsFile), count);
            } catch (IOException | RuntimeException e) {
                text.close();
                throw e;
            }
        }

        void discard() {
            for (java.io.Closeable c : new java.io.Closeable[] {textOut, endsOut}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (IOException e) {
                    // deleting follows; nothing to keep
                }
            }
            deleteQuietly(textFile);
            deleteQuietly(endsFile);
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is not worth failing a run for
        }
    }

    /** A read-only file seen through a small least-recently-used cache of fixed-size pages. */
    private static final class PagedFile {
        private static final int PAGE = 1 << 16;
        private static final int PAGES = 32;

        private final Path path;
        private final FileChannel channel;
        private final long size;
        private final Map<Long, byte[]> pages = new LinkedHashMap<>(PAGES * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                if (size() > PAGES) {
                    spare = eldest.getValue();
                    return true;
                }
                return false;
            }
        };
        private byte[] spare;
        private long lastPage = -1;
        private byte[] last;

        private PagedFile(Path path, FileChannel channel) throws IOException {
            this.path = path;
            this.channel = channel;
            this.size = channel.size();
        }

        static PagedFile open(Path path) throws IOException {
            return new PagedFile(path, FileChannel.open(path, StandardOpenOption.READ));
        }

        long readLong(long position) {
            byte[] b = new byte[8];
            read(position, b);
            return ((long) (b[0] & 0xFF) << 56) | ((long) (b[1] & 0xFF) << 48) | ((long) (b[2] & 0xFF) << 40)
                    | ((long) (b[3] & 0xFF) << 32) | ((long) (b[4] & 0xFF) << 24) | ((b[5] & 0xFF) << 16)
                    | ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
        }

        void read(long position, byte[] into) {
            int done = 0;
            while (done < into.length) {
                long at = position + done;
                byte[] page = page(at / PAGE);
                int offset = (int) (at % PAGE);
                int n = Math.min(into.length - done, PAGE - offset);
                System.arraycopy(page, offset, into, done, n);
                done += n;
            }
        }

        private byte[] page(long number) {
            if (number == lastPage) {
                return last;
            }
            byte[] page = pages.get(number);
            if (page == null) {
                page = spare != null ? spare : new byte[PAGE];
                spare = null;
                load(number, page);
                pages.put(number, page);
            }
            lastPage = number;
            last = page;
            return page;
        }

        private void load(long number, byte[] page) {
            ByteBuffer buffer = ByteBuffer.wrap(page, 0, (int) Math.min(PAGE, size - number * PAGE));
            try {
                long at = number * PAGE;
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, at + buffer.position());
                    if (n < 0) {
                        throw new IOException("unexpected end of " + path);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the temporary shared strings file: " + e.getMessage(), e);
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
            deleteQuietly(path);
        }
    }
}
