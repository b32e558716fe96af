/**
 * What `--no-install-recommends` changes for an apt install: whether an earlier step already
 * told APT not to install recommended packages (then the flag changes nothing), and which
 * packages it leaves out (the generated table of apt-recommends-data.ts, from Debian 12).
 * ca-certificates matters most: curl, wget, git and gnupg's dirmngr only recommend it (through
 * libcurl, libssl...), and without it every `https://` download of a later step fails.
 */
import type { CopyInstruction, Instruction } from '../parser/ast.ts';
import { APT_DROPPED_PROGRAMS, APT_DROPPED_RECOMMENDS } from './apt-recommends-data.ts';
import type { DockerfileModel, Stage } from './model.ts';
import { perModel } from './per-model.ts';
import type { PackageInstall } from './shell/packages.ts';
import type { ShellCommand, ShellWord } from './shell/types.ts';

/** `APT::Install-Recommends "false";` (also `0`, `no`, unquoted, or `Install-Recommends` in an `APT { }` block) */
const RECOMMENDS_OFF = /\bInstall-Recommends\s+"?\s*(?:false|0|no|off)\b/i;
/** APT's configuration: /etc/apt/apt.conf and the files of /etc/apt/apt.conf.d */
const APT_CONF = /^\/etc\/apt\/apt\.conf(?:\.d(?:\/|$)|$)/;
/** a configuration file named for it, copied from the context: `99no-recommends`, `no-install-recommends.conf` */
const NAMED_FOR_IT = /no-?(install-?)?recommends/i;

export const CA_CERTIFICATES = 'ca-certificates';

/** what a stage (ONBUILD triggers aside) does that later apt installs depend on */
interface StageApt {
  /** source offset of the first step that turns recommends off */
  recommendsOffAt?: number;
  /** apt package name -> source offset of its first install */
  installedAt: Map<string, number>;
}

interface ModelApt {
  stages: Map<Stage, StageApt>;
  /** per question (`recommends off`, `installed PKG`): whether a stage a stage builds on answers yes */
  inherited: Map<string, Map<Stage, boolean>>;
}

/** one pass over the file, the first time a rule asks */
const modelApt = perModel((model): ModelApt => {
  const map = new Map<Stage, StageApt>();
  for (const info of model.instructions) {
    if (!info.stage || info.onbuild) continue;
    let s = map.get(info.stage);
    if (!s) map.set(info.stage, (s = { installedAt: new Map() }));
    const off = recommendsOffBy(model, info.ins);
    if (off !== undefined && s.recommendsOffAt === undefined) s.recommendsOffAt = off;
    for (const install of model.run(info.ins)?.installs ?? []) {
      if (install.manager !== 'apt-get' && install.manager !== 'apt') continue;
      for (const p of install.packages) {
        const name = aptPackageName(p);
        if (name !== undefined && !s.installedAt.has(name)) s.installedAt.set(name, install.command.start);
      }
    }
  }
  return { stages: map, inherited: new Map() };
});

/**
 * Per stage, whether a stage it builds on (its base, or further up) answers yes to `has`: one
 * pass over the stages (a base always comes before the stages built on it), once per question.
 */
function inherited(model: DockerfileModel, apt: ModelApt, question: string, has: (s: Stage) => boolean): Map<Stage, boolean> {
  let answers = apt.inherited.get(question);
  if (!answers) {
    answers = new Map();
    for (const s of model.stages) {
      const base = s.baseStage;
      answers.set(s, base !== undefined && (answers.get(base) === true || has(base)));
    }
    apt.inherited.set(question, answers);
  }
  return answers;
}

/** where the instruction writes an APT configuration that turns recommends off, if it does */
function recommendsOffBy(model: DockerfileModel, ins: Instruction): number | undefined {
  if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
    const copy = ins as CopyInstruction;
    const dest = copy.destination?.value ?? '';
    if (!APT_CONF.test(dest)) return undefined;
    const says = copy.heredocs.some((h) => RECOMMENDS_OFF.test(h.content))
      || NAMED_FOR_IT.test(dest) || copy.sources.some((s) => NAMED_FOR_IT.test(s.value));
    return says ? ins.start : undefined;
  }
  const run = model.run(ins);
  if (!run) return undefined;
  // `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/x`, `... | tee /etc/apt/apt.conf.d/x`, `cat > ... <<EOF`
  let says = false;
  let writesAt: number | undefined;
  for (const c of run.commands) {
    if (!says) says = c.args.some(saysOff) || c.redirects.some((r) => r.body !== undefined && saysOff(r.body));
    if (writesAt === undefined && writesAptConf(c)) writesAt = c.start;
  }
  return says ? writesAt : undefined;
}

