import { describe, expect, it } from 'vitest';
import { parseShell, type ShellCommand, type ShellScript } from '../../src/model/shell/index.ts';

/** `name arg arg` per command, with dynamic words shown as `<raw>`. */
const argv = (c: ShellCommand): string =>
  [c.name, ...c.args].filter((w) => w !== undefined).map((w) => w.value ?? `<${w.text}>`).join(' ');
const commands = (s: ShellScript): string[] => s.commands.map(argv);

/** Every word of a script parsed in place covers exactly its text. */
function expectExactWords(s: ShellScript): void {
  for (const c of s.commands) {
    expect(s.source.slice(c.start, c.end).length).toBe(c.end - c.start);
    for (const w of [c.name, ...c.args, ...c.assignments.map((a) => a.value)]) {
      if (w) expect(s.source.slice(w.start, w.end)).toBe(w.text);
    }
  }
}

describe('parseShell: commands and lists', () => {
  const cases: { script: string; commands: string[]; joinedBy?: (string | undefined)[] }[] = [
    { script: 'apt-get update && apt-get install -y curl', commands: ['apt-get update', 'apt-get install -y curl'], joinedBy: [undefined, '&&'] },
    { script: 'a; b & c || d', commands: ['a', 'b', 'c', 'd'], joinedBy: [undefined, ';', '&', '||'] },
    { script: 'a\nb\n\n  c', commands: ['a', 'b', 'c'], joinedBy: [undefined, '\n', '\n'] },
    { script: 'a &&\n  b', commands: ['a', 'b'], joinedBy: [undefined, '&&'] },
    { script: 'a | b |& c', commands: ['a', 'b', 'c'], joinedBy: [undefined, '|', '|&'] },
    // continuation lines joined by the Dockerfile keep their backslash-newline
    { script: 'apt-get install -y \\\n    curl \\\n    git', commands: ['apt-get install -y curl git'] },
    { script: 'echo a\\\r\n b', commands: ['echo a b'] },
    // BuildKit's reading of raw RUN text: blanks after the backslash, comment and blank lines inside
    { script: 'yum install -y a && \\ \n    yum clean all', commands: ['yum install -y a', 'yum clean all'] },
    { script: 'apt-get install -y \\\n    # the editor\n\n    vim', commands: ['apt-get install -y vim'] },
    { script: "echo 'a \\\n  b' \"c\\\nd\"", commands: ['echo a   b cd'] },
    { script: "echo 'a\\b'", commands: ['echo a\\b'] },
    { script: "echo 'a b' \"c $d\" e\\ f", commands: ['echo a b <"c $d"> e f'] },
    { script: 'echo "x\\"y\\$z\\q"', commands: ['echo x"y$z\\q'] },
    { script: "echo $'a\\tb'", commands: ['echo a\tb'] },
    { script: 'echo ${A:-"b c"} $(( 1 + 2 )) $1 $@', commands: ['echo <${A:-"b c"}> <$(( 1 + 2 ))> <$1> <$@>'] },
    { script: 'echo a#b # comment ; rm -rf /', commands: ['echo a#b'] },
    { script: 'rm -rf /var/lib/apt/lists/*', commands: ['rm -rf /var/lib/apt/lists/*'] },
    { script: 'echo $(cd /x && pwd)', commands: ['echo <$(cd /x && pwd)>', 'cd /x', 'pwd'] },
    { script: 'echo `which gcc`', commands: ['echo <`which gcc`>', 'which gcc'] },
    { script: 'diff <(sort a) <(sort b)', commands: ['diff <<(sort a)> <<(sort b)>', 'sort a', 'sort b'] },
    { script: '(cd /x && make) && echo ok', commands: ['cd /x', 'make', 'echo ok'] },
    { script: '{ echo a; echo b; } > log', commands: ['echo a', 'echo b'] },
    { script: 'if [ -f x ]; then a; elif b; then c; else d; fi', commands: ['[ -f x ]', 'a', 'b', 'c', 'd'] },
    { script: 'for f in $(ls) a b; do rm "$f"; done', commands: ['ls', 'rm <"$f">'] },
    { script: 'for ((i=0;i<3;i++)); do echo $i; done', commands: ['echo <$i>'] },
    { script: 'while read -r l; do echo "$l"; done < file', commands: ['read -r l', 'echo <"$l">'] },
    { script: 'until false; do :; done', commands: ['false', ':'] },
    { script: 'case "$x" in a|b) echo ab;; (*) echo other;; esac', commands: ['echo ab', 'echo other'] },
    { script: 'f() { cd /x; }; f', commands: ['cd /x', 'f'] },
    { script: 'function g { echo g; }', commands: ['echo g'] },
    { script: '[[ $x =~ ^(a|b)$ && -n "$y" ]] || exit 1', commands: ['[[ <$x> =~ ^ ( a | b ) $ && -n <"$y"> ]]', 'exit 1'] },
    { script: '! grep -q x file', commands: ['grep -q x file'] },
    { script: 'time make -j4', commands: ['make -j4'] },
    { script: 'arr=(a "b c"); echo ${arr[@]}', commands: ['', 'echo <${arr[@]}>'] },
    { script: 'echo if then fi', commands: ['echo if then fi'] },
  ];
  it.each(cases)('$script', ({ script, commands: expected, joinedBy }) => {
    const parsed = parseShell(script, { dialect: 'bash' });
    expect(parsed.errors).toEqual([]);
    expect(commands(parsed)).toEqual(expected);
    if (joinedBy) expect(parsed.commands.map((c) => c.joinedBy)).toEqual(joinedBy);
    expectExactWords(parsed);
  });
});

