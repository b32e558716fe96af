/**
 * `tslint-docker lsp --stdio`: diagnostics on open and change (incremental sync, debounced),
 * quick fixes, fix-all, ignore comments, rule docs on hover. Config files are watched and
 * re-read when they change.
 */
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError } from '../config/index.ts';
import type { Finding } from '../linter/types.ts';
import { CODE_ACTION_KINDS, codeActions } from './actions.ts';
import { configErrorDiagnostic, ruleDocLinker, toDiagnostic } from './diagnostics.ts';
import { hoverAt } from './hover.ts';
import { LintSession, type DocumentLint } from './session.ts';

/** the files whose change can change a Dockerfile's configuration or build context */
export const CONFIG_FILE_GLOBS = [
  '**/.dockerignore',
  '**/*.dockerignore',
  '**/package.json',
  '**/.tslint-dockerrc',
  '**/.tslint-dockerrc.{json,yaml,yml,js,cjs,mjs}',
  '**/tslint-docker.config.{js,mjs,cjs,ts}',
  '**/.hadolint.{yaml,yml}',
];

/** initializationOptions the server understands */
export interface ServerOptions {
  /** wait this long after the last change before linting (default 50) */
  debounceMs?: number;
  /** wait this long after the last change before the full lint with the idle-only rules (default 600) */
  idleMs?: number;
  /** rule docs at `${docsBaseUrl}/${ruleId}` instead of the Markdown files shipped in the package */
  docsBaseUrl?: string;
}

const DEFAULT_DEBOUNCE_MS = 50;
const DEFAULT_IDLE_MS = 600;

/** Serves one client over stdin/stdout until it exits. */
export function startLanguageServer(): Connection {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  serve(connection);
  connection.listen();
  return connection;
}

function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const session = new LintSession(process.cwd());
  const timers = new Map<string, NodeJS.Timeout>();
  const idleTimers = new Map<string, NodeJS.Timeout>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let idleMs = DEFAULT_IDLE_MS;
  let docHref = ruleDocLinker(undefined);
  let canRegisterWatchers = false;
  /** config warnings already shown: once each, not on every keystroke */
  const warned = new Set<string>();

  const diagnosticFor = (doc: TextDocument) => (finding: Finding): Diagnostic => toDiagnostic(doc, finding, docHref(finding.ruleId));

  async function publish(doc: TextDocument, complete: boolean): Promise<void> {
    let diagnostics: Diagnostic[];
    try {
      const state = await session.lint(doc, complete);
      // a newer version arrived while the config loaded: its own lint will publish
      if (documents.get(doc.uri)?.version !== doc.version) return;
      const toLsp = diagnosticFor(doc);
      diagnostics = state.result.findings.filter((f) => !f.suppressed).map(toLsp);
      for (const warning of state.configWarnings) {
        if (!warned.has(warning)) connection.console.warn(warning);
        warned.add(warning);
      }
    } catch (error) {
      if (!(error instanceof ConfigError)) {
        connection.console.error(`tslint-docker: linting ${doc.uri} failed: ${(error as Error).stack ?? String(error)}`);
        return;
      }
      diagnostics = [configErrorDiagnostic(error.message)];
    }
    await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  function later(pending: Map<string, NodeJS.Timeout>, uri: string, delay: number, complete: boolean): void {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const latest = documents.get(uri);
        if (latest) void publish(latest, complete);
      }, delay),
    );
  }

  /** a keystroke: a quick lint soon, the full one when typing pauses */
  function scheduleAfterEdit(uri: string): void {
    later(timers, uri, debounceMs, false);
    later(idleTimers, uri, idleMs, true);
  }

  function scheduleFull(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    later(idleTimers, uri, 0, true);
  }

  /** the lint of the document as the client sees it now (code actions may arrive before the debounce fires) */
  async function stateOf(uri: string): Promise<{ doc: TextDocument; state: DocumentLint } | null> {
    const doc = documents.get(uri);
    if (!doc) return null;
    try {
      return { doc, state: session.current(doc) ?? (await session.lint(doc)) };
    } catch {
      return null;
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as ServerOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    if (typeof init.idleMs === 'number' && init.idleMs >= 0) idleMs = init.idleMs;
    if (typeof init.docsBaseUrl === 'string') docHref = ruleDocLinker(init.docsBaseUrl);
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (root?.startsWith('file:')) session.setFallbackDir(fileURLToPath(root));
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        hoverProvider: true,
      },
      serverInfo: { name: 'tslint-docker' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILE_GLOBS.map((globPattern) => ({ globPattern })),
      });
    }
  });

  // the manager fires a content change for the open too: that one gets the full lint at once
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => opening.add(document.uri));
  documents.onDidChangeContent(({ document }) => (opening.delete(document.uri) ? scheduleFull(document.uri) : scheduleAfterEdit(document.uri)));
  documents.onDidClose(({ document }) => {
    for (const pending of [timers, idleTimers]) {
      clearTimeout(pending.get(document.uri));
      pending.delete(document.uri);
    }
    session.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles(() => {
    session.configChanged();
    for (const doc of documents.all()) scheduleFull(doc.uri);
  });

  connection.onCodeAction(async (params) => {
    const found = await stateOf(params.textDocument.uri);
    if (!found) return [];
    const { doc, state } = found;
    return codeActions({
      doc,
      state,
      start: doc.offsetAt(params.range.start),
      end: doc.offsetAt(params.range.end),
      ...(params.context.only && { only: params.context.only }),
      diagnosticFor: diagnosticFor(doc),
      relint: (text) => session.relintForSafeFixes(state, text).findings,
    });
  });

  connection.onHover(async (params) => {
    const found = await stateOf(params.textDocument.uri);
    return found ? hoverAt(found.doc, found.state, found.doc.offsetAt(params.position)) : null;
  });

  documents.listen(connection);
}
