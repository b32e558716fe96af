/**
 * Names indexed for "did you mean": a trie of the lower-cased names, walked with the rows of the
 * edit-distance table (insert, delete, substitute, swap adjacent) and cut where every cell of the
 * last two rows exceeds the bound. A lookup costs the trie nodes near the query, not one table
 * per name: closestMatch over every name in scope, per undefined reference, was O(n^2) on a file
 * of n names and references.
 */
interface TrieNode {
  children: Map<string, TrieNode>;
  /** the names that end here, as written (they differ only in case) */
  names: string[];
  /** the length of the longest name below: a distance is at least the difference in length */
  longest: number;
}

export class NameIndex {
  private readonly root: TrieNode = { children: new Map(), names: [], longest: 0 };

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const lower = name.toLowerCase();
      let node = this.root;
      node.longest = Math.max(node.longest, lower.length);
      for (const ch of lower) {
        let next = node.children.get(ch);
        if (!next) node.children.set(ch, (next = { children: new Map(), names: [], longest: 0 }));
        node = next;
        node.longest = Math.max(node.longest, lower.length);
      }
      if (!node.names.includes(name)) node.names.push(name);
    }
  }

  /**
   * What closestMatch(name, candidates) answers when the candidates are the indexed names that
   * `rank` gives a position, in that order: the nearest within the same bound (a third of the
   * length, at least 1), the first in order among equals.
   */
  closest(name: string, rank: (candidate: string) => number | undefined): string | undefined {
    const query = name.toLowerCase();
    let bound = Math.max(1, Math.floor(query.length / 3));
    let best: { name: string; distance: number; rank: number } | undefined;
    const first = Array.from({ length: query.length + 1 }, (_, j) => j);
    const walk = (node: TrieNode, ch: string, parentCh: string, depth: number, above: number[], twoAbove: number[] | undefined): void => {
      if (query.length - node.longest > bound) return;
      const row = [depth];
      for (let j = 1; j <= query.length; j++) {
        let cell = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (query[j - 1] === ch ? 0 : 1));
        if (twoAbove && j > 1 && query[j - 2] === ch && query[j - 1] === parentCh) cell = Math.min(cell, twoAbove[j - 2]! + 1);
        row.push(cell);
      }
      const distance = row[query.length]!;
      if (distance <= bound) {
        for (const candidate of node.names) {
          const position = rank(candidate);
          if (position === undefined) continue;
          if (!best || distance < best.distance || (distance === best.distance && position < best.rank)) {
            best = { name: candidate, distance, rank: position };
            bound = distance;
          }
        }
      }
      // the least distance a name below can reach: each cell, plus the query left over once the
      // longest name below ends; a swap reaches the next row from the row above, so that counts too
      const below = node.longest - depth;
      let least = Infinity;
      for (let j = 0; j <= query.length; j++) {
        least = Math.min(least, row[j]! + Math.max(0, query.length - j - below));
        if (j + 2 <= query.length) least = Math.min(least, above[j]! + 1 + Math.max(0, query.length - j - 1 - below));
      }
      if (least > bound) return;
      for (const [next, child] of node.children) walk(child, next, ch, depth + 1, row, above);
    };
    for (const [ch, child] of this.root.children) walk(child, ch, '', 1, first, undefined);
    return best?.name;
  }
}
