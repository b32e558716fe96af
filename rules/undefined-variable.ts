import { defineRule } from '../src/linter/rule.ts';
import type { Instruction, KeyValueInstruction } from '../src/parser/ast.ts';
import type { DockerfileModel, Scope, Stage } from '../src/model/index.ts';
import { buildsOn, rootStage } from '../src/model/stage-chain.ts';
import {
  closestNameInStage, declarationsByName, expandedWords, handlesUnset, hasRejectedModifier, inUnusedAlternative, isTemplate, knownImageEnv,
  undefinedReferences, withinOneEdit, type Declaration, type ExpandedWord,
} from '../src/model/variables.ts';

/** BuildKit gives every stage a PATH (the image's, or a default one, scratch included) */
const ALWAYS_DEFINED = 'PATH';

export default defineRule({
  meta: {
    id: 'undefined-variable',
    aliases: ['UndefinedVar'],
    severity: 'warning',
    category: 'correctness',
    docs: {
      summary: 'A variable is used in an instruction before any ARG or ENV defines it',
      description:
        'Reports `$NAME` / `${NAME}` in the words BuildKit expands itself (ENV, ARG defaults, LABEL, COPY/ADD paths, flags and heredoc bodies, '
        + 'WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL, RUN --mount options) when no ARG or ENV in scope defines it, and suggests the closest defined name. '
        + 'RUN, CMD and ENTRYPOINT commands are left alone: the shell resolves those; so is `COPY --from`, which BuildKit never expands. '
        + 'A stage sees the ENV and the ARGs of the stage it builds on (`FROM base`). '
        + 'The base image\'s own ENV is known only for scratch and the bare distribution images (debian, ubuntu, alpine, busybox: PATH alone); '
        + 'on any other image a name is reported only when it is one edit away from a defined name (a typo), or when the Dockerfile declares it '
        + 'where this line cannot see it (a global ARG not declared again in the stage, an ARG or ENV of a stage this one does not build on, '
        + 'an ARG further down, another name of the same ENV line), since the image may define any other name. '
        + 'Not reported: `${NAME:-default}` and the other forms that say what happens when NAME is unset (and the names in an alternative never expanded, `${A:+$B}`); `${name:text}` with a modifier '
        + 'BuildKit rejects (template text for another tool); and, in a template that a script fills in before the build (a FROM with an '
        + 'undeclared variable, a variable in `COPY --from`), the names the Dockerfile never declares.',
      why: 'An undefined variable expands to an empty string without any error: `COPY $SRC /app` copies the whole context, `WORKDIR /opt/$APP` lands in `/opt/`.',
      bad: 'FROM alpine\nCOPY $foo /app/\n',
      good: 'FROM alpine\nARG foo=dist\nCOPY $foo /app/\n',
      fixSafety: 'No fix: whether to declare the variable or correct its name is your call; the message names the closest defined variable.',
      presets:
        '`buildkit`: as BuildKit\'s UndefinedVar reports it: on the whole instruction, once per name and word; EXPOSE is not checked; '
        + '`${NAME:-default}`, rejected modifiers and template placeholders are reported too. BuildKit reads the base image\'s ENV from the '
        + 'registry; without it, the names an unknown base image may define are left out as above.',
    },
  },
  create(ctx) {
    const buildkit = ctx.settings.preset === 'buildkit';
    let declarations: Map<string, Declaration[]> | undefined;
    let template: boolean | undefined;
    const declarationsOf = (name: string): Declaration[] | undefined => (declarations ??= declarationsByName(ctx.model)).get(name);
    /**
     * Whether the Dockerfile declares `name` where this instruction cannot see it: a global ARG
     * not declared again in the stage, an ARG or ENV of a stage this one does not build on, an
     * ARG further down the stage, or another name of the same ENV (applied only after the whole
     * line is expanded). Then the name is the Dockerfile's, whatever the base image defines.
     */
    const declaredOutOfSight = (name: string, ins: Instruction, stage: Stage, ownKey: string | undefined): boolean => {
      // `FROM build-${ARCH}` without a known ARCH may build on one of the stages, and see what it declares
      const baseKnown = !mayBuildOnAStage(ctx.model, rootStage(stage));
      return (declarationsOf(name) ?? []).some((d) => {
        if (d.ins === ins) return d.ins.keyword === 'ENV' && ownKey !== name;
        if (d.stage === stage) return d.ins.keyword === 'ARG' && d.ins.start > ins.start;
        return baseKnown && (!d.stage || !buildsOn(ctx.model, stage, d.stage));
      });
    };
    return {
      instruction(ins, info) {
        // FROM has its own rule (global ARGs only); triggers expand in the child image
        if (ins.keyword === 'FROM' || info.onbuild || !info.stage) return;
        if (buildkit && ins.keyword === 'EXPOSE') return;
        template ??= !buildkit && isTemplate(ctx.model);
        const imageEnv = knownImageEnv(rootStage(info.stage).image);
        for (const { word, scope } of wordsInScope(ins, info.scope)) {
          // a variable in `--from` is an error of its own: BuildKit does not expand it
          if (word.flag === 'from') continue;
          const reported = new Set<string>();
          const refs = undefinedReferences(scope, word);
          for (const ref of refs) {
            if (ref.name === ALWAYS_DEFINED || imageEnv?.has(ref.name)) continue;
            // `${name:text}`: template text; `${NAME:-default}`: an unset NAME is expected
            if (!buildkit && (hasRejectedModifier(word.raw, ref) || handlesUnset(word.raw, ref) || inUnusedAlternative(word.raw, ref, refs))) continue;
            const suggestion = closestNameInStage(ctx.model, info.stage, info.scope, [ALWAYS_DEFINED], ref.name);
            // in a template, the names the Dockerfile never declares are its placeholders
            if (template && !declarationsOf(ref.name)) continue;
            // the base image may define any name: report only a near-certain typo, or a name the file declares elsewhere
            if (!imageEnv && !(suggestion && withinOneEdit(ref.name, suggestion)) && !declaredOutOfSight(ref.name, ins, info.stage, word.key)) continue;
            if (buildkit && reported.has(ref.name)) continue;
            reported.add(ref.name);
            const hint = suggestion ? ` (did you mean $${suggestion}?)` : ctx.model.globalArgs.has(ref.name) ? ` (a global ARG is seen in a stage only after \`ARG ${ref.name}\` there)` : '';
            ctx.report({
              span: buildkit ? ins : ref.span,
              message: buildkit
                ? `Usage of undefined variable '$${ref.name}'${suggestion ? ` (did you mean $${suggestion}?)` : ''}`
                : `Variable '$${ref.name}' is not defined by any ARG or ENV before this line${hint}`,
            });
          }
        }
      },
    };
  },
});

