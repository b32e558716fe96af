import { fix, replace } from '../src/fix/edits.ts';
import type { TextEdit } from '../src/linter/types.ts';
import { defineRule } from '../src/linter/rule.ts';
import type { DockerfileModel, InstructionInfo } from '../src/model/index.ts';
import type { FromInstruction, Span } from '../src/parser/ast.ts';

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    aliases: ['StageNameCasing'],
    severity: 'warning',
    category: 'style',
    fixable: 'unsafe',
    docs: {
      summary: 'Stage names should be lower case',
      description: 'Reports a `FROM ... AS Name` whose stage name has upper-case letters.',
      why: 'BuildKit matches stage names case-insensitively (it lower-cases them), so `Builder` and `builder` are one stage: mixed case suggests a distinction that does not exist and reads inconsistently next to `--from=builder`.',
      bad: 'FROM golang:1.23 AS Builder\n',
      good: 'FROM golang:1.23 AS builder\n',
      fixSafety: 'Unsafe: lower-cases the name after AS and every reference to the stage in the file (`FROM Builder`, `COPY --from=Builder`, `RUN --mount=from=Builder`). Buildah and Podman match stage names case-sensitively (measured with Buildah 1.28: `COPY --from=Builder` after `AS builder` fails), so a reference outside the file, such as `--target Builder` in a build script or a compose/bake `target:`, stops matching there. No fix when a reference is spelt with a variable.',
    },
  },
  create(ctx) {
    const mixed: FromInstruction[] = [];
    return {
      FROM(ins) {
        const name = ins.stageName;
        if (name && name.value !== name.value.toLowerCase()) mixed.push(ins);
      },
      end() {
        if (mixed.length === 0) return;
        const references = stageReferences(ctx.model);
        for (const ins of mixed) {
          const name = ins.stageName!;
          const lower = name.raw.toLowerCase();
          const refs = references.get(name.value.toLowerCase()) ?? [];
          const edits = name.end - name.start === name.raw.length && refs.every((r) => r !== undefined)
            ? [replace(name, lower), ...(refs as TextEdit[])]
            : undefined;
          ctx.report({
            span: name,
            message: `Stage name '${name.value}' should be ${ctx.settings.preset === 'buildkit' ? 'lowercase' : 'lower case'}`,
            ...(edits ? { fix: fix(`rename the stage to '${lower}' and its references`, 'unsafe', ...edits) } : {}),
          });
        }
      },
    };
  },
});

/**
 * Every reference to a stage by name (`FROM name`, `COPY --from=name`, `RUN --mount=from=name`),
 * by lower-cased name: the edit that lower-cases it, or undefined when it cannot be edited as
 * written (a variable, an escape). ONBUILD triggers name stages of the child's build: not these.
 */
function stageReferences(model: DockerfileModel): Map<string, (TextEdit | undefined)[]> {
  const refs = new Map<string, (TextEdit | undefined)[]>();
  const names = new Set(model.stages.map((s) => s.name));
  const add = (written: string, span: Span, info: InstructionInfo) => {
    // `--from=${STAGE}`: what it expands to, or, unknown, a reference to every stage
    const value = written.includes('$') ? info.scope.expand(written).value : written;
    if (value === undefined) {
      for (const name of names) if (name !== undefined) add(name, { start: span.start, end: span.start }, info);
      return;
    }
    const key = value.toLowerCase();
    if (!names.has(key)) return;
    let list = refs.get(key);
    if (list === undefined) refs.set(key, (list = []));
    // as written, letter for letter: no variable, quote or escape in the way
    list.push(model.df.source.slice(span.start, span.end) === value ? replace(span, key) : undefined);
  };
  for (const info of model.instructions) {
    if (info.onbuild) continue;
    const ins = info.ins;
    if (ins.keyword === 'FROM' && 'image' in ins && ins.image) add(ins.image.value, ins.image, info);
    for (const flag of ins.flags) {
      if (flag.name === 'from' && flag.value !== undefined && flag.valueSpan) add(flag.value, flag.valueSpan, info);
      if (flag.name !== 'mount') continue;
      for (const o of flag.options) {
        if (o.key.toLowerCase() === 'from' && o.value !== undefined) add(o.value, { start: o.end - o.value.length, end: o.end }, info);
      }
    }
  }
  return refs;
}
