import path from 'node:path';

/** A configuration problem the user must fix; the CLI reports its message and exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** absolute path of the config file at fault, when there is one */
  readonly filePath: string | undefined;

  /** With a file, the message starts with its path: `.tslint-dockerrc.json: rules.x must be ...`. */
  constructor(message: string, filePath?: string) {
    super(filePath === undefined ? message : `${displayPath(filePath)}: ${message}`);
    this.filePath = filePath;
  }
}

/** The path as the user would type it: relative to the working directory when inside it. */
export function displayPath(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative;
}
