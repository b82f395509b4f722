/** Charts of the briefing (JFreeChart), drawn onto any Graphics2D: vectors in the PDF. */
package org.dprktrade.briefing.report.chart;