describe('parseShell: positions', () => {
  it('gives exact offsets for words, commands, assignments and redirects', () => {
    const script = 'X=1 Y="a b" make install >/dev/null 2>&1 && echo done';
    const [make, echo] = parseShell(script).commands;
    expect(script.slice(make!.start, make!.end)).toBe('X=1 Y="a b" make install >/dev/null 2>&1');
    expect(make!.assignments.map((a) => [a.name, a.value.value, script.slice(a.start, a.end)])).toEqual([
      ['X', '1', 'X=1'],
      ['Y', 'a b', 'Y="a b"'],
    ]);
    expect(make!.redirects.map((r) => [r.op, r.target?.value, script.slice(r.start, r.end)])).toEqual([
      ['>', '/dev/null', '>/dev/null'],
      ['>&', '1', '2>&1'],
    ]);
    expect(echo!.name!.start).toBe(script.indexOf('echo'));
  });

  it('keeps offsets across continuation lines', () => {
    const script = 'apt-get install -y \\\n    curl';
    const [cmd] = parseShell(script).commands;
    const curl = cmd!.args[2]!;
    expect(script.slice(curl.start, curl.end)).toBe('curl');
    expect(script.slice(cmd!.start, cmd!.end)).toBe(script);
  });

  it('maps commands of backticks with escapes back to the source', () => {
    const script = 'echo `echo \\`date\\``';
    const parsed = parseShell(script);
    expect(commands(parsed)).toEqual(['echo <`echo \\`date\\``>', 'echo <`date`>', 'date']);
    const date = parsed.commands[2]!;
    expect(script.slice(date.start, date.end)).toBe('date');
  });
});

describe('parseShell: top-level pipelines', () => {
  const pipelines = (script: string) => parseShell(script).pipelines.map((p) => [p.joinedBy, script.slice(p.start, p.end)]);

  it.each([
    ['if [ -n "$A" ]; then b; fi && rm -f /tmp/x.sh', [[undefined, 'if [ -n "$A" ]; then b; fi'], ['&&', 'rm -f /tmp/x.sh']]],
    ['a | b && c; d &\ne # note\n', [[undefined, 'a | b'], ['&&', 'c'], [';', 'd'], ['&', 'e']]],
    ['( cd x; y ) >/log && { z; } || ! w', [[undefined, '( cd x; y ) >/log'], ['&&', '{ z; }'], ['||', '! w']]],
    ['x=$(a; b) && for i in 1 2; do c; done', [[undefined, 'x=$(a; b)'], ['&&', 'for i in 1 2; do c; done']]],
    ['a \\\n  && b \\\n  # c\n', [[undefined, 'a'], ['&&', 'b']]],
    ['sh -c "a; b" && case $x in y) z;; esac', [[undefined, 'sh -c "a; b"'], ['&&', 'case $x in y) z;; esac']]],
    ['[[ $a == b ]] && (( i++ ))', [[undefined, '[[ $a == b ]]'], ['&&', '(( i++ ))']]],
  ])('%j', (script, expected) => {
    expect(pipelines(script)).toEqual(expected);
  });
});

