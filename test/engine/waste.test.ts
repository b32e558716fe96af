import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { stackLayers, type LayerChanges, type LayerEntry } from '../../src/engine/image-files.ts';
import { getLinter } from '../../src/linter/index.ts';
import { builtInstructionChain } from '../../src/verify/instructions.ts';
import { renderVerifyReport } from '../../src/verify/render.ts';
import { verifySarif } from '../../src/verify/sarif.ts';
import { measureWaste, type WasteFinding } from '../../src/verify/waste.ts';
import { original, report, smaller } from './sample-report.ts';

const file = (path: string, size: number): LayerEntry => ({ path, type: 'file', size });
const dir = (path: string): LayerEntry => ({ path, type: 'directory', size: 0 });

const text = 'FROM debian\nRUN apt-get update && dd of=/blob \\\n  bs=1 count=100\nENV A=b\nRUN rm /blob \\\n && rm -rf /var/lib/apt/lists/* && echo x > /etc/a\n';
const chain = builtInstructionChain(text);
// the base image's layer, line 2's, line 5's; ENV made no layer
const layers: LayerChanges<LayerEntry>[] = [
  { files: [dir('/etc'), file('/etc/a', 10), dir('/var/lib/apt/lists')], deleted: [], opaque: [] },
  { files: [file('/blob', 100), dir('/var/lib/apt/lists'), file('/var/lib/apt/lists/main', 40), file('/var/lib/apt/lists/security', 10)], deleted: [], opaque: [] },
  { files: [dir('/etc'), file('/etc/a', 2), dir('/var/lib/apt/lists')], deleted: ['/blob'], opaque: ['/var/lib/apt/lists'] },
];
const history = [
  { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', emptyLayer: false },
  { createdBy: 'RUN /bin/sh -c apt-get update && dd of=/blob bs=1 count=100 # buildkit', emptyLayer: false },
  { createdBy: 'ENV A=b', emptyLayer: true },
  { createdBy: 'RUN /bin/sh -c rm /blob && rm -rf /var/lib/apt/lists/* && echo x > /etc/a # buildkit', emptyLayer: false },
];

describe('measureWaste', () => {
  it('attributes deleted and rewritten bytes to the lines that wrote and hid them, with the efficiency', () => {
    const waste = measureWaste(layers, history, chain, []);
    expect(waste.totalBytes).toBe(162);
    expect(waste.wastedBytes).toBe(160);
    expect(waste.efficiency).toBeCloseTo(1 - 160 / 162);
    expect(waste.rows.map((r) => [r.writtenLine, r.removedLine, r.files, r.sizeBytes, r.deletedBytes, r.overwrittenBytes])).toEqual([
      [2, 5, 3, 150, 150, 0],
      [1, 5, 1, 10, 0, 10],
    ]);
    expect(waste.rows[0]!.folders).toEqual([{ folder: '/', sizeBytes: 100 }, { folder: '/var/lib/apt', sizeBytes: 50 }]);
    expect(waste.rows[0]!.writtenInstruction).toBe('RUN apt-get update && dd of=/blob bs=1 count=100');
  });

  it('names the finding that explains a pair of lines: the cleanup at the removing line, a cache rule at the writing line, on any line of the instruction', () => {
    const findings: WasteFinding[] = [
      { ruleId: 'cleanup-in-separate-layer', line: 6, message: 'removed in a later layer', fix: { description: 'clean up in the layer that adds the files', safety: 'unsafe' } },
      { ruleId: 'apt-lists-not-removed', line: 2, message: 'lists stay' },
      // not a waste rule, and a waste rule on the wrong line of the pair
      { ruleId: 'pipefail-missing', line: 2, message: 'x' },
      { ruleId: 'cleanup-in-separate-layer', line: 2, message: 'y' },
    ];
    const [first, second] = measureWaste(layers, history, chain, findings).rows;
    expect(first!.explainedBy.map((e) => [e.ruleId, e.line])).toEqual([['cleanup-in-separate-layer', 6], ['apt-lists-not-removed', 2]]);
    expect(first!.explainedBy[0]!.fix).toEqual({ description: 'clean up in the layer that adds the files', safety: 'unsafe' });
    // the base image's file that line 5 rewrites: the cleanup rule speaks of the stage's own files only
    expect(second!.explainedBy).toEqual([]);
  });

  it('wastes nothing when no layer hides another, and reports on the FROM line when history does not pair with the layers', () => {
    expect(measureWaste([layers[0]!], history.slice(0, 1), chain, [])).toMatchObject({ wastedBytes: 0, efficiency: 1, rows: [] });
    const squashed = measureWaste(layers, [], chain, []);
    expect(squashed.rows.map((r) => [r.writtenLine, r.removedLine])).toEqual([[1, 1]]);
  });
});

describe('stackLayers', () => {
  it('hears of a directory tree a file replaces, each entry once, and keeps only what is visible', () => {
    const hidden: string[] = [];
    const files = stackLayers(
      [
        { files: [dir('/d'), dir('/d/sub'), file('/d/sub/y', 3), file('/d/x', 5), file('/keep', 1)], deleted: [], opaque: [] },
        { files: [file('/d', 1)], deleted: [], opaque: [] },
        { files: [], deleted: ['/d'], opaque: [] },
      ],
      { onHidden: (entry, writtenBy, hiddenBy, how) => void hidden.push(`${entry.path} ${writtenBy}->${hiddenBy} ${how}`) },
    );
    expect(hidden.sort()).toEqual(['/d 0->1 overwritten', '/d 1->2 deleted', '/d/sub 0->1 deleted', '/d/sub/y 0->1 deleted', '/d/x 0->1 deleted']);
    expect([...files.keys()]).toEqual(['/keep']);
  });
});

describe('wasted bytes in the text and SARIF reports', () => {
  const waste = measureWaste(layers, history, chain, [
    { ruleId: 'cleanup-in-separate-layer', line: 5, message: '`/blob` was added on line 2', fix: { description: 'clean up in the layer that adds the files', safety: 'unsafe' } },
  ]);
  const withWaste = { ...original, waste };
  const fixed = { ...smaller, waste: { totalBytes: 12, wastedBytes: 0, efficiency: 1, rows: [] } };

  it('shows the efficiency beside the sizes and each pair of lines with its explanation', () => {
    const text = renderVerifyReport(report(withWaste, fixed));
    expect(text).toMatch(/^efficiency +1\.2% +100% +wastes 160 B less$/m);
    expect(text).toContain('wasted bytes (written by one line, deleted or written again by a later one):\n  original: 160 B of 162 B written, efficiency 1.2%\n    150 B  line 2 -> line 5: 3 files deleted (/, /var/lib/apt)');
    expect(text).toContain('      explained by cleanup-in-separate-layer (line 5): `/blob` was added on line 2\n        fix (unsafe): clean up in the layer that adds the files');
    expect(text).toContain('    10 B  line 1 -> line 5: 1 file written again (/etc)');
    expect(text).toContain('  fixed: none (0 B of 12 B written, efficiency 100%)');
  });

  it('is a SARIF result at the line that explains it, under that rule, valid SARIF 2.1.0', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormatsModule.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../schemas/sarif-2.1.0.json', import.meta.url), 'utf8')));
    const log = JSON.parse(verifySarif(report(withWaste, fixed), { rules: getLinter().metas, cwd: '/work/project', toolVersion: '0.1.0' }));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results.filter((r: { properties?: { waste?: unknown } }) => r.properties?.waste);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ ruleId: 'cleanup-in-separate-layer', level: 'note' });
    expect(results[0].locations[0].physicalLocation.region.startLine).toBe(5);
    expect(results[0].message.text).toBe(
      '150 B in 3 files written by line 2, deleted by line 5: still stored and pulled with the image (measured with docker 20.10.24 (BuildKit); the fixed image wastes 0 B in all). cleanup-in-separate-layer: `/blob` was added on line 2 (fix, unsafe: clean up in the layer that adds the files)',
    );
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('cleanup-in-separate-layer');
    // the base image's line rewritten by line 5 has no rule: a result without one
    expect(results[1].ruleId).toBeUndefined();
  });
});
