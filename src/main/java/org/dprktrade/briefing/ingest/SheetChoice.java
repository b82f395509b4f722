package org.dprktrade.briefing.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Sheet choice: the workbook part's sheets (names, visibility, relation ids) and date system, and which sheet is read. Stateless. */
final class SheetChoice {

    private SheetChoice() {
    }

    record SheetRef(String name, String relationId, boolean visible) { }

    record WorkbookInfo(List<SheetRef> sheets, boolean date1904) { }

    static WorkbookInfo readWorkbook(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = SafeXml.open(in, "the workbook part");
        try {
            List<SheetRef> sheets = new ArrayList<>();
            boolean date1904 = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "workbookPr" -> date1904 = isTrue(attribute(xml, "date1904"));
                    case "sheet" -> {
                        String state = attribute(xml, "state");
                        sheets.add(new SheetRef(attribute(xml, "name"), relationId(xml),
                                state == null || "visible".equals(state)));
                    }
                    default -> { }
                }
            }
            return new WorkbookInfo(sheets, date1904);
        } finally {
            xml.close();
        }
    }

    private static String relationId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && ns != null && ns.endsWith("/relationships")) {
                return xml.getAttributeValue(i);
            }
        }
        throw new IllegalStateException("a sheet in workbook.xml has no relationship id");
    }

    private static boolean isTrue(String xsdBoolean) {
        return "1".equals(xsdBoolean) || "true".equals(xsdBoolean);
    }

    /**
     * docs/inputs.md: the sheet named after the dataset (any case), hidden or not (its name says what it
     * holds); else the first visible sheet.
     *
     * @throws InputFileException when the workbook has no sheet, or only hidden ones none of which is named so
     */
    static SheetRef choose(Path file, WorkbookInfo info, String datasetId) {
        SheetRef named = info.sheets().stream()
                .filter(s -> s.name().equalsIgnoreCase(datasetId))
                .findFirst()
                .orElse(null);
        return Optional.ofNullable(named)
                .or(() -> info.sheets().stream().filter(SheetRef::visible).findFirst())
                .orElseThrow(() -> new InputFileException(file, info.sheets().isEmpty()
                        ? "the workbook has no sheet"
                        : "the workbook has no visible sheet and none named " + datasetId));
    }

    private static String attribute(XMLStreamReader xml, String name) {
        return xml.getAttributeValue(null, name);
    }
}
