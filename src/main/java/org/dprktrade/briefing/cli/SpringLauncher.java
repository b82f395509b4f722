package org.dprktrade.briefing.cli;

import java.util.ArrayList;
import java.util.List;

import org.dprktrade.briefing.BriefingApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application for a command, quietly: the command prints what the user needs. */
final class SpringLauncher {

    private static List<String> extraArguments = List.of();

    private SpringLauncher() {
    }

    static void setExtraArguments(List<String> arguments) {
        extraArguments = List.copyOf(arguments);
    }

    static ConfigurableApplicationContext start(Class<?> source, List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(extraArguments);
        return new SpringApplicationBuilder(source)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(all.toArray(String[]::new));
    }

    static ConfigurableApplicationContext startApplication(List<String> arguments) {
        return start(BriefingApplication.class, arguments);
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
