/**
 * The Chevrotain grammar of a Dockerfile's line structure: which tokens form a
 * directive line, a comment line, a blank line or one instruction (with its
 * continuations and heredoc bodies). Built once per escape character.
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { InstructionPart, InstructionStart, type DockerfileLexer } from './lexer.ts';

export type LineGroupKind = 'bom' | 'directive' | 'comment' | 'blank' | 'instruction';

export interface LineGroup {
  kind: LineGroupKind;
  tokens: IToken[];
}

class StructureParser extends EmbeddedActionsParser {
  constructor(t: DockerfileLexer['tokens']) {
    super([...Object.values(t), InstructionStart, InstructionPart], { maxLookahead: 2, skipValidations: true });
    const $ = this;
    // Chevrotain's performance guide: build each OR's alternatives once, not per line. So the
    // alternatives may not close over a call's locals: `content` collects into `tokens`, set
    // afresh by each call (the rule does not recurse).
    let tokens: IToken[] = [];
    const collect = (tok: IToken) => {
      tokens.push(tok);
    };

    $.RULE('file', () => {
      const groups: LineGroup[] = [];
      $.MANY(() => groups.push($.SUBRULE($.line)));
      return groups;
    });

    const lineAlternatives = [
      { ALT: () => ({ kind: 'bom' as const, tokens: [$.CONSUME(t.Bom)] }) },
      {
        // leading blanks, then the line's content; blanks alone at the end of the file make a blank line
        ALT: () => {
          const blank = $.CONSUME(t.Whitespace);
          const content = $.OPTION(() => $.SUBRULE($.content));
          // ACTION: not run while Chevrotain records the grammar
          return $.ACTION(() => {
            if (!content) return { kind: 'blank' as const, tokens: [blank] };
            content.tokens.unshift(blank);
            return content;
          });
        },
      },
      { ALT: () => $.SUBRULE2($.content) },
    ];
    $.RULE('line', (): LineGroup => $.OR(lineAlternatives));

    const contentAlternatives = [
      { ALT: () => { collect($.CONSUME(t.Directive)); $.OPTION2(() => collect($.CONSUME(t.Newline))); return 'directive' as const; } },
      { ALT: () => { collect($.CONSUME(t.Comment)); $.OPTION3(() => collect($.CONSUME2(t.Newline))); return 'comment' as const; } },
      { ALT: () => { collect($.CONSUME3(t.Newline)); return 'blank' as const; } },
      {
        ALT: () => {
          collect($.CONSUME(InstructionStart));
          $.MANY2(() => collect($.CONSUME(InstructionPart)));
          $.OPTION4(() => collect($.CONSUME(t.InstructionEnd)));
          return 'instruction' as const;
        },
      },
    ];
    $.RULE('content', (): LineGroup => {
      const own: IToken[] = [];
      tokens = own;
      const kind = $.OR2(contentAlternatives);
      return { kind, tokens: own };
    });

    this.performSelfAnalysis();
  }

  declare file: () => LineGroup[];
  declare line: () => LineGroup;
  declare content: () => LineGroup;
}

const parsers = new WeakMap<DockerfileLexer, StructureParser>();

export function groupLines(lexer: DockerfileLexer, tokens: IToken[]): LineGroup[] {
  let parser = parsers.get(lexer);
  if (!parser) {
    parser = new StructureParser(lexer.tokens);
    parsers.set(lexer, parser);
  }
  parser.input = tokens;
  const groups = parser.file();
  // the cached parser would hold the last file's tokens until the next parse
  parser.input = [];
  if (parser.errors.length > 0) throw new Error(`internal structure error: ${parser.errors[0]!.message}`);
  return groups;
}
