/**
 * Inline suppressions: `# tslint-docker ignore=rule[,rule]` (next instruction),
 * `# tslint-docker global ignore=...` (whole file), `# tslint-docker stage ignore=...`
 * (rest of the stage); the same with `# hadolint`, matched through aliases. BuildKit's
 * `# check=skip=...` is in check-directive.ts.
 */
import type { Dockerfile } from '../parser/ast.ts';
import type { Finding } from './types.ts';

interface Pragma {
  scope: 'next' | 'global' | 'stage';
  names: Set<string>;
  /** the source range the pragma covers */
  start: number;
  end: number;
  comment: string;
}

// a comment may follow the list: `# hadolint ignore=DL3002 # why`
const PRAGMA = /^(tslint-docker|hadolint)\s+(?:(global|stage)\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)\s*(?:#.*)?$/;

export interface Suppressions {
  /** marks suppressed findings (they stay in the list for SARIF) */
  apply(findings: Finding[]): void;
  /** the inline ignore comments, for the rule that forbids them (DL1001) */
  pragmas: readonly { start: number; end: number; comment: string }[];
}

/**
 * `known`: lower-cased rule ids and aliases. A pragma naming anything else suppresses
 * nothing (as hadolint does), so a typo cannot silently widen or narrow it.
 */
export function readSuppressions(df: Dockerfile, inlineEnabled: boolean, known: ReadonlySet<string>): Suppressions {
  const pragmas: Pragma[] = [];
  const comments: { start: number; end: number; comment: string }[] = [];
  const nodes = df.nodes;
  const stageStarts = df.instructions.filter((i) => i.keyword === 'FROM').map((i) => i.start);
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    if (node.type !== 'comment') continue;
    const m = PRAGMA.exec(node.text);
    if (!m) continue;
    comments.push({ start: node.start, end: node.end, comment: node.text });
    if (!inlineEnabled) continue;
    const names = new Set(m[3]!.split(/[\s,]+/).filter(Boolean).map((s) => s.toLowerCase()));
    if ([...names].some((n) => !known.has(n) && !/^sc\d{4}$/.test(n))) continue;
    const scope = (m[2] ?? 'next') as Pragma['scope'];
    if (scope === 'global') {
      pragmas.push({ scope, names, start: 0, end: df.source.length, comment: node.text });
      continue;
    }
    // the next instruction after the comment (other comments and blank lines may come between)
    let next = n + 1;
    while (next < nodes.length && nodes[next]!.type !== 'instruction') next++;
    const target = nodes[next];
    if (!target) continue;
    if (scope === 'next') {
      pragmas.push({ scope, names, start: target.start, end: target.type === 'instruction' ? target.fullEnd : target.end, comment: node.text });
    } else {
      const stageEnd = stageStarts.find((s) => s > target.start) ?? df.source.length;
      pragmas.push({ scope, names, start: target.start, end: stageEnd, comment: node.text });
    }
  }
  return {
    pragmas: comments,
    apply(findings) {
      if (pragmas.length === 0) return;
      for (const f of findings) {
        const names = [f.ruleId, ...f.aliases].map((s) => s.toLowerCase());
        const hit = pragmas.find((p) => f.range.start.offset >= p.start && f.range.start.offset < p.end && names.some((n) => p.names.has(n)));
        if (hit) f.suppressed = { kind: 'inline', justification: hit.comment };
      }
    },
  };
}
