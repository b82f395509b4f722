/** The command line: picocli commands parsed before Spring starts, and the exit codes in one place. */
package org.dprktrade.briefing.cli;
