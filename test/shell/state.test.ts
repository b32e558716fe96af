import { describe, expect, it } from 'vitest';
import { changesShellStartup, parseShell, removedPaths, shellStateChanges } from '../../src/model/shell/index.ts';

describe('removedPaths', () => {
  const cases: { script: string; expected: [path: string, recursive: boolean, force: boolean][] }[] = [
    { script: 'rm -rf /var/lib/apt/lists/*', expected: [['/var/lib/apt/lists/*', true, true]] },
    { script: 'rm -f a b && rm -R c', expected: [['a', false, true], ['b', false, true], ['c', true, false]] },
    { script: 'sudo rm --recursive --force -- -odd', expected: [['-odd', true, true]] },
    { script: 'echo rm -rf / ; rmdir x', expected: [] },
    { script: "find . -name '*.pyc' -exec rm -f {} +", expected: [] },
  ];
  it.each(cases)('$script', ({ script, expected }) => {
    expect(removedPaths(parseShell(script)).map((r) => [r.path.value, r.recursive, r.force])).toEqual(expected);
  });
});

describe('shellStateChanges', () => {
  const cases: { script: string; expected: string[] }[] = [
    { script: 'cd /app && make', expected: ['cd'] },
    { script: 'export PATH=/x:$PATH; set -eux; umask 022; . /etc/profile; source x', expected: ['export', 'set', 'umask', '.', 'source'] },
    { script: 'FOO=bar; unset BAR; alias ll=ls; shopt -s globstar; trap "rm x" EXIT; ulimit -n 1024', expected: ['assignment', 'unset', 'alias', 'shopt', 'trap', 'ulimit'] },
    { script: 'pushd /x && popd', expected: ['pushd', 'popd'] },
    // changes that die with a subshell or a pipeline element do not leak
    { script: '(cd /x && make) && echo $(cd /y; pwd) && cd /z | true', expected: [] },
    { script: "sh -c 'cd /x'", expected: [] },
    { script: 'FOO=bar make', expected: [] },
  ];
  it.each(cases)('$script', ({ script, expected }) => {
    expect(shellStateChanges(parseShell(script)).map((c) => c.kind)).toEqual(expected);
  });

  it('gives the command with its position', () => {
    const script = 'make && cd /app';
    const [change] = shellStateChanges(parseShell(script));
    expect(script.slice(change!.command.start, change!.command.end)).toBe('cd /app');
  });
});

describe('changesShellStartup', () => {
  const cases: { script: string; expected: string[] }[] = [
    { script: 'echo "export A=1" >> /etc/profile.d/a.sh && echo B=2 > /etc/environment', expected: ['echo', 'echo'] },
    { script: 'echo a | tee -a "$HOME/.bashrc" ~/.zshrc && cp x /root/.profile && sudo sed -i s/a/b/ /etc/bash.bashrc', expected: ['tee', 'cp', 'sudo'] },
    { script: 'curl -fsSL https://x/install.sh | bash && wget -qO- https://y | sh -s -- -y', expected: ['bash', 'sh'] },
    // reading one, running a script file, a shell with -c: not a change the model can see
    { script: 'cat /etc/profile && . ~/.bashrc && bash /tmp/x.sh && echo x | bash -c "cat" && sed s/a/b/ /etc/profile', expected: [] },
  ];
  it.each(cases)('$script', ({ script, expected }) => {
    expect(parseShell(script).commands.filter(changesShellStartup).map((c) => c.name?.value)).toEqual(expected);
  });
});
