import { fix, insertAt, lineEnding, remove, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { CopyInstruction, Instruction } from '../src/parser/ast.ts';
import type { BuildContext, InstructionInfo, RunInfo, Stage } from '../src/model/index.ts';
import { cacheMountFlag, hasPackageCacheMount } from '../src/model/cache-mount.ts';
import { wholeContextSources } from '../src/model/context-copy.ts';
import { dependencyInstalls, manifestOptional, needsOnlyManifests, type DependencyInstall } from '../src/model/dependencies.ts';
import type { TextEdit } from '../src/linter/types.ts';

/** instructions that may stand between the copy and the install without changing the split */
const NEUTRAL = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER', 'WORKDIR', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'VOLUME', 'MAINTAINER']);

const top = (ins: Instruction): Instruction => ins.parent ?? ins;

/** manifests of the install that exist in the context and are not excluded by .dockerignore */
function presentManifests(context: BuildContext, dep: DependencyInstall): string[] {
  return dep.manifests.filter((m) => context.exists(m) && !context.ignored(m));
}

export default defineRule({
  meta: {
    id: 'cache-busting-copy',
    aliases: [],
    severity: 'warning',
    category: 'cache',
    fixable: 'unsafe',
    docs: {
      summary: 'Copy the dependency manifests, not the whole context, before installing dependencies',
      description: 'Reports a COPY/ADD of the whole build context (`COPY . .`, `ADD . /app`) followed, in the same stage, by a dependency install that only needs manifest files: `npm ci`/`npm install`, `yarn`, `pnpm install`, `pip install -r`, `poetry install`, `go mod download`, `mvn dependency:go-offline`/`package`, `gradle`, `cargo build`/`fetch`, `bundle install`, `composer install`. Not when the RUN tests whether the manifest exists (`if [ -s requirements.txt ]; then pip install -r requirements.txt; fi`: it is optional, and a COPY of a missing file fails), nor when the stage (or a stage it builds on) already installed that ecosystem\'s dependencies before the copy (`COPY pom.xml .` + `mvn dependency:go-offline`, then `COPY . .` + `mvn package`): the step after the copy builds, its dependencies are cached. The message names the manifests to copy first (those present in the build context when it is known).',
      why: 'A COPY step is cached only while every file it copies is unchanged. After `COPY . .`, any edit to any source file invalidates the cache of every later step, so each build re-downloads and reinstalls all dependencies. Copying the manifests first keeps the install cached until the dependencies themselves change.',
      bad: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n',
      good: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
      fixSafety: 'Unsafe: when the build context is known, the whole-context COPY is replaced by a COPY of the manifests present in it, and the original COPY is moved right after the install. Offered only when the install RUN is the next RUN, needs nothing but manifests (no `npm ci` followed by `npm run build` in the same RUN), no COPY/ADD stands between, and every manifest is a top-level file. An install hook (`postinstall`, `prepare`, a gemspec or setup.py read by the install) that reads other sources would no longer find them.',
    },
  },
  create(ctx) {
    const model = ctx.model;
    const context = model.context;
    const eol = lineEnding(ctx.source);

    /** `earlier`: the sources of the stage's COPYs before this one */
    const fixFor = (copy: CopyInstruction, earlier: ReadonlySet<string>, run: RunInfo, dep: DependencyInstall): TextEdit[] | undefined => {
      if (!context || copy.form !== 'shell' || copy.sources.length !== 1 || !copy.destination || !needsOnlyManifests(run)) return undefined;
      const manifests = presentManifests(context, dep);
      if (manifests[0] !== dep.manifests[0] && !dep.label.startsWith('pip')) return undefined;
      if (manifests.length === 0 || manifests.some((m) => m.includes('/') || /\s/.test(m))) return undefined;
      // already copied by an earlier COPY of the stage: only the whole copy moves
      const missing = manifests.filter((m) => !earlier.has(m));
      const dest = copy.destination.raw;
      const dir = dest === '.' ? './' : dest.endsWith('/') ? dest : `${dest}/`;
      const keyword = copy.keywordWord.raw === copy.keywordWord.raw.toLowerCase() ? 'copy' : 'COPY';
      const flags = copy.flags.map((f) => `${f.raw} `).join('');
      const whole = top(copy);
      const wholeText = ctx.source.slice(whole.start, whole.end);
      const runTop = top(run.ins);
      const runEndsLine = /\n$/.test(ctx.source.slice(runTop.start, runTop.fullEnd));
      const edits: TextEdit[] = [];
      if (missing.length > 0) edits.push(replace(copy, `${keyword} ${flags}${missing.join(' ')} ${dir}`));
      else {
        const lineStart = ctx.df.lines.offsetAt(ctx.df.lines.position(whole.start).line, 1);
        edits.push(remove({ start: lineStart, end: whole.fullEnd }));
      }
      edits.push(insertAt(runTop.fullEnd, `${runEndsLine ? '' : eol}${wholeText}${runEndsLine ? eol : ''}`));
      return edits;
    };

    const keyOf = (info: InstructionInfo) => `${info.stage?.index ?? -1}:${info.onbuild}`;
    /** per stage and ONBUILD-ness: RUNs seen so far, and the sources its COPYs copied */
    const runsSeen = new Map<string, number>();
    const copied = new Map<string, Set<string>>();
    /** instructions seen so far that may not stand between a copy and the install it moves before */
    let blockers = 0;
    /** whole-context copies waiting for an install, per stage and ONBUILD-ness, with what the fix needs to know */
    const pending = new Map<string, { copy: CopyInstruction; runsBefore: number; blockersBefore: number; earlier: ReadonlySet<string> }[]>();
    /** ecosystems whose dependencies a stage installed before copying the whole context, per stage and ONBUILD-ness */
    const prepared = new Map<string, Set<string>>();
    /** the same, from the stages a stage builds on (set when its FROM is visited: they are complete then) */
    const inherited = new Map<Stage, ReadonlySet<string>>();
    /** installed before: in this stage, in its own part when an ONBUILD trigger asks, or in a stage it builds on */
    const isPrepared = (info: InstructionInfo, ecosystem: string): boolean =>
      prepared.get(keyOf(info))?.has(ecosystem) === true
      || (info.onbuild && prepared.get(`${info.stage?.index ?? -1}:false`)?.has(ecosystem) === true)
      || (info.stage !== undefined && inherited.get(info.stage)?.has(ecosystem) === true);

    const onCopy = (copy: CopyInstruction, info: InstructionInfo) => {
      const key = keyOf(info);
      let sources = copied.get(key);
      if (!sources) copied.set(key, (sources = new Set()));
      if (wholeContextSources(copy).length > 0) {
        const list = pending.get(key) ?? [];
        list.push({ copy, runsBefore: runsSeen.get(key) ?? 0, blockersBefore: blockers, earlier: new Set(sources) });
        pending.set(key, list);
      }
      if (copy.keyword === 'COPY') for (const s of copy.sources) sources.add(s.value.replace(/^\.\//, ''));
    };
    return {
      FROM(_ins, info) {
        const base = info.stage?.baseStage;
        if (!info.stage || !base) return;
        inherited.set(info.stage, new Set([...(inherited.get(base) ?? []), ...(prepared.get(`${base.index}:false`) ?? [])]));
      },
      // called before the keyword visitors and `run` of the same instruction
      instruction(ins, info) {
        if (ins.keyword === 'RUN') runsSeen.set(keyOf(info), (runsSeen.get(keyOf(info)) ?? 0) + 1);
        if (!NEUTRAL.has(ins.keyword) && ins.keyword !== 'ONBUILD') blockers++;
      },
      COPY: onCopy,
      ADD: onCopy,
      run(run, info) {
        const deps = dependencyInstalls(run);
        const waiting = pending.get(keyOf(info));
        if (!waiting || waiting.length === 0) {
          for (const d of deps) {
            const set = prepared.get(keyOf(info)) ?? new Set<string>();
            set.add(d.ecosystem);
            prepared.set(keyOf(info), set);
          }
          return;
        }
        const dep = deps.find((d) => !isPrepared(info, d.ecosystem) && !manifestOptional(run, d));
        if (!dep) return;
        const runs = runsSeen.get(keyOf(info)) ?? 0;
        for (const { copy, runsBefore, blockersBefore, earlier } of waiting) {
          const manifests = context ? presentManifests(context, dep) : [];
          const named = (manifests.length > 0 ? manifests : dep.manifests.slice(0, 2)).join(', ');
          const mount = dep.manager && !hasPackageCacheMount(run, dep.manager) ? cacheMountFlag(dep.manager) : undefined;
          // the install is the next RUN after the copy, and only neutral instructions stand between (this RUN counted in both)
          const edits = runs === runsBefore + 1 && blockers === blockersBefore + 1 ? fixFor(copy, earlier, run, dep) : undefined;
          ctx.report({
            span: { start: copy.start, end: copy.end },
            message: `The whole build context is copied before \`${dep.label}\` (line ${ctx.df.lines.position(dep.command.start).line}): any source change re-runs the install. Copy ${named} first, install, then copy the rest${mount ? ` (a \`${mount}\` on the install also keeps downloads between builds)` : ''}`,
            ...(edits ? { fix: fix(`copy ${named} before the install, the rest after it`, 'unsafe', ...edits) } : {}),
          });
        }
        waiting.length = 0;
      },
    };
  },
});
