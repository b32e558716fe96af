/**
 * Runs the external `shellcheck` binary over RUN scripts, when it is on PATH: all the
 * scripts of one Dockerfile in a single process, each as its own file (state must not
 * leak from one RUN to the next). Positions come back as offsets into each script's text.
 */
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createRequire } from 'node:module';

// node:child_process is loaded on the first shellcheck run, not at every start-up
const requireBuiltin = createRequire(import.meta.url);

export type ShellcheckDialect = 'sh' | 'bash' | 'dash' | 'ksh';
export type ShellcheckLevel = 'error' | 'warning' | 'info' | 'style';

export interface ShellcheckJob {
  /** the script as the shell receives it */
  text: string;
  dialect: ShellcheckDialect;
  /** variables the script finds in its environment (build ARGs, ENV, proxy variables) */
  environment: readonly string[];
}

export interface ShellcheckReplacement {
  /** offsets into the job's text, end exclusive */
  start: number;
  end: number;
  text: string;
}

export interface ShellcheckComment {
  code: number;
  level: ShellcheckLevel;
  message: string;
  /** offsets into the job's text, end exclusive */
  start: number;
  end: number;
  replacements: ShellcheckReplacement[];
}

/** codes that speak of files outside the script (`. ./env.sh` cannot be followed at lint time) */
const EXCLUDED_CODES = ['SC1090', 'SC1091'];
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** two header lines precede each script: the shebang and the exported environment */
const HEADER_LINES = 2;

let binary: string | null | undefined;

/** the shellcheck executable on PATH, looked up once per process */
export function shellcheckBinary(): string | undefined {
  if (binary === undefined) {
    binary = null;
    const names = process.platform === 'win32' ? ['shellcheck.exe', 'shellcheck'] : ['shellcheck'];
    for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
      if (!dir) continue;
      for (const name of names) {
        try {
          accessSync(join(dir, name), constants.X_OK);
          binary = join(dir, name);
          break;
        } catch {
          // not here
        }
      }
      if (binary) break;
    }
  }
  return binary ?? undefined;
}

/** the dialect ShellCheck should read a script in, from the SHELL argv or a `#!` program; undefined = not a shell it knows */
export function shellcheckDialect(program: string): ShellcheckDialect | undefined {
  const name = program.slice(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1).replace(/\.exe$/i, '');
  switch (name) {
    case 'sh':
    case 'ash':
      return 'sh';
    case 'dash':
      return 'dash';
    case 'bash':
      return 'bash';
    case 'ksh':
    case 'mksh':
      return 'ksh';
    default:
      return undefined;
  }
}

let workDir: string | undefined;

/**
 * Results by checked file content: re-linting after a fix, or an editor re-linting on each
 * keystroke, checks only the scripts that changed (one shellcheck start costs ~100 ms).
 */
const cache = new Map<string, ShellcheckComment[]>();
const CACHE_SIZE = 2000;

/** Checks every job in one shellcheck run; returns one list per job (empty lists when the run fails). */
export function runShellcheck(jobs: readonly ShellcheckJob[]): ShellcheckComment[][] {
  const contents = jobs.map(fileContent);
  const results: ShellcheckComment[][] = contents.map((c) => cache.get(c) ?? []);
  const todo = jobs.map((_, i) => i).filter((i) => !cache.has(contents[i]!));
  const exe = shellcheckBinary();
  if (!exe || todo.length === 0) return results;
  try {
    if (!workDir) {
      workDir = mkdtempSync(join(tmpdir(), 'tslint-docker-shellcheck-'));
      const dir = workDir;
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    const files = todo.map((index, n) => {
      const file = join(workDir!, `run${n}.sh`);
      writeFileSync(file, contents[index]!);
      return file;
    });
    const { spawnSync } = requireBuiltin('node:child_process') as typeof import('node:child_process');
    const run = spawnSync(exe, ['--norc', '-f', 'json1', '-e', EXCLUDED_CODES.join(','), ...files], {
      encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024,
    });
    if (typeof run.stdout !== 'string' || run.stdout.trim() === '') return results;
    const parsed = JSON.parse(run.stdout) as { comments?: RawComment[] };
    const lineStarts = jobs.map((job) => lineStartsOf(job.text));
    const found: ShellcheckComment[][] = todo.map(() => []);
    for (const c of parsed.comments ?? []) {
      const n = files.indexOf(c.file);
      if (n === -1) continue;
      const index = todo[n]!;
      const starts = lineStarts[index]!;
      const text = jobs[index]!.text;
      const at = (line: number, column: number) => offsetOf(starts, text, line - HEADER_LINES, column);
      const start = at(c.line, c.column);
      const end = at(c.endLine, c.endColumn);
      if (start === undefined || end === undefined) continue;
      const replacements: ShellcheckReplacement[] = [];
      for (const r of c.fix?.replacements ?? []) {
        const rs = at(r.line, r.column);
        const re = at(r.endLine, r.endColumn);
        if (rs === undefined || re === undefined) {
          replacements.length = 0;
          break;
        }
        replacements.push({ start: rs, end: Math.max(rs, re), text: r.replacement });
      }
      found[n]!.push({
        code: c.code, level: c.level, message: c.message, start, end: Math.max(start, end), replacements,
      });
    }
    // exit status 0 (clean) or 1 (comments): anything else is a failed run, not a clean script
    if (run.status !== 0 && run.status !== 1) return results;
    todo.forEach((index, n) => {
      results[index] = found[n]!;
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(contents[index]!, found[n]!);
    });
  } catch {
    // a missing, crashing or misbehaving shellcheck must never break linting
  }
  return results;
}

/** the checked file: shebang, exported environment, then the script (HEADER_LINES lines precede it) */
function fileContent(job: ShellcheckJob): string {
  const names = [...new Set(job.environment.filter((n) => SHELL_NAME.test(n)))];
  const exports = names.length > 0 ? `export ${names.map((n) => `${n}=`).join(' ')}` : '';
  return `#!/bin/${job.dialect}\n${exports}\n${job.text}`;
}

interface RawComment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: ShellcheckLevel;
  code: number;
  message: string;
  fix?: { replacements?: { line: number; endLine: number; column: number; endColumn: number; replacement: string }[] } | null;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** json1 counts columns in characters (a tab is one); lines in the header map to nothing */
function offsetOf(starts: readonly number[], text: string, line: number, column: number): number | undefined {
  if (line < 1) return undefined;
  const lineStart = starts[line - 1];
  if (lineStart === undefined) return text.length;
  const lineEnd = starts[line] !== undefined ? starts[line]! - 1 : text.length;
  return Math.min(lineStart + Math.max(0, column - 1), lineEnd);
}
