package org.dprktrade.briefing.ingest;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * StAX readers for the XML parts of an untrusted workbook. DTD processing and external entities are
 * off, and a part whose prolog holds a {@code DOCTYPE} at all is refused before its body is read:
 * spreadsheet programs never write one, and entity declarations are what XXE and "billion laughs"
 * payloads are made of. Refusing outright gives the user one clear reason instead of a parser error
 * about an undeclared entity somewhere in the sheet. Thread-safe (the factory is configured once).
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    /**
     * A reader positioned on the root element of the part.
     *
     * @param part how to name the part in a message, e.g. {@code xl/sharedStrings.xml}
     * @throws DoctypeRefused when the part declares a DOCTYPE
     */
    static XMLStreamReader open(InputStream in, String part) throws XMLStreamException {
        XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new DoctypeRefused(part);
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return xml;
                }
            }
            return xml;
        } catch (XMLStreamException | RuntimeException e) {
            xml.close();
            throw e;
        }
    }

    /** A part declared a DOCTYPE; the message is the user's, part of a one-line file message. */
    static final class DoctypeRefused extends XMLStreamException {
        private static final long serialVersionUID = 1L;

        DoctypeRefused(String part) {
            super("unsafe XML refused: " + part + " declares a DOCTYPE (XML entities, as in XXE or billion-laughs"
                    + " attacks), which spreadsheet programs never write");
        }
    }

    private static XMLInputFactory newFactory() {
        // Aalto: a non-validating StAX parser, the fastest on the sheet XML; it never reads an external DTD
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
