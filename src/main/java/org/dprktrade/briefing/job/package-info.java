/** The Spring Batch job (ingest → indicators → reports) and the one runner the command line and schedule use. */
package org.dprktrade.briefing.job;
