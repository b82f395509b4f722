/** The running service's face: the web console, the HTTP API, health and metrics, over the same job runner. */
package org.dprktrade.briefing.web;
