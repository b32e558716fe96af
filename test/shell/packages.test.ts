import { describe, expect, it } from 'vitest';
import { packageCleans, packageInstalls, packageUpdates, parseShell } from '../../src/model/shell/index.ts';

describe('packageInstalls', () => {
  const cases: { script: string; expected: [manager: string, action: string, packages: string[], requirements?: string[]][] }[] = [
    { script: 'apt-get update && apt-get install -y --no-install-recommends curl=7.* git', expected: [['apt-get', 'install', ['curl=7.*', 'git']]] },
    { script: 'apt-get -o Dpkg::Options::=--force-confnew -t bookworm-backports install -y x', expected: [['apt-get', 'install', ['x']]] },
    { script: 'apt install -y x', expected: [['apt', 'install', ['x']]] },
    { script: 'apk add --no-cache --virtual .build-deps gcc musl-dev', expected: [['apk', 'add', ['gcc', 'musl-dev']]] },
    { script: 'apk add -t .deps -X http://repo x', expected: [['apk', 'add', ['x']]] },
    { script: 'yum install -y httpd && yum clean all', expected: [['yum', 'install', ['httpd']]] },
    { script: 'dnf --setopt=tsflags=nodocs -y install x', expected: [['dnf', 'install', ['x']]] },
    { script: 'microdnf install -y x', expected: [['microdnf', 'install', ['x']]] },
    { script: 'zypper -n in -y x', expected: [['zypper', 'install', ['x']]] },
    { script: 'pip install --no-cache-dir -r requirements.txt flask==2.0', expected: [['pip', 'install', ['flask==2.0'], ['requirements.txt']]] },
    { script: 'pip3 install -e . --requirement=dev.txt', expected: [['pip', 'install', ['.'], ['dev.txt']]] },
    { script: 'python3 -m pip install --upgrade pip', expected: [['pip', 'install', ['pip']]] },
    { script: 'npm ci --omit dev', expected: [['npm', 'ci', []]] },
    { script: 'npm i -g typescript', expected: [['npm', 'install', ['typescript']]] },
    { script: 'yarn', expected: [['yarn', 'install', []]] },
    { script: 'yarn install --frozen-lockfile', expected: [['yarn', 'install', []]] },
    { script: 'yarn global add serve', expected: [['yarn', 'add', ['serve']]] },
    { script: 'pnpm add -D vite', expected: [['pnpm', 'add', ['vite']]] },
    { script: 'gem install bundler -v 2.4.0 --no-document', expected: [['gem', 'install', ['bundler']]] },
    { script: 'go install -ldflags "-s -w" github.com/x/y@latest', expected: [['go', 'install', ['github.com/x/y@latest']]] },
    { script: 'go get -u golang.org/x/tools', expected: [['go', 'get', ['golang.org/x/tools']]] },
    { script: 'cargo install --locked --version 1.0 ripgrep', expected: [['cargo', 'install', ['ripgrep']]] },
    { script: 'composer global require phpunit/phpunit', expected: [['composer', 'require', ['phpunit/phpunit']]] },
    { script: 'bundle install --jobs 4', expected: [['bundle', 'install', []]] },
    { script: 'conda install -y -c conda-forge numpy --file req.txt', expected: [['conda', 'install', ['numpy'], ['req.txt']]] },
    { script: 'mamba create -n env python=3.11', expected: [['conda', 'create', ['python=3.11']]] },
    { script: 'poetry install --no-root --only main', expected: [['poetry', 'install', []]] },
    { script: "sh -c 'apk add curl'", expected: [['apk', 'add', ['curl']]] },
    { script: 'sudo apt-get install -y x || true', expected: [['apt-get', 'install', ['x']]] },
    { script: 'apt-get update; apt-get upgrade -y; echo apt-get install x', expected: [] },
  ];
  it.each(cases)('$script', ({ script, expected }) => {
    const installs = packageInstalls(parseShell(script));
    expect(installs.map((i) => [i.manager, i.action, i.packages.map((p) => p.value ?? p.text), ...(i.requirements.length ? [i.requirements.map((r) => r.value)] : [])])).toEqual(expected);
  });

  it('gives package positions and the global flag', () => {
    const script = "npm install -g 'left-pad' && pip install -rreq.txt";
    const [npm, pip] = packageInstalls(parseShell(script));
    expect(npm!.global).toBe(true);
    expect(script.slice(npm!.packages[0]!.start, npm!.packages[0]!.end)).toBe("'left-pad'");
    const req = pip!.requirements[0]!;
    expect([req.value, script.slice(req.start, req.end)]).toEqual(['req.txt', 'req.txt']);
  });
});

describe('packageUpdates', () => {
  const cases: { script: string; expected: string[] }[] = [
    { script: 'apt-get update && apt-get install -y x', expected: ['apt-get'] },
    { script: 'apk update; apk add x', expected: ['apk'] },
    { script: 'apt update && yum makecache && zypper --non-interactive refresh', expected: ['apt', 'yum', 'zypper'] },
    { script: 'apk add --update x', expected: [] },
  ];
  it.each(cases)('$script', ({ script, expected }) => {
    expect(packageUpdates(parseShell(script)).map((u) => u.manager)).toEqual(expected);
  });
});

describe('packageCleans', () => {
  const cases: { script: string; expected: [manager: string, paths?: string[]][] }[] = [
    { script: 'apt-get install -y x && rm -rf /var/lib/apt/lists/*', expected: [['apt-get', ['/var/lib/apt/lists/*']]] },
    { script: 'apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/*', expected: [['apt-get'], ['apt-get', ['/var/lib/apt/lists/*']]] },
    { script: 'yum clean all && dnf clean all && microdnf clean all', expected: [['yum'], ['dnf'], ['microdnf']] },
    { script: 'zypper cc -a; apk cache clean; pip cache purge; npm cache clean --force', expected: [['zypper'], ['apk'], ['pip'], ['npm']] },
    { script: 'rm -rf /var/cache/apk/* ~/.cache/pip "$HOME/.npm"', expected: [['apk', ['/var/cache/apk/*']], ['pip', ['~/.cache/pip']], ['npm', ['<"$HOME/.npm">']]] },
    { script: 'rm -rf /tmp/*', expected: [] },
  ];
  it.each(cases)('$script', ({ script, expected }) => {
    const cleans = packageCleans(parseShell(script));
    expect(cleans.map((c) => [c.manager, ...(c.paths ? [c.paths.map((p) => p.value ?? `<${p.text}>`)] : [])])).toEqual(expected);
  });
});
