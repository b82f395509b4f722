package org.dprktrade.briefing.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The configured datasets, in output order: every stage iterates this list, so a dataset added to
 * configuration reaches every output. Built from {@code briefing.datasets.<id>} over the built-in
 * definitions and the keys that predate it ({@code briefing.ingest.files}, {@code known-categories});
 * where an old key and a new key set the same thing, the new key wins.
 *
 * <p>Order: the datasets in the order configuration names them, lowest-precedence file first (so
 * {@code config/application.yml}'s entries come before those of an additional configuration file),
 * then the built-in datasets configuration does not name, in their own order. Immutable.
 */
public final class Datasets implements Iterable<Dataset> {

    static final String PREFIX = "briefing.datasets";

    private final List<Dataset> all;

    public Datasets(List<Dataset> all) {
        this.all = List.copyOf(all);
        check(this.all);
    }

    /** The datasets of a jar with no configuration. */
    public static Datasets defaults() {
        return new Datasets(Dataset.DEFAULTS);
    }

    public List<Dataset> all() {
        return all;
    }

    @Override
    public Iterator<Dataset> iterator() {
        return all.iterator();
    }

    public Stream<Dataset> stream() {
        return all.stream();
    }

    /** @throws IllegalArgumentException naming the configured ids when there is no such dataset */
    public Dataset byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return all.stream().filter(d -> d.id().equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown dataset '" + id + "': expected one of "
                        + String.join(", ", all.stream().map(Dataset::id).toList())));
    }

    /** One configured entry, every field optional (unset fields keep the built-in or default value). */
    public record Entry(String file, String shape, String title, String flow, String categoryColumn,
                        List<String> knownCategories, Map<String, List<String>> categoryAliases,
                        Map<String, String> displayNames, Boolean required) {
    }

    /**
     * The datasets the environment configures.
     *
     * @throws DatasetConfigurationException naming the key when a dataset is misconfigured
     */
    public static Datasets from(ConfigurableEnvironment environment, IngestProperties ingest) {
        List<String> ids = configuredIds(environment);
        Map<String, Entry> entries = new HashMap<>(Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, Entry.class)).orElse(Map.of()));
        Map<String, Entry> ordered = new LinkedHashMap<>();
        for (String id : ids) {
            ordered.put(id, entries.getOrDefault(id, new Entry(null, null, null, null, null, null, null, null, null)));
        }
        return of(ordered, ingest);
    }

    /**
     * Ids as configuration writes them, lowest-precedence property source first and each source in its
     * own order. Spring binds a map highest precedence first, which would put an additional file's
     * datasets before those of {@code config/application.yml}; reading the sources in reverse keeps
     * the order a user reads in the files. Environment variables set fields of named datasets only.
     */
    static List<String> configuredIds(ConfigurableEnvironment environment) {
        List<PropertySource<?>> sources = new ArrayList<>();
        environment.getPropertySources().forEach(sources::add);
        Set<String> ids = new LinkedHashSet<>();
        for (int i = sources.size() - 1; i >= 0; i--) {
            if (sources.get(i) instanceof EnumerablePropertySource<?> enumerable
                    && !"configurationProperties".equals(enumerable.getName())) {
                for (String name : enumerable.getPropertyNames()) {
                    String id = idOf(name);
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
        }
        for (String id : ids) {
            if (!Dataset.ID.matcher(id).matches()) {
                throw new DatasetConfigurationException(PREFIX + "." + id, "a dataset id must be a lower-case slug"
                        + " (a-z, digits and _, starting with a letter), such as " + suggestedId(id));
            }
        }
        return List.copyOf(ids);
    }

    private static String idOf(String propertyName) {
        if (!propertyName.startsWith(PREFIX + ".") && !propertyName.startsWith(PREFIX + "[")) {
            return null;
        }
        String rest = propertyName.substring(PREFIX.length() + 1);
        if (propertyName.charAt(PREFIX.length()) == '[') {
            int end = rest.indexOf(']');
            return end < 0 ? rest : rest.substring(0, end);
        }
        int end = rest.length();
        for (char c : new char[] {'.', '['}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end);
    }

    private static String suggestedId(String id) {
        String slug = RowInterpreter.slug(id);
        return slug.isEmpty() || !Character.isLetter(slug.charAt(0)) || !Dataset.ID.matcher(slug).matches()
                ? "seafood" : slug;
    }

    /**
     * Configured entries (in order) over the built-in definitions and the old keys: the built-in datasets
     * configuration does not name come first, in their own order, then the configured ones in theirs.
     *
     * @throws DatasetConfigurationException naming the key when a dataset is misconfigured
     */
    public static Datasets of(Map<String, Entry> configured, IngestProperties ingest) {
        Objects.requireNonNull(ingest, "ingest");
        List<Dataset> result = new ArrayList<>();
        for (Dataset builtIn : Dataset.DEFAULTS) {
            if (!configured.containsKey(builtIn.id())) {
                result.add(definition(builtIn.id(), null, ingest));
            }
        }
        configured.forEach((id, entry) -> result.add(definition(id, entry, ingest)));
        return new Datasets(result);
    }

    private static Dataset definition(String id, Entry entry, IngestProperties ingest) {
        if (!Dataset.ID.matcher(id).matches()) {
            throw new DatasetConfigurationException(PREFIX + "." + id, "a dataset id must be a lower-case slug"
                    + " (a-z, digits and _, starting with a letter), such as " + suggestedId(id));
        }
        Entry e = entry != null ? entry : new Entry(null, null, null, null, null, null, null, null, null);
        Dataset base = Dataset.builtIn(id);
        String key = PREFIX + "." + id + ".";
        Shape shape = e.shape() != null ? parse(Shape.class, e.shape(), key + "shape")
                : base != null ? base.shape() : Shape.TRADE;
        Flow flow = e.flow() != null ? parse(Flow.class, e.flow(), key + "flow")
                : base != null ? base.flow() : Flow.IMPORT;
        String file = first(e.file(), ingest.fileOf(id), id + ".xlsx");
        String title = first(e.title(), base == null ? null : base.title(), null);
        String categoryHeader = first(e.categoryColumn(), base == null ? null : base.categoryHeader(), null);
        List<String> known = e.knownCategories() != null ? e.knownCategories()
                : ingest.knownCategoriesOf(id) != null ? ingest.knownCategoriesOf(id)
                : base != null ? base.knownCategories() : List.of();
        Map<String, List<String>> aliases = new LinkedHashMap<>(base == null ? Map.of() : base.categoryAliases());
        if (e.categoryAliases() != null) {
            aliases.putAll(e.categoryAliases());
        }
        Map<String, String> displayNames = new LinkedHashMap<>(base == null ? Map.of() : base.displayNames());
        if (e.displayNames() != null) {
            displayNames.putAll(e.displayNames());
        }
        boolean required = e.required() != null ? e.required() : base == null || base.required();
        return new Dataset(id, file, shape, title, flow, categoryHeader, known, aliases, displayNames, required);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String key) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        List<String> expected = Stream.of(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        throw new DatasetConfigurationException(key, "unknown " + key.substring(key.lastIndexOf('.') + 1) + " '"
                + text + "': expected " + String.join(" or ", expected));
    }

    private static String first(String configured, String legacy, String fallback) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return legacy != null && !legacy.isBlank() ? legacy.strip() : fallback;
    }

    /** Two datasets on one file would read the same rows twice under two names; one labor dataset at most. */
    private static void check(List<Dataset> all) {
        Map<Path, Dataset> byFile = new HashMap<>();
        Dataset labor = null;
        for (Dataset d : all) {
            Path file = Path.of(d.file()).normalize();
            Dataset other = byFile.putIfAbsent(file, d);
            if (other != null) {
                throw new DatasetConfigurationException(PREFIX + "." + d.id() + ".file", d.file()
                        + " is also the file of dataset " + other.id() + "; give each dataset its own workbook");
            }
            if (d.shape() == Shape.LABOR) {
                if (labor != null) {
                    throw new DatasetConfigurationException(PREFIX + "." + d.id() + ".shape", "labor is already the"
                            + " shape of dataset " + labor.id() + "; this version reads one labor dataset");
                }
                labor = d;
            }
        }
    }
}