describe('parseShell: sh -c strings', () => {
  const cases: { script: string; inner: string[]; spans: string[] }[] = [
    { script: "sh -c 'cd /tmp && make install'", inner: ['cd /tmp', 'make install'], spans: ['cd /tmp', 'make install'] },
    { script: 'bash -ec "apt-get install -y \\"foo\\""', inner: ['apt-get install -y foo'], spans: ['apt-get install -y \\"foo\\"'] },
    { script: "sudo su -c 'pip install x' app", inner: ['pip install x'], spans: ['pip install x'] },
    { script: "bash -o pipefail -c 'curl x | sh'", inner: ['curl x', 'sh'], spans: ['curl x', 'sh'] },
    { script: `sh -c "sh -c 'echo deep'"`, inner: ["sh -c echo deep", 'echo deep'], spans: ["sh -c 'echo deep'", 'echo deep'] },
  ];
  it.each(cases)('$script', ({ script, inner, spans }) => {
    const parsed = parseShell(script);
    expect(parsed.errors).toEqual([]);
    const nested = parsed.commands.slice(1);
    expect(nested.map(argv)).toEqual(inner);
    expect(nested.map((c) => script.slice(c.start, c.end))).toEqual(spans);
    expect(nested.every((c) => c.inSubshell)).toBe(true);
  });

  it('does not parse a dynamic or missing script', () => {
    expect(commands(parseShell('sh -c "$CMD"'))).toEqual(['sh -c <"$CMD">']);
    expect(commands(parseShell('sh script.sh -c x'))).toEqual(['sh script.sh -c x']);
    expect(parseShell('bash -c').commands).toHaveLength(1);
  });

  it('parses sh -c strings inside $(...) too', () => {
    expect(commands(parseShell(`x=$(sh -c 'id -u')`))).toEqual(['', "sh -c id -u", 'id -u']);
  });
});

describe('parseShell: context flags', () => {
  const flags = (script: string) =>
    Object.fromEntries(parseShell(script).commands.map((c) => [argv(c), { pipe: c.inPipeline, sub: c.inSubshell, cond: c.inCondition }]));

  it('marks pipelines, including commands nested in an element', () => {
    const f = flags('{ a; b; } | c && d');
    expect(f.a).toEqual({ pipe: true, sub: false, cond: false });
    expect(f.c!.pipe).toBe(true);
    expect(f.d!.pipe).toBe(false);
    expect(parseShell('a && b').hasPipes).toBe(false);
    expect(parseShell('a || b').hasPipes).toBe(false);
    expect(parseShell('echo $(a | b)').hasPipes).toBe(true);
  });

  it('marks the commands before a pipe (their status is lost without pipefail)', () => {
    const before = (script: string) => parseShell(script).commands.filter((c) => c.beforePipe).map(argv);
    expect(before('curl x | tar -x | sort; echo y')).toEqual(['curl x', 'tar -x']);
    expect(before('{ a; b; } | c && d')).toEqual(['a', 'b']);
    expect(before('curl $(cat u) | sh')).toEqual(['curl <$(cat u)>', 'cat u']);
    expect(before('x=$(curl u | jq .v) && echo $x')).toEqual(['curl u']);
    expect(before('a || b | c')).toEqual(['b']);
  });

  it('marks subshells, substitutions and process substitutions', () => {
    const f = flags('(a); echo $(b) `c` <(d); e');
    expect([f.a!.sub, f.b!.sub, f.c!.sub, f.d!.sub, f.e!.sub]).toEqual([true, true, true, true, false]);
  });

  it('marks conditions: if/while tests, both sides of ||, negation', () => {
    const f = flags('if a; then b; fi; while c; do d; done; e || f; g && h; i || j && k; ! l');
    const cond = (k: string) => f[k]!.cond;
    expect(['a', 'b', 'c', 'd'].map(cond)).toEqual([true, false, true, false]);
    expect(['e', 'f', 'g', 'h'].map(cond)).toEqual([true, true, false, false]);
    expect(['i', 'j', 'k', 'l'].map(cond)).toEqual([true, true, false, true]);
  });

  it('inherits the condition into nested commands', () => {
    const f = flags('if (cd x && test -f y); then :; fi');
    expect(f['cd x']).toEqual({ pipe: false, sub: true, cond: true });
  });
});

