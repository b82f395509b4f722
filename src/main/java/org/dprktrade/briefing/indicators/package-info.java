/** Quarterly indicators computed from monthly figures: pure functions, no Spring, no I/O, undefined made explicit. */
package org.dprktrade.briefing.indicators;
