import type { FileResult, Finding, RuleMeta } from '../../src/linter/types.ts';
import { LineIndex } from '../../src/parser/source.ts';
import type { ReporterContext } from '../../src/report/types.ts';

export const CWD = '/work/project';

/** A finding over the `occurrence`-th match of `needle` in `source`. */
export function findingAt(
  source: string,
  needle: string,
  finding: Omit<Finding, 'range'>,
  occurrence = 0,
): Finding {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = source.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`fixture: ${JSON.stringify(needle)} not in source`);
  return { ...finding, range: new LineIndex(source).range(start, start + needle.length) };
}

export const RULES: RuleMeta[] = [
  {
    id: 'apt-no-install-recommends',
    aliases: ['DL3015'],
    severity: 'warning',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: 'apt-get install without --no-install-recommends',
      description: 'Flags `apt-get install` without `--no-install-recommends`.',
      why: 'Recommended packages bloat the image.',
      bad: 'RUN apt-get install -y curl\n',
      good: 'RUN apt-get install -y --no-install-recommends curl\n',
      fixSafety: 'Safe: only recommended packages are skipped.',
    },
  },
  {
    id: 'no-latest-tag',
    aliases: ['DL3007'],
    severity: 'error',
    category: 'correctness',
    docs: {
      summary: 'FROM uses the latest tag',
      description: 'Flags base images pinned to `latest` or not pinned at all.',
      why: 'Builds are not reproducible.',
      bad: 'FROM ubuntu:latest\n',
      good: 'FROM ubuntu:24.04\n',
    },
  },
  {
    id: 'maintainer-deprecated',
    aliases: ['DL4000', 'MaintainerDeprecated'],
    severity: 'info',
    category: 'maintainability',
    fixable: 'unsafe',
    docs: {
      summary: 'MAINTAINER is deprecated',
      description: 'Flags the MAINTAINER instruction.',
      why: 'It was replaced by a label; code with ``` fences ``` must not break help.',
      bad: 'MAINTAINER a@b.c\n# a comment with ``` and ```` in it\n',
      good: 'LABEL org.opencontainers.image.authors="a@b.c"\n',
    },
  },
  {
    id: 'instruction-case',
    aliases: [],
    severity: 'style',
    category: 'style',
    fixable: 'safe',
    docs: {
      summary: 'Instructions in upper case',
      description: 'Flags instructions not written in upper case.',
      why: 'Consistency.',
      bad: 'run echo\n',
      good: 'RUN echo\n',
    },
  },
];

export function context(overrides: Partial<ReporterContext> = {}): ReporterContext {
  return { rules: RULES, cwd: CWD, toolVersion: '1.2.3', color: false, ...overrides };
}

export const MAIN_SOURCE = [
  'FROM ubuntu:latest',
  'MAINTAINER Zoë <z@example.com>',
  'RUN apt-get update && apt-get install -y curl',
  '\trun echo "tab & <tag>"',
  '',
].join('\n');

/** Three findings of four severities' worth of cases, with a safe fix, an unsafe fix and a suppression. */
export function mainResult(filePath = `${CWD}/Dockerfile`): FileResult {
  const source = MAIN_SOURCE;
  const install = source.indexOf('apt-get install') + 'apt-get install'.length;
  const runLower = source.indexOf('run echo');
  return {
    filePath,
    source,
    findings: [
      findingAt(source, 'ubuntu:latest', {
        ruleId: 'no-latest-tag',
        aliases: ['DL3007'],
        severity: 'error',
        message: 'Pin "ubuntu" to a version instead of `latest`',
      }),
      findingAt(source, 'apt-get install -y curl', {
        ruleId: 'apt-no-install-recommends',
        aliases: ['DL3015'],
        severity: 'warning',
        message: 'Add --no-install-recommends',
        fix: {
          description: 'insert --no-install-recommends',
          safety: 'safe',
          edits: [{ start: install, end: install, text: ' --no-install-recommends' }],
        },
      }),
      findingAt(source, 'MAINTAINER Zoë <z@example.com>', {
        ruleId: 'maintainer-deprecated',
        aliases: ['DL4000'],
        severity: 'info',
        message: 'MAINTAINER is deprecated; use a LABEL',
        fix: {
          description: 'replace with LABEL',
          safety: 'unsafe',
          edits: [
            {
              start: source.indexOf('MAINTAINER'),
              end: source.indexOf('\nRUN'),
              text: 'LABEL org.opencontainers.image.authors="Zoë <z@example.com>"',
            },
          ],
        },
      }),
      findingAt(source, 'run', {
        ruleId: 'instruction-case',
        aliases: [],
        severity: 'style',
        message: 'Write RUN in upper case',
        fix: { description: 'upper-case', safety: 'safe', edits: [{ start: runLower, end: runLower + 3, text: 'RUN' }] },
        suppressed: { kind: 'inline', justification: '# tslint-docker-ignore instruction-case' },
      }),
    ],
  };
}

/** Messages and paths with every character that an output format must escape. */
export const AWKWARD_MESSAGE = 'Quote " apostrophe \' less < amp & end ]]> percent % colon: comma, line1\nline2\r\nnon-ASCII Zoë 日本 🐳';
export const AWKWARD_PATH = `${CWD}/dir with space/Dockër,file:<&>]]>%`;

export function awkwardResult(): FileResult {
  const source = 'FROM alpine\nRUN echo "日本 🐳" && exit 1\n';
  return {
    filePath: AWKWARD_PATH,
    source,
    findings: [
      findingAt(source, 'exit 1', {
        ruleId: 'no-latest-tag',
        aliases: ['DL3007'],
        severity: 'warning',
        message: AWKWARD_MESSAGE,
      }),
    ],
  };
}

/** A parse error as the parser reports it: an empty range at the point of failure. */
export function syntaxErrorResult(): FileResult {
  const source = 'FROM alpine\nRUN <<EOF\n';
  const index = new LineIndex(source);
  return {
    filePath: 'sub/Dockerfile.broken',
    source,
    findings: [
      {
        ruleId: 'syntax-error',
        aliases: [],
        severity: 'error',
        message: 'Unterminated heredoc: expected "EOF"',
        range: index.range(source.length, source.length),
      },
    ],
  };
}

export function cleanResult(): FileResult {
  return { filePath: `${CWD}/clean/Dockerfile`, source: 'FROM alpine:3.20\n', findings: [] };
}
