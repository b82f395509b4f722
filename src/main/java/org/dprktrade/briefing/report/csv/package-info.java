/** The two CSV outputs (indicators, data quality): RFC 4180, UTF-8, input text neutralised against formula injection. */
package org.dprktrade.briefing.report.csv;
