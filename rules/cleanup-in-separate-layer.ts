import { fix, lineEnding } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { CommandInstruction, CopyInstruction, Instruction } from '../src/parser/ast.ts';
import type { TextEdit } from '../src/linter/types.ts';
import { flagValues, type InstructionInfo, type PackageManager, type RemovedPath, type RunInfo, type ShellCommand } from '../src/model/index.ts';
import { packageName, removedPackageNames } from '../src/model/build-tools.ts';
import { hasPackageCacheMount } from '../src/model/cache-mount.ts';
import { copyToBindMount } from '../src/fix/bind-mount.ts';
import { mergeRunEdits } from '../src/fix/run-merge.ts';
import { workdirBefore } from '../src/model/workdir.ts';
import { absolutePath, createdFiles } from '../src/model/created-files.ts';

const OS_MANAGERS = new Set<PackageManager>(['apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf', 'zypper']);
/** `apt` and `apt-get` share their cache */
const cacheOwner = (m: PackageManager): PackageManager => (m === 'apt' ? 'apt-get' : m);

/** what earlier layers of a stage put there: package names, files, package caches; each with the instruction */
interface Layers {
  packages: Map<string, Instruction>;
  files: Map<string, Instruction>;
  caches: Map<PackageManager, Instruction>;
}

const copyLayers = (l: Layers): Layers => ({ packages: new Map(l.packages), files: new Map(l.files), caches: new Map(l.caches) });

interface Cleanup {
  command: ShellCommand;
  /** the instruction that created what it removes */
  creator: Instruction;
  what: string;
  /** for a file: the `rm` operand that removes it, and the file's path */
  removes?: { operand: RemovedPath; file: string };
}