/** each expanded word with the scope it expands in: `ARG a=1 b=$a` lets each default see the names before it */
function wordsInScope(ins: Instruction, scope: Scope): { word: ExpandedWord; scope: Scope }[] {
  if (ins.keyword !== 'ARG') return expandedWords(ins).map((word) => ({ word, scope }));
  const { pairs } = ins as KeyValueInstruction;
  const scopes = scope.pairScopes(pairs.map((pair) => pair.key.value));
  return pairs.flatMap(({ key, value }, i) => (value ? [{ word: { raw: value.raw, span: { start: value.start, end: value.end }, key: key.value }, scope: scopes[i]! }] : []));
}

/**
 * Whether a stage whose base is not known at lint time may be built on another stage of the
 * file: its FROM has text around the variables that a stage name fits (`cross-builder-${ARCH}`).
 * A FROM that is only a variable (`FROM ${BASE_IMAGE}`) names an image.
 */
function mayBuildOnAStage(model: DockerfileModel, stage: Stage): boolean {
  if (stage.image.resolved) return false;
  const raw = stage.from.image?.raw.replace(/^"|"$/g, '') ?? '';
  const literal = raw.split(/\$\{[^}]*\}|\$\w+/);
  if (literal.every((part) => part === '')) return false;
  const pattern = new RegExp(`^${literal.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return model.stages.some((s) => s !== stage && s.name !== undefined && pattern.test(s.name));
}
