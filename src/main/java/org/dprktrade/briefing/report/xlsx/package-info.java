/** The Excel workbook: summary of indicators, monthly detail with auditable SUM totals, data quality; written with SXSSF. */
package org.dprktrade.briefing.report.xlsx;