export default defineRule({
  meta: {
    id: 'cleanup-in-separate-layer',
    aliases: [],
    severity: 'warning',
    category: 'size',
    fixable: 'unsafe',
    docs: {
      summary: 'Removing files or packages in a later layer does not make the image smaller',
      description: 'Reports a RUN that removes what an earlier instruction of the same stage (or a stage it builds on) added: packages installed by an earlier RUN (`apt-get purge`, `apk del`, `dnf remove` ...), a package manager cache filled by an earlier RUN (`apt-get clean`, `rm -rf /var/lib/apt/lists/*` ...), or a file added by COPY/ADD or downloaded by an earlier RUN (`rm`).',
      why: 'Layers only add: a file deleted in a later layer is hidden, but its bytes stay in the earlier layer and are pulled with the image. Cleanup saves space only in the RUN that created the files.',
      bad: 'FROM debian\nRUN apt-get update && apt-get install -y build-essential\nRUN make -C /src\nRUN apt-get purge -y build-essential && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian\nRUN apt-get update && apt-get install -y build-essential \\\n && make -C /src \\\n && apt-get purge -y build-essential && rm -rf /var/lib/apt/lists/*\n',
      fixSafety: 'Unsafe, in two cases only. A RUN made only of cleanup that directly follows the RUN that created everything it removes is merged into it (`RUN install && cleanup`), so the files never reach a layer. A file COPYed, then used by the RUNs after it and removed by one of them (`COPY x /tmp/x` + `RUN use /tmp/x` + `RUN rm /tmp/x`) is never copied: every RUN from the COPY to the removal gets a read-write bind mount of it (`RUN --mount=type=bind,source=x,target=/tmp/x,rw use /tmp/x`) and the `rm` goes (a RUN that only removed it goes whole); the script around it is cut by the shell parser\'s ranges, so an `if ... fi` before the `rm` stays whole. With RUNs between, only when the build context shows x is a file (a folder\'s build output would die with each RUN), no RUN but the last changes its mode or owner, and none moves or rewrites it. Both change the order in which files exist: a command that relied on the removed files being in a layer behaves differently. The mount needs BuildKit (Docker 20.10 and later, whose built-in frontend has RUN --mount: no `# syntax=` line is added, which would make every build pull docker/dockerfile) or Buildah/Podman; no fix when the file\'s `# syntax=` names docker/dockerfile 1.0 or 1.1 or another frontend, or on Windows images; the legacy builder (DOCKER_BUILDKIT=0) cannot build the result.',
    },
  },
  create(ctx) {
    const model = ctx.model;
    const eol = lineEnding(ctx.source);
    const layers = new Map<string, Layers>();
    const keyOf = (info: InstructionInfo) => `${info.stage?.index ?? -1}:${info.onbuild}`;
    const stateOf = (info: InstructionInfo): Layers => {
      const key = keyOf(info);
      let state = layers.get(key);
      if (!state) {
        const base = info.stage?.baseStage && !info.onbuild ? layers.get(`${info.stage.baseStage.index}:false`) : undefined;
        state = base ? copyLayers(base) : { packages: new Map(), files: new Map(), caches: new Map() };
        layers.set(key, state);
      }
      return state;
    };
    const lineOf = (ins: Instruction) => ctx.df.lines.position(ins.start).line;

    const onCopy = (copy: CopyInstruction, info: InstructionInfo) => {
      const state = stateOf(info);
      const dest = copy.destination ? info.scope.expand(copy.destination.raw).value : undefined;
      if (dest === undefined) return;
      const dir = dest.startsWith('/') ? dest : workdirBefore(model, copy) !== undefined ? `${workdirBefore(model, copy)}/${dest}` : undefined;
      if (dir === undefined) return;
      for (const s of copy.sources) {
        if (/^[a-z]+:\/\//i.test(s.value)) continue;
        const name = s.value.replace(/\/+$/, '').split('/').pop() ?? '';
        const target = dest.endsWith('/') || copy.sources.length > 1 ? `${dir.replace(/\/+$/, '')}/${name}` : dir;
        const path = absolutePath(target.replace(/\/\.\//g, '/'));
        if (path) state.files.set(path, copy);
      }
    };

    /** one finding per command; the fixes need every cleanup of the RUN to come from one creator */
    const reportCleanups = (run: RunInfo, cleanups: Cleanup[]) => {
      const byCommand = new Map<ShellCommand, Cleanup[]>();
      for (const c of cleanups) byCommand.set(c.command, [...(byCommand.get(c.command) ?? []), c]);
      const creators = new Set(cleanups.map((c) => c.creator));
      const cleanupOnly = run.commands.every((c) => byCommand.has(c) || c.name === undefined);
      const creator = [...creators][0];
      let mergeEdits: TextEdit[] | undefined;
      if (creators.size === 1 && creator?.keyword === 'RUN' && cleanupOnly) {
        mergeEdits = mergeRunEdits(model, ctx.source, creator as CommandInstruction, run.ins, eol)?.edits;
      }
      let fixed = false;
      for (const [command, found] of byCommand) {
        const first = found[0]!;
        let edits = !fixed ? mergeEdits : undefined;
        if (!edits && !fixed && creators.size === 1 && first.creator.keyword === 'COPY' && found.length === 1 && first.removes) {
          edits = copyToBindMount(model, first.creator as CopyInstruction, run, first.removes.operand, first.removes.file);
        }
        if (edits) fixed = true;
        ctx.report({
          span: { start: command.start, end: command.end },
          message: `${found.map((f) => f.what).join(', ')} ${found.length > 1 ? 'were' : 'was'} added on line ${lineOf(first.creator.parent ?? first.creator)}; removing ${found.length > 1 ? 'them' : 'it'} in a later layer leaves the bytes in the image. Clean up in the instruction that adds ${found.length > 1 ? 'them' : 'it'}`,
          ...(edits ? { fix: fix('clean up in the layer that adds the files', 'unsafe', ...edits) } : {}),
        });
      }
    };

    return {
      COPY: onCopy,
      ADD: onCopy,
      run(run, info) {
        const state = stateOf(info);
        // small functions: V8 optimises each on its own, and a rare path (a finding, a fix)
        // does not throw away the optimised code of the common one
        const removedNames = run.commands.map(removedPackageNames);
        const cleanups = cleanupsIn(run, state, removedNames);
        if (cleanups.length > 0) reportCleanups(run, cleanups);
        recordLayer(run, state, removedNames);
      },
    };
  },
});

/** what the RUN removes that an earlier layer of the stage added */
function cleanupsIn(run: RunInfo, state: Layers, removedNames: readonly (readonly string[])[]): Cleanup[] {
  const cleanups: Cleanup[] = [];
  const installsHere = new Set(run.installs.map((i) => cacheOwner(i.manager)));
  for (const [k, c] of run.commands.entries()) {
    for (const name of removedNames[k]!) {
      const creator = state.packages.get(name);
      if (creator && creator !== run.ins) cleanups.push({ command: c, creator, what: `\`${name}\`` });
    }
  }
  for (const clean of run.cleans) {
    const creator = state.caches.get(cacheOwner(clean.manager));
    if (creator && !installsHere.has(cacheOwner(clean.manager))) cleanups.push({ command: clean.command, creator, what: `the ${clean.manager} cache` });
  }
  for (const r of run.removed) {
    const path = absolutePath(r.path.value);
    if (!path) continue;
    for (const [file, creator] of state.files) {
      if (file === path || file.startsWith(`${path}/`)) {
        cleanups.push({ command: r.command, creator, what: `\`${file}\``, removes: { operand: r, file } });
        break;
      }
    }
  }
  return cleanups;
}

/** what this RUN leaves behind for later layers */
function recordLayer(run: RunInfo, state: Layers, removedNames: readonly (readonly string[])[]): void {
  const removedHere = new Set<string>();
  for (const names of removedNames) for (const name of names) removedHere.add(name);
  for (const install of run.installs) {
    if (OS_MANAGERS.has(install.manager)) {
      for (const w of install.packages) {
        const name = packageName(w);
        if (name && !removedHere.has(name)) state.packages.set(name, run.ins);
      }
      for (const v of flagValues(install.command, 't', 'virtual')) if (!removedHere.has(v.toLowerCase())) state.packages.set(v.toLowerCase(), run.ins);
    }
    const cleanedHere = run.cleans.some((c) => cacheOwner(c.manager) === cacheOwner(install.manager) && c.command.start > install.command.start);
    if (!cleanedHere && !hasPackageCacheMount(run, install.manager)) state.caches.set(cacheOwner(install.manager), run.ins);
  }
  for (const update of run.updates) {
    const cleanedHere = run.cleans.some((c) => cacheOwner(c.manager) === cacheOwner(update.manager) && c.command.start > update.command.start);
    if (!cleanedHere && !hasPackageCacheMount(run, update.manager)) state.caches.set(cacheOwner(update.manager), run.ins);
  }
  for (const clean of run.cleans) state.caches.delete(cacheOwner(clean.manager));
  const removedPaths = run.removed.map((r) => absolutePath(r.path.value)).filter((p): p is string => p !== undefined);
  for (const file of createdFiles(run)) if (!removedPaths.some((p) => file === p || file.startsWith(`${p}/`))) state.files.set(file, run.ins);
  // deleting the entry being visited is safe in a Map's iteration: no copy of the keys
  for (const p of removedPaths) for (const file of state.files.keys()) if (file === p || file.startsWith(`${p}/`)) state.files.delete(file);
}
