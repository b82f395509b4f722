package org.dprktrade.briefing;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Creates the folder of the log file (the state folder, {@code <reports>/.state} by default) before the
 * logging system starts, and stops the start-up with one line naming it when it cannot be created (the
 * reports folder under a regular file, no permission). Without this, Logback prints dozens of lines of
 * its own status and stack traces to the terminal before the product could say a word.
 *
 * <p>The failure is raised only once logging has started without the file ({@link ConfigurationCheck}). Registered in
 * {@code META-INF/spring.factories}, so it runs for every command and test context; one instance per
 * application start.
 */
public final class StateFolderCheck extends ConfigurationCheck {

    /** The folder could not be created; the message is one line for the user. */
    public static final class StateFolderException extends RuntimeException {
        StateFolderException(String message) {
            super(message);
        }
    }

    @Override
    protected Optional<RuntimeException> check(ConfigurableEnvironment environment) {
        String logFile = environment.getProperty("logging.file.name");
        if (!StringUtils.hasText(logFile)) {
            return Optional.empty();
        }
        Path folder = Path.of(logFile).toAbsolutePath().normalize().getParent();
        if (folder == null) {
            return Optional.empty();
        }
        try {
            create(folder);
            return Optional.empty();
        } catch (StateFolderException e) {
            // log nowhere rather than let Logback report the file it cannot open
            environment.getPropertySources().addFirst(
                    new MapPropertySource("stateFolderUnavailable", Map.of("logging.file.name", "")));
            return Optional.of(e);
        }
    }

    /** Creates the folder and its parents, or explains in one line why it cannot. */
    static void create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (AccessDeniedException e) {
            throw new StateFolderException("cannot create the state folder " + folder + ": permission denied on "
                    + e.getFile());
        } catch (IOException e) {
            throw new StateFolderException("cannot create the state folder " + folder + ": " + why(folder, e));
        }
    }

    private static String why(Path folder, IOException e) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return p + " is a file, not a folder";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * After the configuration files are read (Boot's environment post-processors run at
     * {@code HIGHEST_PRECEDENCE + 10}) and before the logging listener opens the log file ({@code + 20}).
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }
}
