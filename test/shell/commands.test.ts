import { describe, expect, it } from 'vitest';
import {
  commandName,
  flagValues,
  hasFlag,
  isCommand,
  parseShell,
  positionalArgs,
  unwrap,
  type ShellCommand,
} from '../../src/model/shell/index.ts';

const first = (script: string): ShellCommand => parseShell(script).commands[0]!;

describe('hasFlag', () => {
  const cases: { script: string; names: string[]; expected: boolean }[] = [
    { script: 'apt-get install -y curl', names: ['y', 'yes', 'assume-yes'], expected: true },
    { script: 'apt-get install -qy curl', names: ['y'], expected: true },
    { script: 'apt-get install --yes curl', names: ['y', 'yes'], expected: true },
    { script: 'apt-get install --assume-yes=true curl', names: ['assume-yes'], expected: true },
    { script: 'apt-get install curl', names: ['y', 'yes'], expected: false },
    { script: 'apt-get install --yesterday curl', names: ['yes'], expected: false },
    { script: 'apt-get install -- -y', names: ['y'], expected: false },
    { script: "apt-get install '-y' curl", names: ['y'], expected: true },
    { script: 'apt-get -o Dpkg::Options::=--force-confold install x', names: ['y'], expected: false },
    { script: 'sudo -E apt-get install -y x', names: ['E'], expected: false },
    { script: 'sudo -E apt-get install -y x', names: ['y'], expected: true },
    { script: 'pip install --no-cache-dir flask', names: ['no-cache-dir'], expected: true },
    { script: 'curl -fsSL https://x', names: ['f', 'fail'], expected: true },
    { script: 'curl --silent https://x', names: ['f', 'fail'], expected: false },
  ];
  it.each(cases)('$script has $names: $expected', ({ script, names, expected }) => {
    expect(hasFlag(first(script), ...names)).toBe(expected);
  });
});

describe('flagValues', () => {
  const cases: { script: string; names: string[]; expected: string[] }[] = [
    { script: 'apt-get -o APT::Install-Recommends=false install x', names: ['o'], expected: ['APT::Install-Recommends=false'] },
    { script: 'pip install -r req.txt --requirement=dev.txt -rother.txt', names: ['r', 'requirement'], expected: ['req.txt', 'dev.txt', 'other.txt'] },
    { script: 'useradd -u 1000 app', names: ['u', 'uid'], expected: ['1000'] },
  ];
  it.each(cases)('$script', ({ script, names, expected }) => {
    expect(flagValues(first(script), ...names)).toEqual(expected);
  });
});

describe('positionalArgs', () => {
  const cases: { script: string; flagsWithValue?: string[]; singleDashLong?: boolean; expected: string[] }[] = [
    { script: 'rm -rf /tmp/a /tmp/b', expected: ['/tmp/a', '/tmp/b'] },
    { script: 'tar -C /opt -xzf x.tgz', flagsWithValue: ['C', 'f'], expected: [] },
    { script: 'tar -xzf x.tgz -C /opt y', flagsWithValue: ['C', 'f'], expected: ['y'] },
    { script: 'cp --target-directory /x a -- -b', flagsWithValue: ['target-directory'], expected: ['a', '-b'] },
    { script: 'cp --target-directory=/x a', flagsWithValue: ['target-directory'], expected: ['a'] },
    { script: 'go build -ldflags "-s -w" -o /bin/app ./cmd', flagsWithValue: ['ldflags', 'o'], singleDashLong: true, expected: ['build', './cmd'] },
    { script: 'echo $PKGS "a b"', expected: ['<$PKGS>', 'a b'] },
  ];
  it.each(cases)('$script', ({ script, flagsWithValue, singleDashLong, expected }) => {
    const words = positionalArgs(first(script), { flagsWithValue: flagsWithValue ?? [], singleDashLong: singleDashLong ?? false });
    expect(words.map((w) => w.value ?? `<${w.text}>`)).toEqual(expected);
  });
});

describe('isCommand and unwrap', () => {
  const cases: { script: string; program: string; sub: [] | [string] | [string, string]; expected: boolean }[] = [
    { script: 'apt-get install x', program: 'apt-get', sub: ['install'], expected: true },
    { script: '/usr/bin/apt-get -q -o Foo=1 install x', program: 'apt-get', sub: ['install'], expected: true },
    { script: 'apt-get update', program: 'apt-get', sub: ['install'], expected: false },
    { script: 'echo apt-get install', program: 'apt-get', sub: [], expected: false },
    { script: 'sudo -u root apt-get install x', program: 'apt-get', sub: ['install'], expected: true },
    { script: 'env DEBIAN_FRONTEND=noninteractive apt-get install x', program: 'apt-get', sub: ['install'], expected: true },
    { script: 'command apt-get install x', program: 'apt-get', sub: ['install'], expected: true },
    { script: 'command -v apt-get', program: 'apt-get', sub: [], expected: false },
    { script: 'exec nohup nice -n 5 make', program: 'make', sub: [], expected: true },
    { script: 'timeout 30 curl -f x', program: 'curl', sub: [], expected: true },
    { script: 'gosu app pip install x', program: 'pip', sub: ['install'], expected: true },
    { script: 'xargs -r -n 1 apt-get install -y', program: 'apt-get', sub: ['install'], expected: true },
    { script: 'eatmydata apt-get install x', program: 'apt-get', sub: ['install'], expected: true },
    { script: 'python3 -m pip install x', program: 'pip', sub: ['install'], expected: true },
    { script: 'python3.11 -u -m pip install x', program: 'pip', sub: ['install'], expected: true },
    { script: 'python -c "import pip" install', program: 'pip', sub: [], expected: false },
    { script: 'pip3.12 install x', program: 'pip', sub: ['install'], expected: true },
    { script: 'yum -y clean all', program: 'yum', sub: ['clean', 'all'], expected: true },
    { script: 'yarn global add x', program: 'yarn', sub: ['global', 'add'], expected: true },
  ];
  it.each(cases)('$script is $program $sub: $expected', ({ script, program, sub, expected }) => {
    expect(isCommand(first(script), program, ...sub)).toBe(expected);
  });

  it('keeps positions and adds env assignments', () => {
    const script = 'sudo env A=1 apt-get install x';
    const real = unwrap(first(script));
    expect(real.name!.start).toBe(script.indexOf('apt-get'));
    expect(real.args.map((w) => w.value)).toEqual(['install', 'x']);
    expect(real.assignments.map((a) => [a.name, a.value.value, script.slice(a.value.start, a.value.end)])).toEqual([['A', '1', '1']]);
    expect(commandName(first(script))).toBe('apt-get');
  });

  it('has no name for a dynamic program', () => {
    expect(commandName(first('$CC -o x x.c'))).toBeUndefined();
    expect(commandName(first('FOO=1'))).toBeUndefined();
  });
});
