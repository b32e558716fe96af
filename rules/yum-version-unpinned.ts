import { defineRule } from '../src/linter/rule.ts';
import { reportUnpinnedRpm } from './shared/rpm-unpinned.ts';

export default defineRule({
  meta: {
    id: 'yum-version-unpinned',
    aliases: ['DL3033'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'Pin package versions in `yum install`',
      description: 'Reports each package of `yum install` that names no version (`tomcat` instead of `tomcat-7.0.76`), and `yum module install` without a stream (`nodejs` instead of `nodejs:20`). ARG and ENV values are substituted first, so `git-core-${version}` with `ARG version=2.47.1` is pinned. Groups, local files and URLs are not checked.',
      why: 'Without a version the build installs whatever the repository holds that day: two builds of the same Dockerfile can differ, and an update can break the image with no change on your side.',
      bad: 'FROM centos:7\nRUN yum install -y tomcat && yum clean all',
      good: 'FROM centos:7\nRUN yum install -y tomcat-7.0.76 && yum clean all',
      fixSafety: 'No fix: the version to pin is your choice.',
    },
  },
  create: reportUnpinnedRpm(['yum']),
});
