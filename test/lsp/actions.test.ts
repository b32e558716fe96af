/** Code actions computed in-process: ignore comments (new, merged, indented, CRLF) and fix-all's edit. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits } from '../../src/fix/apply.ts';
import { fixAllEdit, ignoreEdit } from '../../src/lsp/actions.ts';
import { LintSession } from '../../src/lsp/session.ts';

let dir: string;
let session: LintSession;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tslint-docker-actions-'));
  writeFileSync(join(dir, '.git'), '');
  session = new LintSession(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let documents = 0;

/** each text its own document: the session keeps one lint per document version */
async function lint(text: string) {
  const doc = TextDocument.create(pathToFileURL(join(dir, `${++documents}.Dockerfile`)).href, 'dockerfile', 1, text);
  return { doc, state: await session.lint(doc) };
}

async function ignored(text: string, ruleId: string): Promise<string | undefined> {
  const { state } = await lint(text);
  const finding = state.result.findings.find((f) => f.ruleId === ruleId);
  expect(finding, `${ruleId} in ${JSON.stringify(text)}`).toBeDefined();
  const edit = ignoreEdit(state, finding!);
  return edit && applyEdits(text, [edit]);
}

describe('ignore this rule for this instruction', () => {
  it('adds the comment above a continued instruction flagged on a later line, with its indentation', async () => {
    const text = 'FROM debian:12\n  RUN apt-get update && \\\n    apt-get install -y curl\n';
    expect(await ignored(text, 'apt-no-install-recommends')).toBe(
      'FROM debian:12\n  # tslint-docker ignore=apt-no-install-recommends\n  RUN apt-get update && \\\n    apt-get install -y curl\n',
    );
  });

  it('adds the rule to an ignore comment already above the instruction', async () => {
    const text = 'FROM debian:12\n# tslint-docker ignore=apt-pin-versions\nRUN apt-get update && apt-get install -y curl\n';
    expect(await ignored(text, 'apt-no-install-recommends')).toBe(
      'FROM debian:12\n# tslint-docker ignore=apt-pin-versions,apt-no-install-recommends\nRUN apt-get update && apt-get install -y curl\n',
    );
  });

  it('keeps CRLF line ends', async () => {
    const text = 'FROM debian:latest\r\nRUN true\r\n';
    expect(await ignored(text, 'base-image-latest')).toBe('# tslint-docker ignore=base-image-latest\r\nFROM debian:latest\r\nRUN true\r\n');
  });

  it('offers nothing for a parse error', async () => {
    expect(await ignored('FROM debian:12\nFOM debian\n', 'syntax-error')).toBeUndefined();
  });
});

describe('fix all safe problems', () => {
  it('is one edit covering only what changed, equal to the fixed text', async () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCMD ["true"]\n';
    const { doc, state } = await lint(text);
    const edit = fixAllEdit(doc, (t) => session.relintForSafeFixes(state, t).findings)!;
    expect(edit.range.start.line).toBe(1);
    expect(edit.range.end.line).toBe(1);
    const fixed = TextDocument.applyEdits(doc, [edit]);
    expect(fixed).toContain('apt-get install --no-install-recommends -y curl');
    expect(fixed.endsWith('\nCMD ["true"]\n')).toBe(true);
  });

  it('is nothing when no safe fix applies', async () => {
    const { doc, state } = await lint('FROM debian:12\n');
    expect(fixAllEdit(doc, (t) => session.relintForSafeFixes(state, t).findings)).toBeUndefined();
  });
});
