import { describe, it } from 'vitest';
import rule from '../../rules/shellcheck.ts';
import { shellcheckBinary } from '../../src/model/shellcheck.ts';
import { ruleTester } from '../helpers/rule-tester.ts';

if (!shellcheckBinary()) {
  const reason = 'the shellcheck binary is not on PATH (apt-get install shellcheck)';
  console.warn(`[shellcheck] skipping: ${reason}`);
  describe('shellcheck', () => {
    it.skip(`skipped: ${reason}`, () => {});
  });
} else {
  ruleTester(rule, {
    valid: [
      'FROM debian\nRUN echo foo\n',
      { name: 'exec form is not a script', code: 'FROM debian\nRUN ["foobar", "$f"]\n' },
      { name: 'ARG and ENV are exported to the script', code: 'FROM debian\nARG foo=bar\nARG other\nENV baz=1\nRUN echo "$foo" "$other" "$baz"\n' },
      { name: 'proxy variables are predefined', code: 'FROM debian\nRUN echo "$http_proxy" "$NO_PROXY"\n' },
      { name: 'bash SHELL', code: 'FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN echo "$RANDOM"\n' },
      { name: 'SHELL carries over to a stage built on it', code: 'FROM debian AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN source /etc/os-release\n' },
      { name: 'PowerShell is not checked', code: 'FROM w\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n' },
      { name: 'hadolint shell pragma', code: '# hadolint shell=powershell\nFROM w\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n' },
      { name: 'heredoc with a bash shebang', code: 'FROM debian\nRUN <<EOF\n#!/bin/bash\necho "$RANDOM"\nEOF\n' },
      { name: 'heredoc fed to bash', code: 'FROM debian\nRUN bash <<EOF\necho "\\$RANDOM"\nEOF\n' },
      { name: 'suppressed by code', code: 'FROM debian\nARG x\n# hadolint ignore=SC2086\nRUN echo $x\n' },
    ],
    invalid: [
      {
        name: 'SC2086 with its position and an unsafe quoting fix',
        code: 'FROM debian\nARG x\nRUN echo $x\n',
        errors: [{ message: /\(SC2086\)$/, line: 3, column: 10, endColumn: 12 }],
        unsafeOutput: 'FROM debian\nARG x\nRUN echo "$x"\n',
      },
      {
        name: 'positions across a continuation line',
        code: 'FROM debian\nRUN true && \\\n    x=1 && echo $x\n',
        errors: [{ message: /SC2086/, line: 3, column: 17, endColumn: 19 }],
        unsafeOutput: 'FROM debian\nRUN true && \\\n    x=1 && echo "$x"\n',
      },
      {
        name: 'sh does not have $RANDOM',
        code: 'FROM debian\nRUN echo "$RANDOM"\n',
        errors: [{ message: /SC3028/, line: 2, column: 11 }],
      },
      {
        name: 'the SHELL resets at FROM',
        code: 'FROM debian AS a\nSHELL ["/bin/bash", "-c"]\nFROM debian\nRUN echo "$RANDOM"\n',
        errors: [{ message: /SC3028/, line: 4 }],
      },
      {
        name: 'global ARGs are not in a stage',
        code: 'ARG foo=bar\nFROM debian\nRUN echo "$foo"\n',
        errors: [{ message: /SC2154/ }],
      },
      {
        name: 'ONBUILD: the child image keeps ENV, not ARG',
        code: 'FROM debian\nARG foo=1\nENV bar=2\nONBUILD RUN echo "$foo" "$bar"\n',
        errors: [{ message: /foo.*SC2154/, line: 4, column: 19 }],
      },
      {
        name: 'heredoc script',
        code: 'FROM debian\nARG y\nRUN <<EOF\nset -e\necho $y\nEOF\n',
        errors: [{ message: /SC2086/, line: 5, column: 6 }],
        unsafeOutput: 'FROM debian\nARG y\nRUN <<EOF\nset -e\necho "$y"\nEOF\n',
      },
      {
        name: 'a misspelt variable next to a known one',
        code: 'FROM debian\nRUN echo "$RTTP_PROXY"\n',
        errors: [{ message: /SC2153/ }],
      },
    ],
  });
}
