package io.packit.pipeline.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates {@code .packit.yaml} text that the loader mostly accepts but whose planning may find problems: tests
 * targets their build does not build (also through the EPEL → CentOS Stream mapping and {@code distros}), several
 * builds for one tests job, {@code build_identifier} naming another package's or trigger's build, {@code depends}
 * cycles, self and unknown entries, branch and tag regexes that do not compile, builds in a Copr project's chroots
 * with tests without targets, identifiers repeated per branch, manual jobs, labels and release jobs of packages that
 * are not top-level.
 */
final class PlanProblemYaml {
    private static final List<String> TRIGGERS = List.of("pull_request", "commit", "release");
    private static final List<String> CHROOTS = List.of("fedora-41-x86_64", "fedora-42-x86_64", "epel-9-x86_64",
            "centos-stream-9-x86_64", "fedora-41-aarch64", "fedora-rawhide-x86_64");
    private static final List<String> IDENTIFIERS = List.of("b1", "b2", "t1");
    private static final List<String> BRANCHES = List.of("main", "stable", "rel-.*", "[broken");

    private PlanProblemYaml() {
    }

    /** One config for {@code seed}. */
    static String random(long seed) {
        var random = new Random(seed);
        var yaml = new StringBuilder("upstream_project_url: https://github.com/acme/mono\n");
        int packages = random.nextInt(4);
        var names = new ArrayList<String>();
        if (packages == 0) {
            yaml.append("specfile_path: hello.spec\ndownstream_package_name: hello\n");
            names.add("hello");
        } else {
            yaml.append("packages:\n");
            for (int i = 0; i < packages; i++) {
                names.add("p" + i);
            }
            for (var name : names) {
                yaml.append("  ").append(name).append(":\n    specfile_path: ").append(name).append('/').append(name)
                        .append(".spec\n    paths: [").append(name).append("]\n");
                var depends = new ArrayList<String>();
                for (var other : names) {
                    if (other.equals(name) ? random.nextInt(20) == 0 : random.nextInt(3) == 0) {
                        depends.add(other);
                    }
                }
                if (random.nextInt(20) == 0) {
                    depends.add("nope");
                }
                if (!depends.isEmpty()) {
                    yaml.append("    depends: [").append(String.join(", ", depends)).append("]\n");
                }
            }
        }
        yaml.append("jobs:\n");
        int jobs = 1 + random.nextInt(6);
        for (int j = 0; j < jobs; j++) {
            job(random, yaml, names);
        }
        return yaml.toString();
    }

    private static void job(Random random, StringBuilder yaml, List<String> names) {
        var kind = random.nextInt(10);
        var type = kind < 4 ? "copr_build" : kind < 8 ? "tests" : kind == 8 ? "koji_build" : "bodhi_update";
        var trigger = type.equals("koji_build") || type.equals("bodhi_update") ? "commit" : pick(random, TRIGGERS);
        yaml.append("  - job: ").append(type).append("\n    trigger: ").append(trigger).append('\n');
        if (random.nextInt(3) > 0) {
            yaml.append("    identifier: ").append(pick(random, IDENTIFIERS)).append('\n');
        }
        if (random.nextInt(4) == 0) {
            yaml.append("    branch: \"").append(pick(random, BRANCHES)).append("\"\n");
        }
        if (random.nextInt(8) == 0) {
            yaml.append("    manual_trigger: true\n");
        }
        if (names.size() > 1 && random.nextInt(4) == 0) {
            yaml.append("    packages: [").append(names.get(random.nextInt(names.size()))).append("]\n");
        }
        if (trigger.equals("release") && random.nextInt(6) == 0) {
            yaml.append("    upstream_tag_include: \"").append(random.nextBoolean() ? "v.*" : "(v").append("\"\n");
        }
        if (type.equals("koji_build") || type.equals("bodhi_update")) {
            yaml.append("    dist_git_branches: [fedora-41]\n");
            return;
        }
        if (type.equals("copr_build") && random.nextInt(6) == 0) {
            yaml.append("    owner: \"@acme\"\n    project: nightly\n");
            if (random.nextBoolean()) {
                return;
            }
        }
        if (type.equals("tests")) {
            if (random.nextInt(5) == 0) {
                yaml.append("    build_identifier: ").append(pick(random, IDENTIFIERS.subList(0, 2))).append('\n');
            }
            if (random.nextInt(10) == 0) {
                yaml.append("    skip_build: true\n");
            }
            if (random.nextInt(6) == 0) {
                yaml.append("    require:\n      label:\n        present: [ci]\n");
            }
        }
        if (random.nextInt(5) == 0) {
            return;
        }
        var targets = new ArrayList<String>();
        for (var chroot : CHROOTS) {
            if (random.nextInt(3) == 0) {
                targets.add(chroot);
            }
        }
        if (targets.isEmpty()) {
            targets.add(pick(random, CHROOTS));
        }
        if (type.equals("tests") && random.nextInt(4) == 0) {
            yaml.append("    targets:\n");
            for (var target : targets) {
                yaml.append("      ").append(target).append(":\n");
                yaml.append(random.nextBoolean() ? "        distros: [centos-stream-9, rhel-9]\n" : "        {}\n");
            }
            return;
        }
        yaml.append("    targets: [").append(String.join(", ", targets)).append("]\n");
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
