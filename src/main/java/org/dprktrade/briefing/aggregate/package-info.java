/** Accepted rows summed into monthly figures per dataset and category, the base of every indicator. */
package org.dprktrade.briefing.aggregate;
