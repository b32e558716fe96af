import { defineRule } from '../src/linter/rule.ts';
import type { Instruction, TriviaLine } from '../src/parser/ast.ts';

/** our own and hadolint's pragmas are not meant as descriptions */
const PRAGMA = /^(tslint-docker|hadolint)\b/;

export default defineRule({
  meta: {
    id: 'invalid-definition-description',
    aliases: ['InvalidDefinitionDescription'],
    severity: 'warning',
    category: 'style',
    docs: {
      summary: 'A comment right above a stage or ARG should start with its name',
      description: 'BuildKit takes the comment lines directly above `FROM ... AS name` and `ARG name` as their description (`docker build --call=outline` / `--call=targets` print it) when the comment begins with that name. Reports such a comment whose last line does not start with the name. Only the `all` preset turns it on, as it is experimental in BuildKit; pragma comments are not counted.',
      why: 'An ordinary comment glued to a stage or ARG shows up as garbage, or not at all, in the build outline; either describe the definition in the expected form or separate the comment with a blank line.',
      bad: '# build the binary\nFROM golang:1.23 AS build\n',
      good: '# build compiles the binary\nFROM golang:1.23 AS build\n',
      fixSafety: 'No fix: rewording the comment or adding a blank line are both valid; the choice is yours.',
      presets: 'Experimental in BuildKit: on in `all`, and in any preset when the file asks (`# check=experimental=InvalidDefinitionDescription` or `experimental=all`, for the file or in a comment above one instruction) unless the configuration turns it off. buildkit: reported on the ARG or FROM instruction, as BuildKit\'s InvalidDefinitionDescription does; elsewhere on the comment.',
    },
  },
  create(ctx) {
    const nodes = ctx.df.nodes;
    const buildkit = ctx.settings.preset === 'buildkit';
    let indexOf: Map<unknown, number> | undefined;
    const commentAbove = (ins: Instruction): TriviaLine | undefined => {
      // one index of the nodes, not a search per instruction
      const i = (indexOf ??= new Map(nodes.map((n, at) => [n as unknown, at]))).get(ins) ?? -1;
      const prev = i > 0 ? nodes[i - 1] : undefined;
      return prev?.type === 'comment' ? prev : undefined;
    };
    const check = (ins: Instruction, names: string[], what: string, keyword: 'FROM' | 'ARG') => {
      if (names.length === 0) return;
      const comment = commentAbove(ins);
      // an empty `#` line ends a description block (BuildKit's parser drops the comments above it)
      if (!comment || comment.text.trim() === '' || PRAGMA.test(comment.text)) return;
      const first = comment.text.split(' ')[0] ?? '';
      if (names.includes(first)) return;
      const example = names.length === 1 ? names[0]! : '<name>';
      // BuildKit reports on the instruction
      if (buildkit) {
        ctx.report({ span: ins, message: `Comment for ${keyword} should follow the format: \`# ${names.length === 1 ? names[0]! : '<arg_key>'} <description>\`` });
        return;
      }
      ctx.report({
        span: comment,
        message: `A comment right above ${what} is read as its description and should read '# ${example} <description>'; add a blank line if it is not one`,
      });
    };
    return {
      FROM(ins, info) {
        if (!info.onbuild && ins.stageName) check(ins, [ins.stageName.value], `stage '${ins.stageName.value}'`, 'FROM');
      },
      ARG(ins, info) {
        if (!info.onbuild) check(ins, ins.pairs.map((p) => p.key.value), ins.pairs.length === 1 ? `ARG '${ins.pairs[0]!.key.value}'` : 'an ARG', 'ARG');
      },
    };
  },
});
