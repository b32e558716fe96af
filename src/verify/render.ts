import type { LayerRow } from './align.ts';
import type { FileChanges, FileGroup, ImageMeasure, PackageChanges, PackageEntry, SmokeComparison, VerifyReport, WasteRow } from './types.ts';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** Decimal units, as `docker images` prints them: 39.2 MB. */
export function formatBytes(bytes: number): string {
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${UNITS[unit]}`;
}

function formatDelta(delta: number | null, original: number | null): string {
  if (delta === null) return '';
  if (delta === 0) return 'same';
  const percent = original ? ` (${Math.round((Math.abs(delta) / original) * 100)}%)` : '';
  return delta < 0 ? `saves ${formatBytes(-delta)}${percent}` : `adds ${formatBytes(delta)}${percent}`;
}

const INSTRUCTION_WIDTH = 60;

function shorten(text: string): string {
  return text.length <= INSTRUCTION_WIDTH ? text : `${text.slice(0, INSTRUCTION_WIDTH - 1)}…`;
}

function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

function layerTable(title: string, measure: ImageMeasure): string[] {
  if (!measure.built) return [`${title}: build failed${measure.failure ? `: ${measure.failure}` : ''}${measure.logFile ? ` (log: ${measure.logFile})` : ''}`];
  const rows = measure.layers.map((layer: LayerRow) => [`${layer.line}`, shorten(layer.instruction), layer.sizeBytes === 0 ? '-' : formatBytes(layer.sizeBytes)]);
  return [`${title}:`, ...table([['line', 'instruction', 'size'], ...rows], new Set([0, 2])).map((line) => `  ${line}`)];
}

function rebuildCell(measure: ImageMeasure): string {
  if (!measure.rebuild) return '';
  return `${measure.rebuild.stepsRun}/${measure.rebuild.stepsTotal} steps, ${measure.rebuild.seconds.toFixed(1)} s`;
}

/** The stylish text report: per-layer tables aligned with lines, then the comparison. */
export function renderVerifyReport(report: VerifyReport): string {
  const { original, fixed, delta } = report;
  const out: string[] = [`${report.dockerfile} — verified with ${report.engine}${report.platform ? ` for ${report.platform}` : ''}`, ''];
  if (report.fixesApplied.length > 0) {
    out.push(`fixes applied: ${report.fixesApplied.map((fix) => `${fix.ruleId} (line ${fix.line})`).join(', ')}`, '');
  }
  out.push(...layerTable('original', original), '');
  // nothing to compare: the fixed variant is not built when the original fails
  if (!original.built) return [...out, 'fixed: not built (the original does not build)'].join('\n');
  out.push(...layerTable('fixed', fixed), '');
  const value = (measure: ImageMeasure, pick: (m: ImageMeasure) => number | null, format: (n: number) => string): string => {
    const n = measure.built ? pick(measure) : null;
    return n === null ? '' : format(n);
  };
  const rows: string[][] = [
    ['', 'original', 'fixed', 'change'],
    ['size', value(original, (m) => m.sizeBytes, formatBytes), value(fixed, (m) => m.sizeBytes, formatBytes), formatDelta(delta.sizeBytes, original.sizeBytes)],
    ['compressed', value(original, (m) => m.compressedBytes, formatBytes), value(fixed, (m) => m.compressedBytes, formatBytes), formatDelta(delta.compressedBytes, original.compressedBytes)],
    ['layers', value(original, (m) => m.layerCount, String), value(fixed, (m) => m.layerCount, String), delta.layers === null ? '' : delta.layers === 0 ? 'same' : `${delta.layers > 0 ? '+' : ''}${delta.layers}`],
    ['build', `${original.buildSeconds.toFixed(1)} s`, fixed.built ? `${fixed.buildSeconds.toFixed(1)} s` : 'failed', ''],
  ];
  if (original.waste || fixed.waste) {
    const efficiency = (m: ImageMeasure): string => (m.built && m.waste ? formatPercent(m.waste.efficiency) : '');
    const wasted = difference(fixed.waste?.wastedBytes, original.waste?.wastedBytes);
    rows.push(['efficiency', efficiency(original), efficiency(fixed), wasted === null || wasted === 0 ? '' : `wastes ${formatBytes(Math.abs(wasted))} ${wasted < 0 ? 'less' : 'more'}`]);
  }
  if (original.rebuild || fixed.rebuild) {
    const steps = delta.rebuildStepsRun;
    rows.push([
      'rebuild',
      rebuildCell(original),
      rebuildCell(fixed),
      steps === null ? '' : steps === 0 ? 'same steps' : `${steps < 0 ? '' : '+'}${steps} step${Math.abs(steps) === 1 ? '' : 's'}`,
    ]);
  }
  out.push(...table(rows, new Set([1, 2])));
  if (report.editedFile) out.push('', `rebuild: after appending a blank line to ${report.editedFile} (a source file, not a dependency manifest)`);
  if (report.packages) out.push('', ...packageLines(report.packages));
  if (report.files) out.push('', ...fileLines(report.files));
  if (report.smoke && report.smoke.length > 0) out.push('', ...smokeLines(report.smoke));
  if (original.waste || fixed.waste) out.push('', ...wasteLines(original, fixed));
  return out.join('\n');
}

function difference(after: number | undefined, before: number | undefined): number | null {
  return after === undefined || before === undefined ? null : after - before;
}

/** 1 decimal, but never 100.0% for an image that wastes a byte */
function formatPercent(ratio: number): string {
  const percent = Math.floor(ratio * 1000) / 10;
  return `${ratio === 1 ? '100' : percent.toFixed(1)}%`;
}

const WASTE_ROWS_SHOWN = 5;

function wasteRowLines(row: WasteRow): string[] {
  const how = [row.deletedBytes > 0 ? 'deleted' : '', row.overwrittenBytes > 0 ? 'written again' : ''].filter(Boolean).join(' and ');
  const where = row.folders.map((f) => f.folder).join(', ');
  const lineOf = (line: number, instruction: string) => `      line ${line}: ${shorten(instruction)}`;
  const out = [
    `    ${formatBytes(row.sizeBytes)}  line ${row.writtenLine} -> line ${row.removedLine}: ${row.files} file${row.files === 1 ? '' : 's'} ${how} (${where})`,
    ...(row.writtenLine === row.removedLine ? [lineOf(row.writtenLine, `${row.writtenInstruction} (inside the base image)`)] : [lineOf(row.writtenLine, row.writtenInstruction), lineOf(row.removedLine, row.removedInstruction)]),
  ];
  for (const why of row.explainedBy) {
    out.push(`      explained by ${why.ruleId} (line ${why.line}): ${why.message}`);
    if (why.fix) out.push(`        fix${why.fix.safety === 'unsafe' ? ' (unsafe)' : ''}: ${why.fix.description}`);
  }
  return out;
}

/** Each image's wasted bytes by the pair of lines that wrote and hid them, the largest first. */
function wasteLines(original: ImageMeasure, fixed: ImageMeasure): string[] {
  const out = ['wasted bytes (written by one line, deleted or written again by a later one):'];
  for (const [title, measure] of [['original', original], ['fixed', fixed]] as const) {
    const waste = measure.waste;
    if (!waste) continue;
    const summary = `${formatBytes(waste.wastedBytes)} of ${formatBytes(waste.totalBytes)} written, efficiency ${formatPercent(waste.efficiency)}`;
    out.push(`  ${title}: ${waste.rows.length === 0 ? `none (${summary})` : summary}`);
    for (const row of waste.rows.slice(0, WASTE_ROWS_SHOWN)) out.push(...wasteRowLines(row));
    const rest = waste.rows.slice(WASTE_ROWS_SHOWN);
    if (rest.length > 0) out.push(`    … ${rest.length} more pair${rest.length === 1 ? '' : 's'} of lines, ${formatBytes(rest.reduce((sum, row) => sum + row.sizeBytes, 0))}`);
  }
  return out;
}

function packageTable(title: string, list: readonly PackageEntry[], named: ReadonlySet<string>): string[] {
  if (list.length === 0) return [];
  const total = list.reduce((sum, p) => sum + p.sizeBytes, 0);
  const rows = list.map((p) => [p.name, p.version, formatBytes(p.sizeBytes), named.has(p.name) ? '(--fail-on-removed)' : '']);
  return [`${title}: ${list.length} (${formatBytes(total)} installed)`, ...table(rows, new Set([2])).map((line) => `  ${line}`)];
}

/** Packages the fix removed and added, with their installed sizes. */
function packageLines(packages: PackageChanges): string[] {
  if (packages.removed.length === 0 && packages.added.length === 0 && packages.changed.length === 0) return [`${packages.manager} packages: the same in both images`];
  const named = new Set(packages.removedNamed);
  const changed = packages.changed.length === 0
    ? []
    : [`${packages.manager} packages in another version: ${packages.changed.length}`, ...table(packages.changed.map((c) => [c.name, c.before, '->', c.after]), new Set()).map((line) => `  ${line}`)];
  return [...packageTable(`${packages.manager} packages the fix removes`, packages.removed, named), ...packageTable(`${packages.manager} packages the fix adds`, packages.added, named), ...changed];
}

const FOLDERS_SHOWN = 8;

function fileTable(title: string, groups: readonly FileGroup[]): string[] {
  if (groups.length === 0) return [];
  const sum = (list: readonly FileGroup[], pick: (g: FileGroup) => number): number => list.reduce((total, g) => total + pick(g), 0);
  const rows = groups.slice(0, FOLDERS_SHOWN).map((g) => [g.folder, `${g.paths} path${g.paths === 1 ? '' : 's'}`, formatBytes(g.sizeBytes)]);
  const rest = groups.slice(FOLDERS_SHOWN);
  if (rest.length > 0) rows.push([`… ${rest.length} more folder${rest.length === 1 ? '' : 's'}`, `${sum(rest, (g) => g.paths)} paths`, formatBytes(sum(rest, (g) => g.sizeBytes))]);
  const paths = sum(groups, (g) => g.paths);
  return [`${title}: ${paths} path${paths === 1 ? '' : 's'} (${formatBytes(sum(groups, (g) => g.sizeBytes))})`, ...table(rows, new Set([1, 2])).map((line) => `  ${line}`)];
}

/** Paths only in one image by folder, the largest first, at most FOLDERS_SHOWN folders each. */
function fileLines(files: FileChanges): string[] {
  if (files.removed.length === 0 && files.added.length === 0) return ['files: the same paths in both images'];
  return [...fileTable('files only in the original', files.removed), ...fileTable('files only in the fixed image', files.added)];
}

const OUTPUT_LINES = 3;

/** the first lines of a command's output, indented, with how many more there are */
function excerpt(label: string, text: string): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  if (text === '') return [`      ${label}: (empty)`];
  const more = lines.length > OUTPUT_LINES ? [`        … ${lines.length - OUTPUT_LINES} more lines`] : [];
  return [`      ${label}:`, ...lines.slice(0, OUTPUT_LINES).map((line) => `        ${shorten(line)}`), ...more];
}

/** Each smoke command: "same", or what differs with both images' outputs. */
function smokeLines(runs: readonly SmokeComparison[]): string[] {
  const out = ['smoke runs (no network, as the image\'s user):'];
  for (const run of runs) {
    if (run.differs.length === 0) {
      out.push(`  same      ${run.command}  (exit ${run.original.exitCode})`);
      continue;
    }
    out.push(`  DIFFERS   ${run.command}`);
    for (const [variant, outcome] of [['original', run.original], ['fixed', run.fixed]] as const) {
      out.push(`    ${variant}: exit ${outcome.exitCode}`);
      if (run.differs.includes('stdout')) out.push(...excerpt('stdout', outcome.stdout));
      if (run.differs.includes('stderr')) out.push(...excerpt('stderr', outcome.stderr));
    }
  }
  return out;
}
