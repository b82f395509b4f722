package org.dprktrade.briefing.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** The configured {@link Datasets}, one bean every stage iterates. */
@Configuration(proxyBeanMethods = false)
class DatasetsConfiguration {

    @Bean
    Datasets datasets(ConfigurableEnvironment environment, IngestProperties ingest) {
        return Datasets.from(environment, ingest);
    }
}
