/** Small helpers every stage may use: one-line text for users, file checksums. Depends on nothing above it. */
package org.dprktrade.briefing.support;
