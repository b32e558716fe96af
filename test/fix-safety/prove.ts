/**
 * Proof by building: the case's Dockerfile and its fixed version are built with a real engine
 * and compared the way the case names (files, installed packages, configuration, commands).
 * Each problem is one line; a safe fix has none.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffConfig, type ImageConfig } from '../../src/engine/image-config.ts';
import { diffFiles, isSelected, type ImageFiles } from '../../src/engine/image-files.ts';
import { diffPackages, installedPackages, PACKAGE_DATABASES, type InstalledPackages } from '../../src/engine/packages.ts';
import type { Engine, RunOutcome } from '../../src/engine/types.ts';
import { readInstructions } from '../../src/verify/instructions.ts';
import type { CaseCommand, FixSafetyCase, Variant } from './cases.ts';

interface Built {
  ok: true;
  /** build, reads and command runs of this image */
  seconds: number;
  files: ImageFiles;
  packages?: InstalledPackages;
  config: ImageConfig;
  commands: RunOutcome[];
}

interface NotBuilt {
  ok: false;
  /** the failed build */
  seconds: number;
  /** the end of the build log */
  log: string;
}

export type ImageReading = Built | NotBuilt;

/**
 * At most `limit` tasks at once (the engine shares two cores with the rest of the test run);
 * urgent tasks before the others, each kind in arrival order.
 */
class Limiter {
  private running = 0;
  private readonly waiting: { urgent: boolean; start: () => void }[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(urgent: boolean, task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((start) => {
        const at = urgent ? this.waiting.findIndex((w) => !w.urgent) : -1;
        this.waiting.splice(at === -1 ? this.waiting.length : at, 0, { urgent, start });
      });
    }
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.start();
    }
  }
}

/** The instructions before the first COPY or ADD: the steps whose cache does not depend on the context. */
function contextFreeSteps(text: string): { keyword: string; text: string }[] {
  const steps: { keyword: string; text: string }[] = [];
  for (const ins of readInstructions(text)) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') break;
    steps.push(ins);
  }
  return steps;
}

/** Whether two builds start with the same RUN (after the same FROM and the same other steps): the second can take it from the cache. */
function shareRun(a: readonly { keyword: string; text: string }[], b: readonly { keyword: string; text: string }[]): boolean {
  for (let i = 0; i < a.length && i < b.length && a[i]!.text === b[i]!.text; i++) if (a[i]!.keyword === 'RUN') return true;
  return false;
}

function describeCommand(command: CaseCommand): string {
  return command.sh !== undefined ? `sh -c '${command.sh}'` : `run ${JSON.stringify(command.args ?? [])}`;
}

/** Builds (each distinct Dockerfile of a case once) and reads the images; removes them all in `cleanup`. */
export class Prover {
  private readonly runId = randomBytes(4).toString('hex');
  private readonly readings = new Map<string, Promise<ImageReading>>();
  /** builds asked for so far, with the steps a later build could find in the cache */
  private readonly scheduled: { steps: { keyword: string; text: string }[]; done: Promise<unknown> }[] = [];
  private readonly tags: string[] = [];
  private readonly limiter: Limiter;
  private workDir: Promise<string> | undefined;
  private heredocs: Promise<boolean> | undefined;

  constructor(
    readonly engine: Engine,
    concurrency: number,
  ) {
    this.limiter = new Limiter(concurrency);
  }

  /**
   * The image of `text` built in the case's folder, and what the case compares in it. A build
   * that starts with the same RUN as one asked for earlier waits for it, so that the engine runs
   * that step once (apt-get update, an install) and the second build takes it from the cache:
   * BuildKit does not share a step between builds that run it at the same time.
   */
  image(c: FixSafetyCase, text: string, label: string): Promise<ImageReading> {
    const key = `${c.name}\0${text}`;
    let reading = this.readings.get(key);
    if (!reading) {
      const steps = contextFreeSteps(text);
      const earlier = this.scheduled.filter((other) => shareRun(other.steps, steps)).map((other) => other.done);
      // the apt builds are the long chains (apt-get update, then installs that wait for it): first
      reading = Promise.all(earlier).then(() => this.limiter.run(c.spec.aptMirror ?? false, () => this.buildAndRead(c, text, label)));
      this.readings.set(key, reading);
      this.scheduled.push({ steps, done: reading.catch(() => undefined) });
    }
    return reading;
  }

  /** Dockerfiles are written here, outside the case's folder, which is the build context as it is. */
  private scratch(): Promise<string> {
    this.workDir ??= mkdtemp(join(tmpdir(), 'tslint-docker-fix-safety-'));
    return this.workDir;
  }

