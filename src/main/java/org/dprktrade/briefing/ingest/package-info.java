/** Reading the input workbooks as streams: header matching, cell rules, accepted records and row problems. */
package org.dprktrade.briefing.ingest;
