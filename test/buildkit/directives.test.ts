/**
 * BuildKit's check configuration as `docker build --check` applies it (frontend/dockerfile/linter
 * ParseLintOptions and WithMergedConfigFromComments, the comments its parser gathers above an
 * instruction, the BUILDKIT_DOCKERFILE_CHECK build argument): per-instruction `# check=`
 * comments, `skip`, `experimental`, `error`, and the build argument replacing the file's directive.
 * Each case names the lines BuildKit reports.
 */
import { describe, expect, it } from 'vitest';
import { getLinter } from '../../src/linter/index.ts';
import { buildkitCheckOf } from '../../src/linter/buildkit-checks.ts';
import { parseCheckOptions } from '../../src/linter/check-directive.ts';
import type { LintOptions } from '../../src/linter/linter.ts';

const linter = getLinter();

/**
 * `line:check` of each reported (not suppressed) finding of a BuildKit check, `:error` when an
 * error. A finding on a comment line above an instruction (InvalidDefinitionDescription outside
 * the buildkit preset) counts at that instruction's line, the one BuildKit reports and whose
 * config applies; where each rule reports is test/buildkit/checks.test.ts's subject.
 */
function checks(source: string, options: LintOptions = {}): string[] {
  const { findings, df } = linter.lint(source, { preset: 'buildkit', ...options });
  const lineOf = (offset: number, line: number) => {
    const ins = df.instructions.find((i) => i.fullEnd > offset);
    return ins && ins.start > offset ? df.lines.range(ins.start, ins.start).start.line : line;
  };
  return findings
    .filter((f) => !f.suppressed)
    .map((f) => `${lineOf(f.range.start.offset, f.range.start.line)}:${buildkitCheckOf(f) ?? f.ruleId}${f.severity === 'error' ? ':error' : ''}`);
}

describe('a check= comment above an instruction', () => {
  it('skips the check for that instruction only', () => {
    expect(checks('FROM busybox\n# check=skip=JSONArgsRecommended\nCMD echo a\nENTRYPOINT echo b\n')).toEqual(['4:JSONArgsRecommended']);
  });

  it('counts every comment line since the previous instruction, across blank lines', () => {
    expect(checks('FROM busybox\n# check=skip=JSONArgsRecommended\n\n# why: the shell expands $X\n\nCMD echo $X\n')).toEqual([]);
  });

  it('does not count once an empty `#` line starts the run again', () => {
    expect(checks('FROM busybox\n# check=skip=JSONArgsRecommended\n#\nCMD echo a\n')).toEqual(['4:JSONArgsRecommended']);
  });

  it('does not reach past an instruction', () => {
    expect(checks('FROM busybox\n# check=skip=JSONArgsRecommended\nENV A=1\nCMD echo a\n')).toEqual(['4:JSONArgsRecommended']);
  });

  it('takes the value up to the first space, and only the first check= comment', () => {
    expect(checks('FROM busybox\n# check=skip=JSONArgsRecommended because the shell expands\nCMD echo a\n')).toEqual([]);
    expect(checks('FROM busybox\n# check=skip=WorkdirRelativePath\n# check=skip=JSONArgsRecommended\nCMD echo a\n')).toEqual(['4:JSONArgsRecommended']);
  });

  it('is ignored when its value does not parse, and names are case-sensitive', () => {
    expect(checks('FROM busybox\n# check=skip\nCMD echo a\n')).toEqual(['3:JSONArgsRecommended']);
    expect(checks('FROM busybox\n# check=skip=jsonargsrecommended\nCMD echo a\n')).toEqual(['3:JSONArgsRecommended']);
  });

  it('skips all checks of the instruction with skip=all', () => {
    expect(checks('FROM busybox\n# check=skip=all\nWORKDIR app\nCMD echo a\n')).toEqual(['4:JSONArgsRecommended']);
  });

  it('applies to the stage checks of a FROM', () => {
    expect(checks('FROM busybox AS Base\n# check=skip=StageNameCasing\nFROM busybox AS Other\n')).toEqual(['1:StageNameCasing']);
  });

  it('does not apply to the checks BuildKit runs over the whole file', () => {
    // ConsistentInstructionCasing and DuplicateStageName are checked before any instruction's comments are read
    expect(checks('FROM busybox AS a\nRUN true\n# check=skip=ConsistentInstructionCasing\nrun true\n')).toEqual(['4:ConsistentInstructionCasing']);
    expect(checks('FROM busybox AS a\n# check=skip=DuplicateStageName\nFROM busybox AS a\n')).toEqual(['3:DuplicateStageName']);
  });

  it('skips MultipleInstructionsDisallowed when above the instruction that overrides, as BuildKit runs it there', () => {
    // reported on the CMD that is ignored (line 2), run while BuildKit reads the later one
    expect(checks('FROM busybox\nCMD ["a"]\n# check=skip=MultipleInstructionsDisallowed\nCMD ["b"]\n')).toEqual([]);
    expect(checks('FROM busybox\n# check=skip=MultipleInstructionsDisallowed\nCMD ["a"]\nCMD ["b"]\n')).toEqual(['3:MultipleInstructionsDisallowed']);
  });

  it('adds to the file directive', () => {
    expect(checks('# check=skip=WorkdirRelativePath\nFROM busybox\n# check=skip=JSONArgsRecommended\nWORKDIR app\nCMD echo a\n')).toEqual(['5:JSONArgsRecommended']);
  });
});

