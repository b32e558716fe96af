/**
 * The language server driven over stdio by a real LSP client (vscode-jsonrpc): diagnostics
 * equal to what the CLI's lint service reports, quick fixes and fix-all applied with the
 * client library's own edit application, hover docs, ignore comments, config reload.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintDocument } from '../../src/linter/service.ts';
import { startClient, type LspClient } from './client.ts';

// tsx by absolute path: the server runs in a temporary folder, where `--import tsx` would not resolve
const TSX_LOADER = pathToFileURL(join(import.meta.dirname, '../../node_modules/tsx/dist/loader.mjs')).href;
const SERVER = [process.execPath, ['--import', TSX_LOADER, join(import.meta.dirname, 'serve.ts')]] as const;

const BAD = 'FROM debian:latest\nRUN apt-get update && apt-get install -y curl\n';

let dir: string;
let client: LspClient;
let version = 1;

function open(name: string, text: string): { uri: string; doc: TextDocument; diagnostics: Promise<Diagnostic[]> } {
  const path = join(dir, name);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  const diagnostics = client.nextDiagnostics(uri).then((p) => p.diagnostics);
  void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'dockerfile', version: 1, text },
  });
  return { uri, doc: TextDocument.create(uri, 'dockerfile', 1, text), diagnostics };
}

async function actionsAt(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  const result = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...(only && { only }) },
  });
  return (result ?? []) as CodeAction[];
}

function applyAction(doc: TextDocument, action: CodeAction): string {
  const edits = action.edit?.changes?.[doc.uri];
  expect(edits, `edits of "${action.title}"`).toBeDefined();
  return TextDocument.applyEdits(doc, edits!);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tslint-docker-lsp-'));
  // the folder is its own repository root, so no config above it applies
  writeFileSync(join(dir, '.git'), '');
  client = await startClient(SERVER[0], SERVER[1], { cwd: dir, initializationOptions: { debounceMs: 10 } });
}, 120_000);

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('language server over stdio', () => {
  it('announces incremental sync, quick fixes with fix-all, hover, and watches config files', async () => {
    const caps = client.initialize.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.tslint-docker'] });
    expect(caps.hoverProvider).toBe(true);
    const watchers = ((await client.registered) as { registerOptions: { watchers: { globPattern: string }[] } }[])
      .flatMap((r) => r.registerOptions.watchers.map((w) => w.globPattern));
    expect(watchers).toContain('**/.hadolint.{yaml,yml}');
  });

  it('publishes on open exactly what the lint service (the CLI) reports, as 0-based ranges', async () => {
    const { uri, diagnostics } = open('Dockerfile', BAD);
    const published = await diagnostics;
    const cli = (await lintDocument({ source: BAD, filePath: join(dir, 'Dockerfile') })).result.findings;
    const lspSeverity = { error: 1, warning: 2, info: 3, style: 4 } as const;
    expect(published).toEqual(
      cli.map((f) => ({
        range: {
          start: { line: f.range.start.line - 1, character: f.range.start.column - 1 },
          end: { line: f.range.end.line - 1, character: f.range.end.column - 1 },
        },
        severity: lspSeverity[f.severity],
        code: f.ruleId,
        source: 'tslint-docker',
        message: f.message,
        codeDescription: { href: pathToFileURL(join(import.meta.dirname, '../../docs/rules', `${f.ruleId}.md`)).href },
      })),
    );
    const apt = published.find((d) => d.code === 'apt-no-install-recommends');
    const start = BAD.indexOf('apt-get install');
    expect(apt?.range).toEqual({ start: { line: 1, character: start - 19 }, end: { line: 1, character: BAD.indexOf('\n', start) - 19 } });
    expect(apt?.severity).toBe(3);
    expect(uri).toMatch(/^file:/);
  });

  it('re-lints after an incremental change and publishes for the new version', async () => {
    const text = 'FROM debian:12\nRUN apt-get install -y curl\n';
    const { uri, diagnostics } = open('change.Dockerfile', text);
    expect((await diagnostics).map((d) => d.code)).toContain('apt-no-install-recommends');
    const at = text.indexOf(' curl');
    const next = client.nextDiagnostics(uri, 2);
    // two keystrokes in one change message, as editors batch them
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 1, character: at - 15 }, end: { line: 1, character: at - 15 } }, text: ' --no-install-recommends' },
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
      ],
    });
    expect((await next).diagnostics.map((d) => d.code)).not.toContain('apt-no-install-recommends');
  });

  it('offers the safe fix as the preferred quick fix and its edit fixes the file', async () => {
    const { uri, doc, diagnostics } = open('fix.Dockerfile', BAD);
    const apt = (await diagnostics).find((d) => d.code === 'apt-no-install-recommends')!;
    const actions = await actionsAt(uri, apt);
    const fix = actions.find((a) => a.title.startsWith('Fix: add --no-install-recommends'));
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [apt] });
    // curl's ca-certificates is only a recommendation: the fix names it
    expect(applyAction(doc, fix!)).toBe(BAD.replace('install -y curl', 'install --no-install-recommends -y curl ca-certificates'));
  });

  it('offers an ignore comment for the instruction, which silences the finding', async () => {
    const { uri, doc, diagnostics } = open('ignore.Dockerfile', BAD);
    const apt = (await diagnostics).find((d) => d.code === 'apt-no-install-recommends')!;
    const ignore = (await actionsAt(uri, apt)).find((a) => a.title === 'Ignore apt-no-install-recommends for this instruction')!;
    const ignored = applyAction(doc, ignore);
    expect(ignored).toBe('FROM debian:latest\n# tslint-docker ignore=apt-no-install-recommends\nRUN apt-get update && apt-get install -y curl\n');
    const again = open('ignored.Dockerfile', ignored);
    const left = (await again.diagnostics).map((d) => d.code);
    expect(left).not.toContain('apt-no-install-recommends');
    expect(left).toContain('base-image-latest');
  });

  it('fixes all safe problems in the file as --fix does', async () => {
    const { uri, doc, diagnostics } = open('fixall.Dockerfile', BAD);
    const first = (await diagnostics)[0]!;
    const actions = await actionsAt(uri, first, ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.tslint-docker']);
    const fixed = applyAction(doc, actions[0]!);
    expect(fixed).toContain('apt-get install --no-install-recommends -y curl');
    const remaining = (await lintDocument({ source: fixed, filePath: join(dir, 'fixall.Dockerfile') })).result.findings;
    expect(remaining.filter((f) => f.fix?.safety === 'safe')).toEqual([]);
  });

  it('shows the rule doc on hover over a flagged range, nothing elsewhere', async () => {
    const { uri, diagnostics } = open('hover.Dockerfile', `# a comment no rule flags\n${BAD}`);
    const apt = (await diagnostics).find((d) => d.code === 'apt-no-install-recommends')!;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: apt.range.start });
    const value = (hover?.contents as MarkupContent).value;
    expect(value).toContain('**apt-no-install-recommends** (info)');
    expect(value).toContain('## Why is this bad?');
    expect(hover?.range).toEqual(apt.range);
    const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    expect(none).toBeNull();
  });

  it('re-reads a config file when it changes, and reports a broken one at the top of the file', async () => {
    const { uri, diagnostics } = open('config.Dockerfile', BAD);
    expect((await diagnostics).map((d) => d.code)).toContain('base-image-latest');
    const configPath = join(dir, '.tslint-dockerrc.json');
    const notify = async (text: string) => {
      writeFileSync(configPath, text);
      const next = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(configPath).href, type: FileChangeType.Changed }],
      });
      return (await next).diagnostics;
    };
    expect((await notify('{ "rules": { "base-image-latest": "off" } }')).map((d) => d.code)).not.toContain('base-image-latest');
    // the config's preset, as the CLI reads it: hadolint's has apt-pin-versions (DL3008), recommended has not
    expect((await diagnostics).map((d) => d.code)).not.toContain('apt-pin-versions');
    expect((await notify('{ "preset": "hadolint" }')).map((d) => d.code)).toContain('apt-pin-versions');
    const broken = await notify('{ "rules": { "no-such-rule": "off" } }');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ severity: 1, range: { start: { line: 0, character: 0 } } });
    expect(broken[0]!.message).toMatch(/^configuration error: .*no-such-rule/);
    expect((await notify('{}')).map((d) => d.code)).toContain('base-image-latest');
    rmSync(configPath);
  });

  it('reads a .dockerignore again when it changes', async () => {
    // <Dockerfile>.dockerignore: BuildKit's per-Dockerfile ignore file, so other tests in this folder are not affected
    const ignorePath = join(dir, 'ctx.Dockerfile.dockerignore');
    writeFileSync(ignorePath, 'notes.md\n');
    const { uri, diagnostics } = open('ctx.Dockerfile', 'FROM debian:12\nCOPY notes.md /app/\nUSER 1000\n');
    expect((await diagnostics).map((d) => d.code)).toContain('copy-ignored-file');
    writeFileSync(ignorePath, '*.log\n');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(ignorePath).href, type: FileChangeType.Changed }],
    });
    expect((await next).diagnostics.map((d) => d.code)).not.toContain('copy-ignored-file');
    rmSync(ignorePath);
  });

  it('keeps positions exact in CRLF files and past astral characters', async () => {
    const text = 'FROM debian:12\r\n# 🐳 build\r\nRUN echo "🐳" && apt-get install -y curl\r\n';
    const { diagnostics } = open('crlf.Dockerfile', text);
    const apt = (await diagnostics).find((d) => d.code === 'apt-no-install-recommends')!;
    const lineStart = text.indexOf('RUN');
    // UTF-16 code units, as LSP counts by default: the whale is two
    expect(apt.range.start).toEqual({ line: 2, character: text.indexOf('apt-get') - lineStart });
    expect(apt.range.end).toEqual({ line: 2, character: text.indexOf('\r', lineStart) - lineStart });
    expect(client.stderr()).toBe('');
    expect(readFileSync(join(dir, 'crlf.Dockerfile'), 'utf8')).toBe(text);
  });
});
