package org.dprktrade.briefing.delivery;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeliveryPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeliveryProperties.class)
    static class Bound {
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("org.dprktrade.briefing")
    static class Scanned {
    }

    @TempDir
    Path dir;

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Nested
    class Binding {

        @Test
        void anEmptyConfigurationBindsTheDefaults() {
            context.run(context -> assertThat(context.getBean(DeliveryProperties.class)).isEqualTo(DeliveryProperties.defaults()));
        }

        @Test
        void kebabCaseKeysAndLowerCaseModeBind() {
            context.withPropertyValues("briefing.delivery.mode=smtp",
                            "briefing.delivery.recipients=reader@example.org, Analyst <analyst@example.org>",
                            "briefing.delivery.operators[0]=ops@example.org", "briefing.delivery.from=briefing@example.org",
                            "briefing.delivery.attach-workbook=true", "briefing.delivery.max-attempts=5",
                            "briefing.delivery.initial-backoff=30s", "briefing.delivery.backoff-multiplier=3",
                            "briefing.delivery.outbox-dir=/var/spool/briefing")
                    .run(context -> assertThat(context.getBean(DeliveryProperties.class)).isEqualTo(new DeliveryProperties(
                            DeliveryProperties.Mode.SMTP,
                            java.util.List.of("reader@example.org", "Analyst <analyst@example.org>"),
                            java.util.List.of("ops@example.org"), "briefing@example.org", true, 5, Duration.ofSeconds(30),
                            3.0, Path.of("/var/spool/briefing"))));
        }

        @Test
        void aBadAddressStopsTheStartNamingIt() {
            context.withPropertyValues("briefing.delivery.recipients=reader@example.org,analyst@@example.org")
                    .run(context -> assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageStartingWith("briefing.delivery.recipients: 'analyst@@example.org' is not a valid email address (")
                            .hasMessageNotContaining("\n"));
        }

        @Test
        void anAddressWithoutDomainIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new DeliveryProperties(null, null, java.util.List.of("ops"), null, false, 3, null, 2.0, null))
                    .withMessageStartingWith("briefing.delivery.operators: 'ops' is not a valid email address");
        }

        @Test
        void blankEntriesFromATrailingCommaAreIgnored() {
            context.withPropertyValues("briefing.delivery.recipients=reader@example.org,")
                    .run(context -> assertThat(context.getBean(DeliveryProperties.class).recipients())
                            .containsExactly("reader@example.org"));
        }

        @Test
        void scanningThePropertiesAsTheApplicationDoesStillBindsThemOnce() {
            // BriefingApplication scans for @ConfigurationProperties; DeliveryConfiguration also enables them.
            DeliveryFixtures.contextIn(dir, java.time.Clock.systemUTC())
                    .withUserConfiguration(Scanned.class)
                    .run(context -> {
                        assertThat(context.getBeansOfType(DeliveryProperties.class)).hasSize(1);
                        assertThat(context.getBeansOfType(org.dprktrade.briefing.BriefingProperties.class)).hasSize(1);
                        assertThat(context.getBeansOfType(BriefingDelivery.class)).hasSize(1);
                    });
        }

        @Test
        void zeroAttemptsIsRefused() {
            context.withPropertyValues("briefing.delivery.max-attempts=0")
                    .run(context -> assertThat(context.getStartupFailure()).rootCause()
                            .hasMessage("briefing.delivery.max-attempts must be at least 1, was 0"));
        }
    }

    @Nested
    class Derived {

        @Test
        void backoffGrowsByTheMultiplier() {
            DeliveryProperties p = DeliveryProperties.defaults();
            // 2 s before the 2nd attempt, then × 2.0: 4 s before the 3rd, 8 s before the 4th.
            assertThat(p.backoffBefore(1)).isEqualTo(Duration.ZERO);
            assertThat(p.backoffBefore(2)).isEqualTo(Duration.ofSeconds(2));
            assertThat(p.backoffBefore(3)).isEqualTo(Duration.ofSeconds(4));
            assertThat(p.backoffBefore(4)).isEqualTo(Duration.ofSeconds(8));
        }

        @Test
        void theOutboxDefaultsToTheReportsFolder() {
            assertThat(DeliveryProperties.defaults().outboxDirIn(Path.of("reports"))).isEqualTo(Path.of("reports/outbox"));
            DeliveryProperties elsewhere = new DeliveryProperties(null, null, null, null, false, 3, null, 2.0, Path.of("/spool"));
            assertThat(elsewhere.outboxDirIn(Path.of("reports"))).isEqualTo(Path.of("/spool"));
        }
    }
}
