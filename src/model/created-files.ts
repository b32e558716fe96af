/** Files a RUN writes at known absolute paths: what a later `rm` would only hide. */
import type { RunInfo } from './run.ts';
import { flagValues, isCommand, unwrap } from './shell/index.ts';

/** a static absolute path, cleaned of a trailing slash */
export function absolutePath(p: string | undefined): string | undefined {
  return p && p.startsWith('/') ? p.replace(/\/+$/, '') || '/' : undefined;
}

/** `curl -o F`, `wget -O F`, `dd of=F`, `touch F`, `> F` / `>> F` (not /dev/*) */
export function createdFiles(run: RunInfo): string[] {
  const out: (string | undefined)[] = [];
  for (const c of run.commands) {
    if (isCommand(c, 'curl')) out.push(...flagValues(c, 'o', 'output'));
    if (isCommand(c, 'wget')) out.push(...flagValues(c, 'O', 'output-document'));
    const real = unwrap(c);
    const name = real.name?.value;
    if (name === 'dd') for (const a of real.args) if (a.value?.startsWith('of=')) out.push(a.value.slice(3));
    if (name === 'touch') for (const a of real.args) if (a.value && !a.value.startsWith('-')) out.push(a.value);
    for (const r of c.redirects) if ((r.op === '>' || r.op === '>>' || r.op === '>|') && r.target?.value) out.push(r.target.value);
  }
  return out.map(absolutePath).filter((p): p is string => p !== undefined && !p.startsWith('/dev/'));
}
