/**
 * Regenerates src/model/apt-recommends-data.ts: for the Debian packages Dockerfiles install
 * most, what `apt-get install --no-install-recommends PKG` leaves out compared with
 * `apt-get install PKG` on a fresh debian:bookworm (the packages APT would have installed only
 * because PKG or one of its dependencies recommends them). Found by simulating both installs
 * (`apt-get install -s`) in a container, so the table is what APT really does, transitive
 * recommends included (curl itself recommends nothing; its libcurl4 recommends ca-certificates).
 * Which of the left-out packages ship programs (files in bin/, sbin/, usr/bin/, usr/sbin/)
 * comes from the suite's Contents indexes on the mirror.
 *
 * The packages: those already in the table, those installed with apt in at least --min-files
 * files of --corpus (default: none), and any named on the command line. `--simulation FILE`
 * reads the container's output from a file (saved with `docker logs`) instead of running it.
 *
 * Usage: npx tsx scripts/gen-apt-recommends.ts [--corpus DIR] [--min-files N] [--image IMAGE] [--simulation FILE] [PKG...]
 * Needs Docker with network access to the Debian mirror (it runs `docker run --network host`).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APT_DROPPED_RECOMMENDS } from '../src/model/apt-recommends-data.ts';
import { buildModel } from '../src/model/index.ts';
import { parseDockerfile } from '../src/parser/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src/model/apt-recommends-data.ts');
/** names listed per package; the count says how many there are in all */
const LISTED = 8;
/** the suite's file indexes: which package ships which file */
const CONTENTS = ['main/Contents-amd64.gz', 'main/Contents-all.gz'].map((f) => `http://deb.debian.org/debian/dists/bookworm/${f}`);
const PROGRAM_DIRS = /^(usr\/)?s?bin\/[^/]+$/;

/** the simulation, run by bash in the container: one `pkg|dropped...|Recommends field` line per package */
const SIMULATE = String.raw`
set -u
apt-get update -qq >/dev/null
# what keeping ca-certificates keeps (its dependencies)
echo "ca-certificates|CLOSURE|$(apt-get install -s -qq --no-install-recommends ca-certificates | awk '/^Inst /{print $2}' | tr '
' ' ')"
for p in "$@"; do
  with=$(apt-get install -s -qq "$p" 2>/dev/null | awk '/^Inst /{print $2}' | sort)
  if ! apt-cache show --no-all-versions "$p" >/dev/null 2>&1; then echo "$p|MISSING|"; continue; fi
  without=$(apt-get install -s -qq --no-install-recommends "$p" 2>/dev/null | awk '/^Inst /{print $2}' | sort)
  dropped=$(comm -23 <(printf '%s\n' "$with") <(printf '%s\n' "$without") | grep . | tr '\n' ' ')
  recommends=$(apt-cache show --no-all-versions "$p" | sed -n 's/^Recommends: //p' | head -n 1)
  echo "$p|$dropped|$recommends"
done
`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** apt package names installed in at least `minFiles` files of the corpus */
function corpusPackages(dir: string, minFiles: number): string[] {
  const files = new Map<string, number>();
  for (const name of readdirSync(dir)) {
    const model = buildModel(parseDockerfile(readFileSync(join(dir, name), 'utf8')));
    const seen = new Set<string>();
    for (const info of model.instructions) {
      for (const install of model.run(info.ins)?.installs ?? []) {
        if (install.manager !== 'apt-get' && install.manager !== 'apt') continue;
        for (const p of install.packages) {
          const pkg = p.value?.replace(/[=/].*$/, '');
          if (pkg !== undefined && /^[a-z0-9][a-z0-9+.-]+$/.test(pkg)) seen.add(pkg);
        }
      }
    }
    for (const pkg of seen) files.set(pkg, (files.get(pkg) ?? 0) + 1);
  }
  return [...files].filter(([, n]) => n >= minFiles).map(([pkg]) => pkg);
}