describe('parseShell: heredocs', () => {
  it('reads the body and keeps parsing after the delimiter', () => {
    const script = 'cat <<EOF > /etc/motd\nhello $USER\nEOF\napt-get update';
    const parsed = parseShell(script);
    expect(parsed.errors).toEqual([]);
    expect(commands(parsed)).toEqual(['cat', 'apt-get update']);
    const [heredoc, out] = parsed.commands[0]!.redirects;
    expect(heredoc!.op).toBe('<<');
    expect(heredoc!.body!.text).toBe('hello $USER\n');
    expect(heredoc!.body!.value).toBeUndefined();
    expect(out!.target!.value).toBe('/etc/motd');
  });

  it('takes a quoted delimiter literally and strips tabs with <<-', () => {
    const parsed = parseShell("cat <<-'END' && echo after\n\tliteral $x\n\tEND\necho next");
    expect(commands(parsed)).toEqual(['cat', 'echo after', 'echo next']);
    expect(parsed.commands[0]!.redirects[0]!.body!.value).toBe('literal $x\n');
  });

  it('parses a heredoc fed to a shell as a nested script', () => {
    const script = "apt-get update && bash <<'EOF'\napt-get install -y curl\ncd /x\nEOF\necho after";
    const parsed = parseShell(script);
    expect(commands(parsed)).toEqual(['apt-get update', 'bash', 'apt-get install -y curl', 'cd /x', 'echo after']);
    const install = parsed.commands[2]!;
    expect(script.slice(install.start, install.end)).toBe('apt-get install -y curl');
    expect(install.inSubshell).toBe(true);
    expect(commands(parseShell('cat <<EOF\nrm -rf /\nEOF'))).toEqual(['cat']);
    expect(commands(parseShell('bash run.sh <<EOF\nanswer\nEOF'))).toEqual(['bash run.sh']);
  });

  it('reports an unterminated heredoc', () => {
    expect(parseShell('cat <<EOF\nno end').errors.map((e) => e.message)).toEqual([
      "heredoc delimited by 'EOF' is not terminated",
    ]);
  });
});

describe('parseShell: errors are reported, never thrown', () => {
  const cases: { script: string; message: string }[] = [
    { script: 'echo "abc', message: 'unterminated double quote' },
    { script: "echo 'abc", message: 'unterminated single quote' },
    { script: 'echo $(date', message: "unterminated '$('" },
    { script: 'echo `date', message: 'unterminated backtick' },
    { script: 'if true; then echo', message: "expected 'fi'" },
    { script: 'for x in a; do echo', message: "expected 'done'" },
    { script: 'echo a )', message: "unexpected ')'" },
    { script: 'fi', message: "unexpected 'fi'" },
    { script: 'a &&', message: "expected a command after '&&'" },
    { script: 'echo >', message: "expected a target after '>'" },
    { script: 'echo ${x', message: "unterminated '${'" },
    { script: '( '.repeat(200), message: 'nesting too deep' },
    { script: '((', message: "unterminated '(('" },
    { script: '$('.repeat(200), message: 'nesting too deep' },
  ];
  it.each(cases)('$script', ({ script, message }) => {
    const parsed = parseShell(script);
    expect(parsed.errors.map((e) => e.message)).toContain(message);
    for (const e of parsed.errors) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(script.length);
    }
  });

  it('still lists the commands around a syntax error', () => {
    expect(commands(parseShell('a; fi; b'))).toEqual(['a', 'b']);
  });
});

describe('parseShell: dialect', () => {
  it("reads $'...' as ANSI-C quoting only in bash", () => {
    expect(commands(parseShell("echo $'a\\nb'", { dialect: 'bash' }))).toEqual(['echo a\nb']);
    expect(commands(parseShell("echo $'a\\nb'", { dialect: 'sh' }))).toEqual(['echo $a\\nb']);
  });
});
