/** The PDF briefing (OpenPDF) with an embedded CJK-capable font, vector charts and "page X of Y" footers. */
package org.dprktrade.briefing.report.pdf;
