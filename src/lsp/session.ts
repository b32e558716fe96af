/**
 * Linting open documents the way the CLI lints files: the same config lookup and lint
 * options (src/linter/service.ts). The options are resolved once per path and kept until a
 * config file changes, so a keystroke costs one synchronous lint and nothing else.
 */
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { clearConfigCache } from '../config/index.ts';
import { getLinter, type LintOptions } from '../linter/index.ts';
import { configFor, lintOptionsFrom } from '../linter/service.ts';
import type { Dockerfile } from '../parser/ast.ts';
import type { FileResult } from '../linter/types.ts';

export interface DocumentLint {
  /** the document version this result belongs to */
  version: number;
  result: FileResult & { df: Dockerfile };
  options: LintOptions;
  /** problems reading the config (a hadolint key we map differently, ...) */
  configWarnings: readonly string[];
}

interface ResolvedOptions {
  options: LintOptions;
  warnings: readonly string[];
}

export class LintSession {
  private readonly optionsByPath = new Map<string, Promise<ResolvedOptions>>();
  private readonly latest = new Map<string, DocumentLint>();

  /** @param fallbackDir where documents without a file path (untitled buffers) are linted from, as stdin is from the cwd */
  constructor(private fallbackDir: string) {}

  setFallbackDir(dir: string): void {
    this.fallbackDir = dir;
  }

  filePathOf(uri: string): string {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    const name = basename(decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:/i, '')));
    return join(this.fallbackDir, name === '' ? 'Dockerfile' : name);
  }

  /** Lints the document's current text; rejects with ConfigError when its config is broken. */
  async lint(doc: TextDocument): Promise<DocumentLint> {
    const cached = this.latest.get(doc.uri);
    if (cached?.version === doc.version) return cached;
    const { options, warnings } = await this.optionsFor(this.filePathOf(doc.uri));
    return this.lintWith(doc, options, warnings);
  }

  /** the last lint of this exact version, if any (code actions and hover read it) */
  current(doc: TextDocument): DocumentLint | undefined {
    const cached = this.latest.get(doc.uri);
    return cached?.version === doc.version ? cached : undefined;
  }

  /** re-lint a text with the options a document was linted with (fix-all passes) */
  relint(state: DocumentLint, text: string): FileResult {
    return getLinter().lint(text, state.options);
  }

  forget(uri: string): void {
    this.latest.delete(uri);
  }

  /** a config file changed: read every config again on the next lint */
  configChanged(): void {
    clearConfigCache();
    this.optionsByPath.clear();
    this.latest.clear();
  }

  private lintWith(doc: TextDocument, options: LintOptions, configWarnings: readonly string[]): DocumentLint {
    const state: DocumentLint = { version: doc.version, result: getLinter().lint(doc.getText(), options), options, configWarnings };
    this.latest.set(doc.uri, state);
    return state;
  }

  private optionsFor(filePath: string): Promise<ResolvedOptions> {
    let resolved = this.optionsByPath.get(filePath);
    if (resolved === undefined) {
      resolved = configFor({ filePath }).then((config) => ({ options: lintOptionsFrom(config, filePath), warnings: config.warnings }));
      this.optionsByPath.set(filePath, resolved);
    }
    return resolved;
  }
}
