/** Unified diffs (`--diff`): a line LCS, fine for Dockerfile sizes; lines are compared and printed byte for byte. */

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  // group changed lines that are within 2*context of each other into hunks
  const groups: { first: number; last: number }[] = [];
  ops.forEach((o, k) => {
    if (o.kind === ' ') return;
    const g = groups[groups.length - 1];
    if (g && k - g.last <= 2 * context) g.last = k;
    else groups.push({ first: k, last: k });
  });
  const hunks: string[] = [];
  for (const g of groups) {
    const slice = ops.slice(Math.max(0, g.first - context), Math.min(ops.length, g.last + context + 1));
    const oldCount = slice.filter((o) => o.kind !== '+').length;
    const newCount = slice.filter((o) => o.kind !== '-').length;
    const oldStart = slice[0]!.oldLine - (oldCount === 0 ? 1 : 0);
    const newStart = slice[0]!.newLine - (newCount === 0 ? 1 : 0);
    hunks.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const o of slice) {
      // a CRLF line keeps its CR, as `diff -u` prints it: the patch applies to the file as it is
      hunks.push(o.kind + o.text.replace(/\n$/, ''));
      if (!o.text.endsWith('\n')) hunks.push('\\ No newline at end of file');
    }
  }
  return [`--- ${oldName}`, `+++ ${newName}`, ...hunks, ''].join('\n');
}

interface Op {
  kind: ' ' | '-' | '+';
  text: string;
  oldLine: number;
  newLine: number;
}

function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  // trim the common prefix and suffix, LCS on the middle
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const n = am.length;
  const m = bm.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = am[i] === bm[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let oldLine = 1;
  let newLine = 1;
  const push = (kind: Op['kind'], text: string) => {
    ops.push({ kind, text, oldLine, newLine });
    if (kind !== '+') oldLine++;
    if (kind !== '-') newLine++;
  };
  for (let k = 0; k < pre; k++) push(' ', a[k]!);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) { push(' ', am[i]!); i++; j++; }
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) { push('-', am[i]!); i++; }
    else { push('+', bm[j]!); j++; }
  }
  for (let k = a.length - suf; k < a.length; k++) push(' ', a[k]!);
  return ops;
}
