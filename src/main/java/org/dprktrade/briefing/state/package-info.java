/** Run state kept outside Spring Batch: period locks, run history, delivered quarters, redelivery, the state database. */
package org.dprktrade.briefing.state;
