/** The calendar quarter every run, report and indicator is about. */
package org.dprktrade.briefing.period;
