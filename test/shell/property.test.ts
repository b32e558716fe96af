import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packageCleans, packageInstalls, parseShell, removedPaths, shellStateChanges, type ShellScript } from '../../src/model/shell/index.ts';

function expectInBounds(parsed: ShellScript, length: number): void {
  const check = (start: number, end: number): void => {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(0 <= start && start <= end && end <= length).toBe(true);
  };
  for (const c of parsed.commands) {
    check(c.start, c.end);
    for (const w of [c.name, ...c.args]) if (w) check(w.start, w.end);
    for (const a of c.assignments) check(a.start, a.end);
    for (const r of c.redirects) {
      check(r.start, r.end);
      if (r.target) check(r.target.start, r.target.end);
      if (r.body) check(r.body.start, r.body.end);
    }
  }
  for (const e of parsed.errors) {
    check(e.start, e.end);
    expect(e.message).not.toMatch(/internal/);
  }
}

// shell-heavy alphabet so random strings hit quotes, operators and keywords often
const shellish = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '\n', '\\\n', ';', '&', '&&', '|', '||', '(', ')', '{', '}', '$(', '${', '`', "'", '"', '<<', '<<-',
        '>', '<', '2>&1', '#', '$', '\\', 'if ', 'then ', 'fi', 'for ', 'in ', 'do ', 'done', 'case ', 'esac', ';;', '[[ ', ' ]]',
        'sh -c ', 'bash ', 'EOF', 'x=', '((', '))', "$'", '<(', 'apt-get ', 'install ', '-y ', 'rm -rf '),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parseShell on random input', () => {
  it('never throws and keeps every offset in bounds (shell-like strings)', () => {
    fc.assert(
      fc.property(shellish, fc.constantFrom('sh' as const, 'bash' as const), (script, dialect) => {
        const parsed = parseShell(script, { dialect });
        expectInBounds(parsed, script.length);
        // the helpers must cope with whatever the parser produced
        packageInstalls(parsed);
        packageCleans(parsed);
        removedPaths(parsed);
        shellStateChanges(parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (script) => {
        expectInBounds(parseShell(script), script.length);
      }),
      { numRuns: 500 },
    );
  });
});
