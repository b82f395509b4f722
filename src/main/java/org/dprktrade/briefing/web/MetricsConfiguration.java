package org.dprktrade.briefing.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.dprktrade.briefing.delivery.DeliveryStatus;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.job.RunData;
import org.springframework.aop.framework.Advised;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The product's own metrics beside Spring Batch's {@code spring.batch.*}: rows read and rejected per dataset
 * ({@code briefing.rows.read}, {@code briefing.rows.rejected}, counted for the runs of this process) and the
 * recipients per delivery status ({@code briefing.deliveries}, read from the state database, so runs of every
 * process and instance count). Also hands the observation registry to the job operator, which Boot leaves
 * without one, so that Batch records its job launches too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MetricsConfiguration {

    /** Ingest steps are named {@code ingest<Dataset>}: the dataset is what follows. */
    static final String INGEST_PREFIX = "ingest";

    @Bean
    static BeanPostProcessor rowCountingSteps(ObjectProvider<MeterRegistry> registry, ObjectProvider<RunData> runData,
                                              ObjectProvider<ObservationRegistry> observations) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractStep step && step.getName() != null
                        && step.getName().startsWith(INGEST_PREFIX)) {
                    step.registerStepExecutionListener(new RowCounter(registry, runData));
                }
                // the ingest steps are built inside the job, one per configured dataset, not as beans
                if (bean instanceof org.springframework.batch.core.job.SimpleJob job) {
                    for (String name : job.getStepNames()) {
                        if (name.startsWith(INGEST_PREFIX) && job.getStep(name) instanceof AbstractStep step) {
                            step.registerStepExecutionListener(new RowCounter(registry, runData));
                        }
                    }
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // Boot's job operator is a transactional proxy around the real one
                Object target = bean;
                if (bean instanceof Advised advised) {
                    try {
                        target = advised.getTargetSource().getTarget();
                    } catch (Exception e) {
                        return bean;
                    }
                }
                if (target instanceof TaskExecutorJobOperator operator) {
                    observations.ifAvailable(operator::setObservationRegistry);
                }
                return bean;
            }
        };
    }

    @Bean
    MeterBinder deliveryGauges(JdbcTemplate jdbc) {
        return registry -> {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                Gauge.builder("briefing.deliveries", jdbc, j -> count(j, status))
                        .description("Recipients whose latest delivery of a run's briefing has this status")
                        .tag("status", status.name().toLowerCase()).register(registry);
            }
        };
    }

    private static double count(JdbcTemplate jdbc, DeliveryStatus status) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM BRIEFING_DELIVERY WHERE STATUS = ?", Long.class,
                status.name());
        return count == null ? 0 : count;
    }

    /** Counts an ingest step's rows: read = accepted + rejected; rejected = the errors it added. */
    static final class RowCounter implements StepExecutionListener {
        private final ObjectProvider<MeterRegistry> registry;
        private final ObjectProvider<RunData> runData;
        private final Map<Long, Long> errorsBefore = new ConcurrentHashMap<>();

        RowCounter(ObjectProvider<MeterRegistry> registry, ObjectProvider<RunData> runData) {
            this.registry = registry;
            this.runData = runData;
        }

        @Override
        public void beforeStep(StepExecution step) {
            errorsBefore.put(step.getId(), errors());
        }

        @Override
        public ExitStatus afterStep(StepExecution step) {
            long rejected = errors() - errorsBefore.getOrDefault(step.getId(), 0L);
            errorsBefore.remove(step.getId());
            String name = step.getStepName().substring(INGEST_PREFIX.length());
            String dataset = name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
            MeterRegistry meters = registry.getIfAvailable();
            if (meters != null) {
                meters.counter("briefing.rows.read", "dataset", dataset).increment(step.getReadCount() + rejected);
                meters.counter("briefing.rows.rejected", "dataset", dataset).increment(rejected);
            }
            return null;
        }

        private long errors() {
            RunData data = runData.getIfAvailable();
            return data == null ? 0 : data.problems().stream().filter(RowProblem::isError).count();
        }
    }
}
