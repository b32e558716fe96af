import { defineRule } from '../src/linter/rule.ts';
import { reportUnpinnedRpm } from './shared/rpm-unpinned.ts';

export default defineRule({
  meta: {
    id: 'dnf-version-unpinned',
    aliases: ['DL3041'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin package versions in `dnf install`',
      description: 'Reports each package of `dnf install` / \`microdnf install\` that names no version (`tomcat` instead of `tomcat-10.1.31`), and `dnf module install` without a stream (`nodejs` instead of `nodejs:20`). ARG and ENV values are substituted first, so `git-core-${version}` with `ARG version=2.47.1` is pinned. Groups, local files and URLs are not checked.',
      why: 'Without a version the build installs whatever the repository holds that day: two builds of the same Dockerfile can differ, and an update can break the image with no change on your side.',
      bad: 'FROM fedora:41\nRUN dnf install -y tomcat && dnf clean all',
      good: 'FROM fedora:41\nRUN dnf install -y tomcat-10.1.31 && dnf clean all',
      fixSafety: 'No fix: the version to pin is your choice.',
    },
  },
  create: reportUnpinnedRpm(['dnf', 'microdnf']),
});