const saysOff = (w: ShellWord): boolean => RECOMMENDS_OFF.test(w.value ?? w.text);

function writesAptConf(c: ShellCommand): boolean {
  const isConf = (w: ShellWord | undefined) => w !== undefined && APT_CONF.test(w.value ?? '');
  return c.redirects.some((r) => r.op.includes('>') && isConf(r.target)) || (c.program !== 'rm' && c.args.some(isConf));
}

/** the package name of an apt operand: `curl=7.88*`, `curl/bookworm-backports`, `curl:amd64` -> `curl` */
export function aptPackageName(word: ShellWord): string | undefined {
  return word.value?.replace(/[=/].*$/, '').replace(/:[a-z0-9-]+$/, '').toLowerCase() || undefined;
}

/**
 * Whether APT installs no recommended packages at `offset` (an install command's start): an
 * earlier step of the stage, or of a stage it builds on, configured `APT::Install-Recommends
 * "false"` (ONBUILD triggers aside).
 */
export function aptRecommendsOff(model: DockerfileModel, stage: Stage, offset: number): boolean {
  const apt = modelApt(model);
  const own = apt.stages.get(stage)?.recommendsOffAt;
  return (own !== undefined && own < offset)
    || inherited(model, apt, 'recommends off', (s) => apt.stages.get(s)?.recommendsOffAt !== undefined).get(stage) === true;
}

/** Whether an earlier apt install of the stage (or a stage it builds on) installed `pkg` before `offset`. */
export function aptInstalledBefore(model: DockerfileModel, stage: Stage, offset: number, pkg: string): boolean {
  const apt = modelApt(model);
  const own = apt.stages.get(stage)?.installedAt.get(pkg);
  return (own !== undefined && own < offset)
    || inherited(model, apt, `installed ${pkg}`, (s) => apt.stages.get(s)?.installedAt.has(pkg) === true).get(stage) === true;
}

export interface DroppedRecommends {
  /** how many packages the flag leaves out on Debian 12 */
  count: number;
  /** the first of them: ca-certificates first, then what the package itself recommends */
  names: readonly string[];
  /** how many of them ship programs (ca-certificates and its dependencies aside) */
  programCount: number;
  /** the first of those */
  programs: readonly string[];
}

/** "<count> <name> ..." */
function countAndNames(entry: string | undefined): [number, string[]] {
  if (entry === undefined) return [0, []];
  const [count, ...names] = entry.split(' ');
  return [Number(count), names];
}

/** What `--no-install-recommends` leaves out of an install of `pkg` on Debian 12; undefined when the table does not know it. */
export function droppedRecommends(pkg: string): DroppedRecommends | undefined {
  if (!Object.hasOwn(APT_DROPPED_RECOMMENDS, pkg)) return undefined;
  const [count, names] = countAndNames(APT_DROPPED_RECOMMENDS[pkg]);
  const [programCount, programs] = countAndNames(Object.hasOwn(APT_DROPPED_PROGRAMS, pkg) ? APT_DROPPED_PROGRAMS[pkg] : undefined);
  return { count, names, programCount, programs };
}

export interface RecommendsEffect {
  /** the packages of the install the table does not know (or that depend on a variable) */
  unknown: readonly ShellWord[];
  /** what the known packages leave out, ca-certificates first, without duplicates */
  dropped: readonly string[];
  /** some list of `dropped` was cut short: there are more */
  more: boolean;
  /** of `dropped`, the packages that ship programs a later step may run (ca-certificates and its dependencies aside) */
  programs: readonly string[];
}

/** What `--no-install-recommends` would leave out of this apt install, as far as the table knows. */
export function recommendsEffect(install: PackageInstall): RecommendsEffect {
  const unknown: ShellWord[] = [];
  const dropped = new Set<string>();
  const programs = new Set<string>();
  let more = false;
  for (const p of install.packages) {
    const name = aptPackageName(p);
    const d = name === undefined ? undefined : droppedRecommends(name);
    if (!d) {
      unknown.push(p);
      continue;
    }
    for (const n of d.names) dropped.add(n);
    for (const n of d.programs) programs.add(n);
    if (d.count > d.names.length) more = true;
  }
  const names = [...dropped];
  const ca = names.indexOf(CA_CERTIFICATES);
  if (ca > 0) names.unshift(...names.splice(ca, 1));
  return { unknown, dropped: names, more, programs: [...programs] };
}