/** ca-certificates first (the fix keeps it), then what the package itself recommends, then the rest */
function ordered(dropped: string[], recommendsField: string): string[] {
  const direct = recommendsField.split(/[,|]/).map((r) => r.trim().split(/[\s(:]/)[0]!).filter(Boolean);
  const rank = (p: string) => (p === 'ca-certificates' ? 0 : direct.includes(p) ? 1 : 2);
  return [...dropped].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** packages that ship a program (a file directly in bin/, sbin/, usr/bin/ or usr/sbin/) */
async function programPackages(): Promise<Set<string>> {
  const found = new Set<string>();
  for (const url of CONTENTS) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const text = gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
    for (const line of text.split('\n')) {
      const at = line.search(/\s+\S+$/);
      if (at <= 0 || !PROGRAM_DIRS.test(line.slice(0, at))) continue;
      for (const entry of line.slice(at).trim().split(',')) found.add(entry.slice(entry.lastIndexOf('/') + 1));
    }
  }
  return found;
}

async function main(): Promise<void> {
  const image = arg('--image') ?? 'debian:bookworm';
  const corpus = arg('--corpus');
  const named = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const packages = new Set([...Object.keys(APT_DROPPED_RECOMMENDS), ...named]);
  if (corpus) for (const p of corpusPackages(corpus, Number(arg('--min-files') ?? 5))) packages.add(p);
  const list = [...packages].sort();
  const saved = arg('--simulation');
  console.error(saved ? `reading ${saved}` : `simulating ${list.length} packages in ${image} ...`);
  const output = saved ? readFileSync(saved, 'utf8') : execFileSync('docker', ['run', '--rm', '-i', '--network', 'host', image, 'bash', '-s', '--', ...list], {
    input: SIMULATE, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  const programs = await programPackages();
  const table = new Map<string, string>();
  const withPrograms = new Map<string, string>();
  let caClosure = new Set<string>();
  for (const line of output.split('\n')) {
    const [pkg, dropped, recommends] = line.split('|');
    if (pkg === 'ca-certificates' && dropped === 'CLOSURE') caClosure = new Set((recommends ?? '').trim().split(/\s+/));
    if (pkg === undefined || dropped === undefined || dropped === 'MISSING' || dropped === 'CLOSURE' || !packages.has(pkg)) continue;
    const names = ordered(dropped.trim().split(/\s+/).filter(Boolean), recommends ?? '');
    table.set(pkg, [String(names.length), ...names.slice(0, LISTED)].join(' '));
    // the fix keeps ca-certificates, and with it what it depends on
    const active = names.filter((n) => programs.has(n) && !caClosure.has(n));
    if (active.length > 0) withPrograms.set(pkg, [String(active.length), ...active.slice(0, LISTED)].join(' '));
  }
  if (caClosure.size === 0) throw new Error('the simulation did not report what ca-certificates depends on');
  const quote = (s: string) => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : `'${s}'`);
  writeFileSync(OUT, [
    `// Generated by scripts/gen-apt-recommends.ts from ${image}'s package metadata: do not edit.`,
    '/**',
    ' * What `apt-get install --no-install-recommends PKG` leaves out, compared with `apt-get install PKG`,',
    ` * on a fresh ${image}: "<count> <name> ...", at most ${LISTED} names, ca-certificates first, then what`,
    ' * PKG itself recommends. "0": nothing. Packages missing here are not known.',
    ' */',
    'export const APT_DROPPED_RECOMMENDS: Readonly<Record<string, string>> = {',
    ...[...table].sort(([a], [b]) => a.localeCompare(b)).map(([pkg, v]) => `  ${quote(pkg)}: '${v}',`),
    '};',
    '',
    '/**',
    ' * Of what the flag leaves out, the packages that ship programs (in bin/, sbin/, usr/bin/, usr/sbin/,',
    ` * from the suite's Contents indexes), ca-certificates and what it depends on (${[...caClosure].sort().join(', ')}) aside:`,
    ' * "<count> <name> ...". A package missing here leaves out no program.',
    ' */',
    'export const APT_DROPPED_PROGRAMS: Readonly<Record<string, string>> = {',
    ...[...withPrograms].sort(([a], [b]) => a.localeCompare(b)).map(([pkg, v]) => `  ${quote(pkg)}: '${v}',`),
    '};',
    '',
  ].join('\n'));
  console.error(`${table.size} packages written to ${OUT} (${withPrograms.size} leave out programs)`);
}

await main();
