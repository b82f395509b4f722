/**
 * The quarterly DPRK–China trade briefing: ingest → aggregate → indicators → report → delivery, run by
 * the Spring Batch job in {@code job}, scheduled by {@code schedule}, driven from {@code cli}.
 */
package org.dprktrade.briefing;
