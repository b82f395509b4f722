package org.dprktrade.briefing.schedule;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The schedule's beans exist unless {@code briefing.schedule.enabled=false}: the commands that never
 * schedule ({@code run}, {@code history}, …) set it and leave Quartz out, which shortens their start.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@ConditionalOnProperty(name = "briefing.schedule.enabled", havingValue = "true", matchIfMissing = true)
@interface ConditionalOnScheduler {
}
