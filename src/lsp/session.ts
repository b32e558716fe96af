/**
 * Linting open documents the way the CLI lints files: the same config lookup and lint
 * options (src/linter/service.ts). The options are resolved once per path and kept until a
 * config file changes, so a keystroke costs one synchronous lint and nothing else.
 */
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { clearConfigCache } from '../config/index.ts';
import { clearContextCache } from '../model/index.ts';
import { getLinter, type LintOptions } from '../linter/index.ts';
import { configFor, lintOptionsFrom } from '../linter/service.ts';
import type { Dockerfile } from '../parser/ast.ts';
import type { FileResult } from '../linter/types.ts';

/**
 * Rules that run an external program (ShellCheck: a process per lint, a second or more on a
 * 300-line file). While the user types they are left out; the full lint runs once typing pauses.
 */
export const IDLE_ONLY_RULES: readonly string[] = ['shellcheck'];

export interface DocumentLint {
  /** the document version this result belongs to */
  version: number;
  /** false for a keystroke lint that left out IDLE_ONLY_RULES */
  complete: boolean;
  result: FileResult & { df: Dockerfile };
  options: LintOptions;
  /** options without IDLE_ONLY_RULES (fix-all passes) */
  keystrokeOptions: LintOptions;
  /** problems reading the config (a hadolint key we map differently, ...) */
  configWarnings: readonly string[];
}

interface ResolvedOptions {
  options: LintOptions;
  /** the same without IDLE_ONLY_RULES */
  keystrokeOptions: LintOptions;
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

  /**
   * Lints the document's current text (as the CLI would, or without IDLE_ONLY_RULES when
   * `complete` is false); rejects with ConfigError when its config is broken.
   */
  async lint(doc: TextDocument, complete = true): Promise<DocumentLint> {
    const cached = this.latest.get(doc.uri);
    if (cached?.version === doc.version && (cached.complete || !complete)) return cached;
    const resolved = await this.optionsFor(this.filePathOf(doc.uri));
    const options = complete ? resolved.options : resolved.keystrokeOptions;
    const state: DocumentLint = { version: doc.version, complete, result: getLinter().lint(doc.getText(), options), options, keystrokeOptions: resolved.keystrokeOptions, configWarnings: resolved.warnings };
    this.latest.set(doc.uri, state);
    return state;
  }

  /** the last lint of this exact version, if any (code actions and hover read it) */
  current(doc: TextDocument): DocumentLint | undefined {
    const cached = this.latest.get(doc.uri);
    return cached?.version === doc.version ? cached : undefined;
  }

  /**
   * Re-lints a text for fix-all passes. Safe fixes only: the idle-only rules offer none
   * (ShellCheck's edits are unsafe), so leaving them out changes nothing but the wait.
   */
  relintForSafeFixes(state: DocumentLint, text: string): FileResult {
    return getLinter().lint(text, state.keystrokeOptions);
  }

  forget(uri: string): void {
    this.latest.delete(uri);
  }

  /** a config file or a .dockerignore changed: read every config and build context again on the next lint */
  configChanged(): void {
    clearConfigCache();
    clearContextCache();
    this.optionsByPath.clear();
    this.latest.clear();
  }

  private optionsFor(filePath: string): Promise<ResolvedOptions> {
    let resolved = this.optionsByPath.get(filePath);
    if (resolved === undefined) {
      resolved = configFor({ filePath }).then(async (config) => {
        const options = lintOptionsFrom(config, filePath);
        // images on: the answers an earlier CLI run cached; the editor never goes to the network
        if (config.images !== 'off') {
          const { ImageResolver } = await import('../images/index.ts');
          options.images = new ImageResolver({ mode: 'cache' }).lookup;
        }
        const idleOff = Object.fromEntries(IDLE_ONLY_RULES.map((id) => [id, 'off' as const]));
        return { options, keystrokeOptions: { ...options, rules: { ...options.rules, ...idleOff } }, warnings: config.warnings };
      });
      this.optionsByPath.set(filePath, resolved);
    }
    return resolved;
  }
}
