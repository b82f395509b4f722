/** Sends the quarter's briefing to its readers (outbox file or SMTP) and records each recipient's outcome. */
package org.dprktrade.briefing.delivery;
