package org.dprktrade.briefing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring application the commands start; {@code main} lives in the command line, which parses first. */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class BriefingApplication {
}
