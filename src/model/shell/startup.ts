/**
 * Files a shell reads when it starts (profiles, rc files, /etc/environment through PAM): a RUN
 * that writes one changes what the next RUN's shell sees when that shell reads it (a login or
 * interactive SHELL, `BASH_ENV`), which the same commands in one RUN would not see.
 */
import { commandName, hasFlag, readsScriptFromStdin, unwrap } from './commands.ts';
import type { ShellCommand, ShellWord } from './types.ts';

const STARTUP_FILES = new Set([
  '/etc/profile', '/etc/environment', '/etc/bash.bashrc', '/etc/bashrc', '/etc/zshenv', '/etc/zprofile', '/etc/zshrc',
  '/etc/zlogin', '/etc/default/locale', '/etc/login.defs',
]);
const STARTUP_FOLDERS = ['/etc/profile.d/', '/etc/zsh/'];
/** rc files in a home folder (`~/.bashrc`, `$HOME/.profile`, `/home/app/.zshrc`) */
const HOME_RC = /(^|\/)\.(bashrc|bash_profile|bash_login|profile|zshrc|zshenv|zprofile|zlogin|kshrc|mkshrc|shrc)$/;
const WRITERS = new Set(['tee', 'cp', 'mv', 'ln', 'install', 'rsync', 'dd', 'touch']);
const WRITE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);

export function isStartupFile(path: string): boolean {
  return STARTUP_FILES.has(path) || STARTUP_FOLDERS.some((f) => path.startsWith(f)) || HOME_RC.test(path);
}

/** a word naming a startup file; a dynamic one (`"$HOME/.bashrc"`) by its text without quotes */
const named = (w: ShellWord | undefined): boolean => w !== undefined && isStartupFile(w.value ?? w.text.replace(/["']/g, ''));

/**
 * Whether `command` may change a shell startup file: it writes one (a redirect, `tee`, `cp`,
 * `sed -i` ...), or runs a script piped into a shell (`curl ... | bash`: installers such as
 * nvm, rvm or conda add themselves to a profile).
 */
export function changesShellStartup(command: ShellCommand): boolean {
  if (command.redirects.some((r) => WRITE_REDIRECTS.has(r.op) && named(r.target))) return true;
  if (command.inPipeline && (command.joinedBy === '|' || command.joinedBy === '|&') && readsScriptFromStdin(command)) return true;
  const program = commandName(command);
  if (program === undefined) return false;
  if (WRITERS.has(program) || ((program === 'sed' || program === 'perl') && hasFlag(command, 'i', 'in-place'))) {
    return unwrap(command).args.some(named);
  }
  return false;
}