  /** Tags are unique to this run, and removed at its end: other builds share the engine. */
  private tag(name: string): string {
    const tag = `tslint-docker-fix-safety-${this.runId}:${name}`;
    this.tags.push(tag);
    return tag;
  }

  private async buildAndRead(c: FixSafetyCase, text: string, label: string): Promise<ImageReading> {
    const dockerfile = join(await this.scratch(), `${c.name}.${label}.Dockerfile`);
    await writeFile(dockerfile, text);
    const tag = this.tag(`${c.name}-${label}`);
    const started = performance.now();
    const outcome = await this.engine.build({ contextDir: c.dir, dockerfile, tag, network: 'host' });
    if (!outcome.ok) return { ok: false, seconds: outcome.seconds, log: outcome.log.trim().split('\n').slice(-12).join('\n') };
    const paths = [...(c.spec.files ?? []), ...Object.values(PACKAGE_DATABASES).flat()];
    const [facts, files] = await Promise.all([this.engine.inspect(tag), this.engine.readFiles(tag, { paths, bodies: true })]);
    const commands: RunOutcome[] = [];
    for (const command of c.spec.commands ?? []) {
      const request = command.sh !== undefined ? { entrypoint: ['/bin/sh', '-c'], args: [command.sh] } : { args: command.args ?? [] };
      commands.push(await this.engine.run(tag, request));
    }
    const packages = installedPackages(files);
    const seconds = (performance.now() - started) / 1000;
    return { ok: true, seconds, files, config: facts.config, commands, ...(packages ? { packages } : {}) };
  }

  /** Every way the fixed image differs from the original beyond what the fix's rule doc allows. */
  compare(c: FixSafetyCase, variant: Variant, original: ImageReading, fixed: ImageReading): string[] {
    if (!original.ok) return [`the original Dockerfile does not build (the case is wrong):\n${original.log}`];
    if (!fixed.ok) {
      if (variant === 'unsafe' && c.spec.unsafeMayBreakBuild) return [];
      return [`the ${variant}-fixed Dockerfile does not build, the original does:\n${fixed.log}`];
    }
    if (variant === 'unsafe' && c.spec.unsafeMayChange) return [];
    const problems: string[] = [];
    const named = { paths: c.spec.files ?? [] };
    const pick = (files: ImageFiles): ImageFiles => new Map([...files].filter(([path]) => isSelected(path, named)));
    for (const difference of diffFiles(pick(original.files), pick(fixed.files))) problems.push(`${difference.path}: ${difference.change}`);

    const mayRemove = new Set(c.spec.mayRemovePackages ?? []);
    const mayAdd = new Set(c.spec.mayAddPackages ?? []);
    const packages = diffPackages(original.packages?.packages ?? [], fixed.packages?.packages ?? []);
    for (const p of packages.removed) if (!mayRemove.has(p.name)) problems.push(`package ${p.name} removed`);
    for (const p of packages.added) if (!mayAdd.has(p.name)) problems.push(`package ${p.name} added`);
    for (const { before, after } of packages.changed) problems.push(`package ${before.name} ${before.version} became ${after.version}`);

    const mayChange = new Set(c.spec.mayChangeConfig ?? []);
    for (const key of diffConfig(original.config, fixed.config)) {
      if (!mayChange.has(key)) problems.push(`config ${key}: ${JSON.stringify(original.config[key])} became ${JSON.stringify(fixed.config[key])}`);
    }

    (c.spec.commands ?? []).forEach((command, i) => {
      const [before, after] = [original.commands[i]!, fixed.commands[i]!];
      if (before.exitCode !== after.exitCode) problems.push(`${describeCommand(command)}: exit ${before.exitCode} became ${after.exitCode} (${after.stderr.trim().split('\n')[0] ?? ''})`);
      if (before.stdout !== after.stdout) problems.push(`${describeCommand(command)}: stdout ${JSON.stringify(before.stdout)} became ${JSON.stringify(after.stdout)}`);
    });
    return problems;
  }

  /** Whether the engine's Dockerfile frontend runs heredocs (`RUN <<EOF`), asked once by a tiny build. */
  supportsHeredocs(): Promise<boolean> {
    this.heredocs ??= this.limiter.run(true, async () => {
      const dir = await this.scratch();
      const dockerfile = join(dir, 'heredoc-probe.Dockerfile');
      await writeFile(dockerfile, 'FROM busybox\nRUN <<EOF\ntrue\nEOF\n');
      const tag = this.tag('heredoc-probe');
      return (await this.engine.build({ contextDir: dir, dockerfile, tag, network: 'host' })).ok;
    });
    return this.heredocs;
  }

  async cleanup(): Promise<void> {
    await this.engine.removeImages(this.tags).catch(() => undefined);
    if (this.workDir) await rm(await this.workDir, { recursive: true, force: true });
  }
}
