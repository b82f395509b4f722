/** The quarter's outputs (CSV, workbook, PDF), each written to a temporary file and then moved into place. */
package org.dprktrade.briefing.report;
