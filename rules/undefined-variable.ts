import { defineRule } from '../src/linter/rule.ts';
import type { EscapeChar, Instruction, KeyValueInstruction } from '../src/parser/ast.ts';
import { Scope, type Variable } from '../src/model/index.ts';
import { closestName, expandedWords, rootStage, undefinedReferences, withinOneEdit, type ExpandedWord } from '../src/model/variables.ts';

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
      description: 'Reports `$NAME` / `${NAME}` in the words BuildKit expands itself (ENV, ARG defaults, LABEL, COPY/ADD paths and flags, WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL, RUN --mount options) when no ARG or ENV in scope defines it, and suggests the closest defined name. RUN, CMD and ENTRYPOINT commands are left alone: the shell resolves those. The base image\'s own ENV is not known without the registry: `$PATH` always counts as defined (BuildKit gives every stage one), and in a stage built on an image (not scratch) an upper-case name is reported only when it is one edit away from a defined name (base images set upper-case variables such as `JAVA_HOME` or `GOPATH`).',
      why: 'An undefined variable expands to an empty string without any error: `COPY $SRC /app` copies the whole context, `WORKDIR /opt/$APP` lands in `/opt/`.',
      bad: 'FROM alpine\nCOPY $foo /app/\n',
      good: 'FROM alpine\nARG foo=dist\nCOPY $foo /app/\n',
      fixSafety: 'No fix: whether to declare the variable or correct its name is your call; the message names the closest defined variable.',
    },
  },
  create(ctx) {
    return {
      instruction(ins, info) {
        // FROM has its own rule (global ARGs only); triggers expand in the child image
        if (ins.keyword === 'FROM' || info.onbuild || !info.stage) return;
        const fromImage = !rootStage(info.stage).image.isScratch;
        // the names in scope, listed only for a reference that is undefined (rare)
        let defined: string[] | undefined;
        for (const { word, scope } of wordsInScope(ins, info.scope, ctx.df.escape)) {
          for (const ref of undefinedReferences(scope, word)) {
            if (ref.name === ALWAYS_DEFINED) continue;
            if (!defined) {
              defined = [...info.scope.vars.keys()];
              if (!defined.includes(ALWAYS_DEFINED)) defined.push(ALWAYS_DEFINED);
            }
            const suggestion = closestName(ref.name, defined);
            // the base image may define upper-case names (GOPATH, JAVA_HOME): report only a near-certain typo
            if (fromImage && ref.name === ref.name.toUpperCase() && !(suggestion && withinOneEdit(ref.name, suggestion))) continue;
            ctx.report({
              span: ref.span,
              message: `Variable '$${ref.name}' is not defined by any ARG or ENV before this line${suggestion ? ` (did you mean $${suggestion}?)` : ''}`,
            });
          }
        }
      },
    };
  },
});

/** each expanded word with the scope it expands in: `ARG a=1 b=$a` lets each default see the names before it */
function wordsInScope(ins: Instruction, scope: Scope, escape: EscapeChar): { word: ExpandedWord; scope: Scope }[] {
  if (ins.keyword !== 'ARG') return expandedWords(ins).map((word) => ({ word, scope }));
  const out: { word: ExpandedWord; scope: Scope }[] = [];
  let vars: ReadonlyMap<string, Variable> = scope.vars;
  let current = scope;
  for (const pair of (ins as KeyValueInstruction).pairs) {
    if (pair.value) out.push({ word: { raw: pair.value.raw, span: { start: pair.value.start, end: pair.value.end } }, scope: current });
    vars = new Map(vars).set(pair.key.value, { name: pair.key.value, kind: 'arg' });
    current = new Scope(vars, escape);
  }
  return out;
}
