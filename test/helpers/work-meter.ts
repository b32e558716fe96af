/**
 * A work meter for complexity tests: while `measure` runs, the builtins that walk a collection
 * or a string (Array, Map and Set iteration and search, String split/slice/search/case) add the
 * size they walk to a counter. Deterministic, unlike time, and it sees every rule and model step
 * without counters in their code: a step that walks the file (or a stage, or the scope) once
 * per instruction shows as work that grows with the square of the file.
 */
type Sized = (self: unknown, args: unknown[]) => number;

const length: Sized = (self) => (self as { length: number }).length;
const size: Sized = (self) => (self as { size: number }).size;
/** what a search from a position walks: up to what it finds, or the rest */
const searched = (indexOf: (this: unknown, ...args: unknown[]) => number): Sized => (self, args) => {
  const n = (self as { length: number }).length;
  const raw = typeof args[1] === 'number' ? args[1] : 0;
  const from = Math.max(0, raw < 0 ? n + raw : raw);
  const found = indexOf.apply(self, args);
  return Math.max(1, (found < 0 ? n : found + 1) - from);
};
/** what slice copies */
const sliced: Sized = (self, args) => {
  const n = (self as { length: number }).length;
  const at = (v: unknown, d: number) => (typeof v === 'number' ? (v < 0 ? Math.max(0, n + v) : Math.min(n, v)) : d);
  return Math.max(0, at(args[1], n) - at(args[0], 0));
};

const METERED: [object, (string | symbol)[], Sized][] = [
  [Array.prototype, ['some', 'every', 'filter', 'map', 'forEach', 'find', 'findIndex', 'findLast', 'flatMap', 'reduce', 'join', 'values', 'entries', 'keys', Symbol.iterator, 'sort', 'concat'], length],
  [Array.prototype, ['includes', 'indexOf'], searched(Array.prototype.indexOf as never)],
  [Array.prototype, ['slice'], sliced],
  [Map.prototype, ['forEach', 'keys', 'values', 'entries', Symbol.iterator], size],
  [Set.prototype, ['forEach', 'keys', 'values', 'entries', Symbol.iterator], size],
  [String.prototype, ['split', 'toLowerCase', 'toUpperCase', 'replace', 'replaceAll', 'match', 'matchAll', 'trim'], length],
  [String.prototype, ['indexOf', 'includes'], searched(String.prototype.indexOf as never)],
  [String.prototype, ['slice', 'substring'], sliced],
];

/** the work `run` does, in elements and characters walked by the builtins above */
export function measureWork(run: () => void): number {
  let work = 0;
  const restore: (() => void)[] = [];
  for (const [proto, names, sizeOf] of METERED) {
    for (const name of names) {
      const original = (proto as Record<string | symbol, (...args: unknown[]) => unknown>)[name]!;
      Object.defineProperty(proto, name, {
        configurable: true, writable: true, enumerable: false,
        value: function metered(this: unknown, ...args: unknown[]) {
          work += sizeOf(this, args);
          return original.apply(this, args);
        },
      });
      restore.push(() => Object.defineProperty(proto, name, { configurable: true, writable: true, enumerable: false, value: original }));
    }
  }
  try {
    run();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return work;
}
