/** Printing the tree: back to the exact source, or to BuildKit's AST dump. */
import type { Dockerfile, Instruction } from './ast.ts';
import { goQuote } from './line-parsers.ts';
import { nodeTokensAt } from './tokens.ts';

/** the source text, rebuilt node by node from the tree's tokens (lossless by construction; tested over the corpus) */
export function printDockerfile(df: Dockerfile): string {
  let out = '';
  for (let i = 0; i < df.nodes.length; i++) for (const t of nodeTokensAt(df, i)) out += t.image;
  return out;
}

/** BuildKit's `Node.Dump()` of the whole file plus a final newline, as in its `result` test files */
export function dumpBuildkit(df: Dockerfile): string {
  return df.instructions.map((ins) => `(${dumpInstruction(ins)})\n`).join('');
}

function dumpInstruction(ins: Instruction): string {
  let out = ins.keywordWord.value.toLowerCase();
  if (ins.flags.length > 0) {
    out += ' [' + ins.flags.map((f) => goQuote(`--${f.name}${f.value === undefined ? '' : `=${f.value}`}`)).join(' ') + ']';
  }
  for (const arg of dumpArguments(ins)) out += ' ' + arg;
  return out;
}

function dumpArguments(ins: Instruction): string[] {
  const q = goQuote;
  switch (ins.keyword) {
    case 'FROM':
      return 'words' in ins ? ins.words.map((w) => q(w.value)) : [];
    case 'EXPOSE':
      return 'ports' in ins ? ins.ports.map((w) => q(w.value)) : [];
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'HEALTHCHECK': {
      const out: string[] = [];
      if ('kind' in ins && ins.kind) out.push(q(ins.kind.value));
      const command = 'command' in ins ? ins.command : undefined;
      if (command?.kind === 'exec') out.push(...command.elements.map((e) => q(e.value)));
      else if (command) out.push(q(command.text));
      return out;
    }
    case 'COPY':
    case 'ADD':
    case 'VOLUME':
      return 'paths' in ins ? ins.paths.map((w) => q(w.value)) : [];
    case 'ENV':
    case 'LABEL':
      return 'pairs' in ins ? ins.pairs.flatMap((p) => [q(p.key.value), q(p.value?.value ?? ''), q(p.separator)]) : [];
    case 'ARG':
      return 'pairs' in ins ? ins.pairs.map((p) => q(p.key.value + (p.value ? `=${p.value.value}` : ''))) : [];
    case 'USER':
    case 'WORKDIR':
    case 'MAINTAINER':
    case 'STOPSIGNAL':
      return 'argument' in ins && ins.argument ? [q(ins.argument.value)] : [];
    case 'ONBUILD':
      return 'trigger' in ins && ins.trigger ? [`(${dumpInstruction(ins.trigger)})`] : [];
    default:
      // BuildKit keeps unknown instructions with one empty argument
      return ['""'];
  }
}
