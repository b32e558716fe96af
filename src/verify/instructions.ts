/**
 * What verify needs of a Dockerfile to match image history to lines: each instruction's
 * line, keyword and one-line text, and which stages a target is built on. Read through
 * the project's parser and model, so verify sees the file exactly as the linter does.
 */
import { buildModel } from '../model/index.ts';
import { parseDockerfile, type Instruction } from '../parser/index.ts';

export interface DockerfileInstruction {
  /** 1-based line where the instruction starts */
  line: number;
  /** 1-based line where it ends (its last continuation line) */
  endLine: number;
  /** upper-cased keyword */
  keyword: string;
  /** the instruction on one line: continuations joined, blanks collapsed, heredoc bodies left out */
  text: string;
}

function describe(ins: Instruction, lineOf: (offset: number) => number): DockerfileInstruction {
  return { line: lineOf(ins.start), endLine: lineOf(Math.max(ins.start, ins.end - 1)), keyword: ins.keyword, text: ins.logical.text.replace(/\s+/g, ' ').trim() };
}

export function readInstructions(text: string): DockerfileInstruction[] {
  const df = parseDockerfile(text);
  return df.instructions.map((ins) => describe(ins, (o) => df.lines.position(o).line));
}

/**
 * The instructions whose history ends up in the built image: those of the target stage
 * (the last one by default), preceded by the chain of earlier stages it is built FROM.
 * The first element is the FROM of the stage that starts from an external image.
 */
export function builtInstructionChain(text: string, target?: string): DockerfileInstruction[] {
  const model = buildModel(parseDockerfile(text));
  const lineOf = (o: number) => model.df.lines.position(o).line;
  let stage = (target && model.stageByRef(target)) || model.finalStage;
  const chain: Instruction[][] = [];
  for (let guard = 0; stage && guard <= model.stages.length; guard++) {
    chain.unshift(stage.instructions);
    if (!stage.baseStage) {
      chain.unshift([stage.from]);
      break;
    }
    stage = stage.baseStage;
  }
  return chain.flat().map((ins) => describe(ins, lineOf));
}