describe('experimental checks', () => {
  const described = '# compile the binary\nFROM busybox AS build\n';

  it('are off unless asked for', () => {
    expect(checks(described)).toEqual([]);
  });

  it('run when the file directive names them or says all', () => {
    expect(checks(`# check=experimental=InvalidDefinitionDescription\n${described}`)).toEqual(['3:InvalidDefinitionDescription']);
    expect(checks(`# check=experimental=all\n${described}`)).toEqual(['3:InvalidDefinitionDescription']);
  });

  it('run for one instruction when its comment asks', () => {
    const source = 'FROM busybox\n# check=experimental=all\n# compile the binary\nFROM busybox AS build\n# the tests\nFROM busybox AS test\n';
    expect(checks(source)).toEqual(['4:InvalidDefinitionDescription']);
  });

  it('are not skipped by skip=all (BuildKit looks only at experimental= for them)', () => {
    expect(checks(`# check=skip=all;experimental=all\n${described}`)).toEqual(['3:InvalidDefinitionDescription']);
  });

  it('run in other presets too when asked for, unless the configuration turns the rule off', () => {
    expect(checks(`# check=experimental=all\n${described}`, { preset: 'recommended' })).toEqual(['3:InvalidDefinitionDescription']);
    expect(checks(`# check=experimental=all\n${described}`, { rules: { 'invalid-definition-description': 'off' } })).toEqual([]);
  });
});

describe('error=true', () => {
  it('makes the findings of BuildKit checks errors in the buildkit preset', () => {
    expect(checks('# check=error=true\nFROM busybox\nCMD echo a\n')).toEqual(['3:JSONArgsRecommended:error']);
    expect(checks('# check=error=TRUE\nFROM busybox\nCMD echo a\n')).toEqual(['3:JSONArgsRecommended:error']);
  });

  it('changes nothing in other presets, nor in a comment above an instruction', () => {
    expect(checks('# check=error=true\nFROM busybox\nCMD echo a\n', { preset: 'all' })).toContain('3:JSONArgsRecommended');
    expect(checks('FROM busybox\n# check=error=true\nCMD echo a\n')).toEqual(['3:JSONArgsRecommended']);
  });
});

describe('BUILDKIT_DOCKERFILE_CHECK given as a build argument', () => {
  const file = '# check=skip=JSONArgsRecommended\nFROM busybox\nCMD echo a\nWORKDIR app\n';

  it('replaces the file directive', () => {
    expect(checks(file)).toEqual(['4:WorkdirRelativePath']);
    expect(checks(file, { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=true' } })).toEqual(['3:JSONArgsRecommended:error', '4:WorkdirRelativePath:error']);
    expect(checks(file, { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=all' } })).toEqual([]);
    expect(checks(file, { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: '' } })).toEqual(['3:JSONArgsRecommended', '4:WorkdirRelativePath']);
  });

  it('still merges with the comments above an instruction', () => {
    const source = 'FROM busybox\n# check=skip=JSONArgsRecommended\nCMD echo a\nWORKDIR app\n';
    expect(checks(source, { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=WorkdirRelativePath' } })).toEqual([]);
  });

  it('hides a file directive that does not parse, which is otherwise a syntax error on its line', () => {
    const bad = '# check=skip=JSONArgsRecommended;warn=true\nFROM busybox\n';
    const result = linter.lint(bad, { preset: 'buildkit' });
    expect(result.findings.map((f) => [f.ruleId, f.range.start.line, f.message])).toEqual([['syntax-error', 1, 'failed to parse check options: invalid check option "warn"']]);
    expect(linter.lint(bad, { preset: 'buildkit', buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=all' } }).findings).toEqual([]);
  });
});

describe('parseCheckOptions', () => {
  it('reads BuildKit\'s syntax and names what is wrong as BuildKit does', () => {
    const config = parseCheckOptions(' skip = A, B ;experimental=all; error=1 ');
    expect(typeof config !== 'string' && [config.skipAll, [...config.skip], config.experimentalAll, config.error]).toEqual([false, ['A', 'B'], true, true]);
    expect(parseCheckOptions('skip')).toBe('invalid check option "skip"');
    expect(parseCheckOptions('Skip=A')).toBe('invalid check option "Skip"');
    expect(parseCheckOptions('error=yes')).toBe('failed to parse check option "error=yes": strconv.ParseBool: parsing "yes": invalid syntax');
  });
});
