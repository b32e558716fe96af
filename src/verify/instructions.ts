/**
 * A small Dockerfile reader for verify: just enough to know each instruction's line,
 * keyword and stage, so image history can be matched to lines. It understands parser
 * directives (escape), comments, line continuations and heredocs.
 */
export interface DockerfileInstruction {
  /** 1-based line where the instruction starts */
  line: number;
  /** upper-cased keyword */
  keyword: string;
  /** the instruction on one line: continuations joined, heredoc bodies left out */
  text: string;
}

export interface DockerfileStage {
  /** `AS name`, lower-cased */
  name?: string;
  /** what FROM names: an image or an earlier stage */
  base: string;
  from: DockerfileInstruction;
  /** the instructions after FROM */
  instructions: DockerfileInstruction[];
}

const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

function escapeDirective(lines: string[]): string {
  for (const line of lines) {
    const directive = /^\s*#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}

export function readInstructions(text: string): DockerfileInstruction[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const escape = escapeDirective(lines);
  const instructions: DockerfileInstruction[] = [];
  let index = 0;
  while (index < lines.length) {
    const first = lines[index]!;
    if (/^\s*(#|$)/.test(first)) {
      index++;
      continue;
    }
    const startLine = index + 1;
    const parts: string[] = [];
    let current = first;
    // join continuation lines; comment and blank lines inside a continuation are skipped
    for (;;) {
      const trimmed = current.replace(/\s+$/, '');
      if (trimmed.endsWith(escape) && index + 1 < lines.length) {
        parts.push(trimmed.slice(0, -1));
        index++;
        while (index < lines.length && /^\s*(#.*)?$/.test(lines[index]!) && index + 1 < lines.length) index++;
        current = lines[index]!;
        continue;
      }
      parts.push(trimmed);
      index++;
      break;
    }
    const joined = parts.join(' ').replace(/\s+/g, ' ').trim();
    const keyword = (/^(\S+)/.exec(joined)?.[1] ?? '').toUpperCase();
    // heredoc bodies follow the instruction line, each up to its delimiter
    if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      for (const heredoc of joined.matchAll(HEREDOC)) {
        const stripTabs = heredoc[1] === '-';
        const delimiter = heredoc[3]!;
        while (index < lines.length) {
          const body = lines[index++]!;
          if ((stripTabs ? body.replace(/^\t+/, '') : body) === delimiter) break;
        }
      }
    }
    instructions.push({ line: startLine, keyword, text: joined });
  }
  return instructions;
}

export function readStages(text: string): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  for (const instruction of readInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.text.split(' ').slice(1).filter((word) => !word.startsWith('--'));
      const asIndex = words.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({
        base: words[0] ?? '',
        name: asIndex >= 0 ? words[asIndex + 1]?.toLowerCase() : undefined,
        from: instruction,
        instructions: [],
      });
    } else {
      // instructions before the first FROM (ARG) are not part of any image
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  return stages;
}

/**
 * The instructions whose history ends up in the built image: those of the target stage
 * (the last one by default), preceded by the chain of earlier stages it is built FROM.
 * The first element is the FROM of the stage that starts from an external image.
 */
export function builtInstructionChain(text: string, target?: string): DockerfileInstruction[] {
  const stages = readStages(text);
  if (stages.length === 0) return [];
  let index = target ? stages.findIndex((stage) => stage.name === target.toLowerCase()) : stages.length - 1;
  if (index < 0) index = stages.length - 1;
  const chain: DockerfileInstruction[][] = [];
  for (let guard = 0; guard <= stages.length; guard++) {
    const stage = stages[index]!;
    chain.unshift(stage.instructions);
    const parent = stages.findIndex((candidate, i) => i < index && candidate.name !== undefined && candidate.name === stage.base.toLowerCase());
    if (parent < 0) {
      chain.unshift([stage.from]);
      break;
    }
    index = parent;
  }
  return chain.flat();
}
