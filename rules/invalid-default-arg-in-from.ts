import { defineRule } from '../src/linter/rule.ts';
import { isValidImageReference } from '../src/model/image.ts';
import { Scope, type Variable } from '../src/model/index.ts';
import type { EscapeChar } from '../src/parser/ast.ts';
import { expandWord } from '../src/parser/expansion/index.ts';

/** BuildKit always sets its platform ARGs (only the variants may be empty): a typical value stands in for them */
const PLATFORM_VALUES: ReadonlyMap<string, string> = new Map([
  ['TARGETPLATFORM', 'linux/amd64'], ['TARGETOS', 'linux'], ['TARGETARCH', 'amd64'], ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'], ['BUILDOS', 'linux'], ['BUILDARCH', 'amd64'], ['BUILDVARIANT', ''],
]);

export default defineRule({
  meta: {
    id: 'invalid-default-arg-in-from',
    aliases: ['InvalidDefaultArgInFrom'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'With the ARG defaults, the FROM image name is empty or invalid',
      description: 'Expands each FROM image that uses ARGs with the defaults of the global ARGs (an ARG without default is empty; BuildKit\'s platform ARGs such as TARGETOS always have a value) and reports when the result is not a valid image reference, e.g. `FROM alpine:${TAG}` with `ARG TAG` and no default gives `alpine:`.',
      why: 'The build then only works when every caller passes `--build-arg`; a plain `docker build .` fails, and tools that read the Dockerfile statically cannot resolve the base image.',
      bad: 'ARG TAG\nFROM busybox:${TAG}\n',
      good: 'ARG TAG=1.37\nFROM busybox:${TAG}\n',
      fixSafety: 'No fix: the right default is yours to choose.',
      presets: '`buildkit` reports as BuildKit\'s InvalidDefaultArgInFrom does, an ARG without a default counting as empty. `recommended` and `all` report only a name that the defaults themselves make invalid (`ARG TAG=3.20 ` with its space, `ARG BASE=Alpine`): an ARG declared without a default is a required argument that the project\'s build passes (`ARG base` then `FROM ${base}`), and one never declared is undefined-arg-in-from\'s finding.',
    },
  },
  create(ctx) {
    return {
      FROM(ins, info) {
        const word = ins.image;
        if (!word || !word.raw.includes('$')) return;
        // the file's defaults, not what --build-arg passes: BuildKit's check reads the file alone
        const scope = defaultsOf(info.scope, ctx.df.escape);
        const env = new Map<string, string>();
        for (const v of scope.vars.values()) env.set(v.name, v.value ?? PLATFORM_VALUES.get(v.name) ?? '');
        let expanded: string;
        try {
          expanded = expandWord(word.raw, env, ctx.df.escape).value;
        } catch {
          return;
        }
        if (isValidImageReference(expanded)) return;
        const refs = scope.expand(word.raw);
        const args = [...new Set(refs.unknownRefs)].filter((name) => !PLATFORM_VALUES.has(name));
        // an ARG declared without a default is a required argument the project's build passes;
        // one never declared is undefined-arg-in-from's finding
        if (ctx.settings.preset !== 'buildkit' && (args.length > 0 || refs.undefinedRefs.length > 0)) return;
        ctx.report({
          span: word,
          message: ctx.settings.preset === 'buildkit'
            ? `Default value for ARG ${word.raw} results in empty or invalid base image name`
            : args.length > 0
            ? `With the default of ARG ${args.join(', ')} (none), the base image name '${expanded}' is empty or invalid`
            : `With the ARG defaults, the base image name '${expanded}' is empty or invalid`,
        });
      },
    };
  },
});

/** `scope` with each ARG a build argument sets back at its declared default */
function defaultsOf(scope: Scope, escape: EscapeChar): Scope {
  let defaults: Map<string, Variable> | undefined;
  for (const v of scope.vars.values()) {
    if (!v.buildArg) continue;
    defaults ??= new Map(scope.vars);
    defaults.set(v.name, { ...v, value: v.buildArg.default });
  }
  return defaults ? new Scope(defaults, escape) : scope;
}
