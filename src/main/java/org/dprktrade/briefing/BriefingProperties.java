package org.dprktrade.briefing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a run reads and writes ({@code briefing.*}).
 *
 * @param inputDir   folder of the input workbooks ({@code --input})
 * @param reportsDir folder that receives {@code <period>/} report folders ({@code --reports})
 * @param stateDir   folder of the H2 database holding run history and schedules; empty means
 *                   {@code .state/} inside the reports folder, so each reports folder keeps its own history
 */
@ConfigurationProperties("briefing")
public record BriefingProperties(@DefaultValue("input") Path inputDir, @DefaultValue("reports") Path reportsDir,
                                 Path stateDir) {

    public Path resolvedStateDir() {
        return stateDir != null ? stateDir : reportsDir.resolve(".state");
    }
}
