/** Quartz around the job: the quarterly cron trigger in a JDBC store, and what a fire runs. */
package org.dprktrade.briefing.schedule;
