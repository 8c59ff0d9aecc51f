package io.packit.pipeline.forge;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.graph.Event;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names Packit gives its statuses, so that a pull request checked by Jenkins shows the names its users know
 * and branch protection rules written for Packit keep matching.
 *
 * <p>Facts from packit/packit-service@b828c3d7b987 (2026-08-03), {@code packit_service/worker/helpers/build/build_helper.py}
 * {@code get_check_cls} (lines 389-420): without a template the name is
 * {@code <job>[:<event>][:<chroot>][:<identifier>]}, where the job is {@code rpm-build} for Copr builds and
 * {@code testing-farm} for tests ({@code copr_build.py} lines 72-73), the event part is the pushed branch of a
 * commit or the tag of a release and absent for a pull request ({@code project_event_identifier_for_status},
 * lines 458-470), with {@code :} replaced by {@code -}; tests are named by their Testing Farm target
 * ({@code test_check_names_for_test_job}, lines 481-496). With {@code status_name_template} the name is that
 * template formatted with {@code job_name}, {@code chroot}, {@code event}, {@code identifier}, {@code package},
 * falling back to the default when formatting fails. The identifier of a job in a file with more than one package
 * defaults to the package's name (packit/packit@69d783e81dd1 {@code packit/config/job_config.py}
 * {@code JobConfigView.identifier}, lines 157-166; views are made only then, {@code package_config.py}
 * {@code get_job_views}, lines 205-220).
 *
 * @param event          the event the plan is for (commit and release name their statuses after it)
 * @param viewsPerPackage whether the file has more than one package (then the identifier defaults to the package)
 */
public record StatusNames(Event event, boolean viewsPerPackage) {
    /** Packit's name of the status of a Copr build in one chroot. */
    public static final String BUILD = "rpm-build";
    /** Packit's name of the status of the tests on one Testing Farm target. */
    public static final String TESTS = "testing-farm";

    public StatusNames {
        Objects.requireNonNull(event, "event");
    }

    /** The names of the statuses of a run of a plan of {@code config} for {@code event}. */
    public static StatusNames of(PackitConfig config, Event event) {
        return new StatusNames(event, config.packages().size() > 1);
    }

    /** The name of the status of job {@code view}'s build in {@code chroot} (empty: the build as a whole). */
    public String build(JobView view, String chroot) {
        return name(BUILD, view, chroot);
    }

    /** The name of the status of job {@code view}'s tests on Testing Farm target {@code target}. */
    public String tests(JobView view, String target) {
        return name(TESTS, view, target);
    }

    private String name(String job, JobView view, String chroot) {
        var eventPart = eventIdentifier().map(text -> text.replace(':', '-')).orElse(null);
        var identifier = identifier(view);
        if (view.settings().otherKeys().get("status_name_template") instanceof String template) {
            var values = new java.util.HashMap<String, String>();
            values.put("job_name", job);
            values.put("chroot", chroot.isEmpty() ? null : chroot);
            values.put("event", eventPart);
            values.put("identifier", identifier);
            values.put("package", view.packageName());
            var formatted = PythonFormat.format(template, values);
            if (formatted.isPresent()) {
                return formatted.get();
            }
        }
        return job + (eventPart == null ? "" : ":" + eventPart) + (chroot.isEmpty() ? "" : ":" + chroot)
                + (identifier == null ? "" : ":" + identifier);
    }

    @CheckForNull
    private String identifier(JobView view) {
        var written = view.settings().identifier().isEmpty() ? view.job().identifier() : view.settings().identifier();
        if (!written.isEmpty()) {
            return written;
        }
        return viewsPerPackage ? view.packageName() : null;
    }

    private Optional<String> eventIdentifier() {
        if (event instanceof Event.Commit commit) {
            return Optional.of(commit.branch()).filter(branch -> !branch.isEmpty());
        }
        if (event instanceof Event.Release release) {
            return Optional.of(release.tag()).filter(tag -> !tag.isEmpty());
        }
        return Optional.empty();
    }

    /**
     * Python's {@code str.format} for named fields only, as Packit calls it on a template: {@code {name}} is
     * replaced by the value ({@code None} when the value is absent, as Python prints it), {@code {{} and {@code }}}
     * are braces; anything else (a field not given, a conversion, a format spec, a stray brace) fails, as Python
     * raises, and Packit then uses its default name.
     */
    static final class PythonFormat {
        private PythonFormat() {
        }

        static Optional<String> format(String template, Map<String, String> values) {
            var out = new StringBuilder();
            var i = 0;
            while (i < template.length()) {
                var c = template.charAt(i);
                if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                } else if (c == '{') {
                    var end = template.indexOf('}', i);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    var field = template.substring(i + 1, end);
                    if (!values.containsKey(field)) {
                        return Optional.empty();
                    }
                    var value = values.get(field);
                    out.append(value == null ? "None" : value);
                    i = end + 1;
                } else if (c == '}') {
                    return Optional.empty();
                } else {
                    out.append(c);
                    i++;
                }
            }
            return Optional.of(out.toString());
        }
    }
}
