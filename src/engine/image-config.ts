/**
 * The part of an image's configuration that decides how its containers run, in one shape for
 * every engine, and the comparison of two of them by meaning (Env and Labels as sets).
 */

/** Keys as Docker names them in `docker image inspect` (`Config.*`, and `Author`). */
export interface ImageConfig {
  User: string;
  Env: string[];
  Entrypoint: string[] | null;
  Cmd: string[] | null;
  WorkingDir: string;
  Labels: Record<string, string>;
  ExposedPorts: string[];
  Volumes: string[];
  StopSignal: string;
  Healthcheck: unknown;
  Shell: string[] | null;
  OnBuild: string[];
  Author: string;
}

export type ImageConfigKey = keyof ImageConfig;

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function strings(value: unknown): string[] | null {
  return Array.isArray(value) ? value.map(String) : null;
}

/**
 * From a Docker-style config object (`Config` of `docker image inspect`, `config` of an OCI or
 * Docker image config) and the image's author. Sets are sorted; `ArgsEscaped` is left out
 * (it only records which form CMD was written in, for Windows).
 */
export function imageConfigOf(rawConfig: unknown, author: unknown, extra: unknown = {}): ImageConfig {
  const config = { ...record(extra), ...record(rawConfig) };
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const rawLabels = record(config.Labels);
  const labels = Object.fromEntries(Object.keys(rawLabels).sort().map((key) => [key, String(rawLabels[key])]));
  return {
    User: text(config.User),
    Env: (strings(config.Env) ?? []).sort(),
    Entrypoint: strings(config.Entrypoint),
    Cmd: strings(config.Cmd),
    WorkingDir: text(config.WorkingDir),
    Labels: labels,
    ExposedPorts: Object.keys(record(config.ExposedPorts)).sort(),
    Volumes: Object.keys(record(config.Volumes)).sort(),
    StopSignal: text(config.StopSignal),
    Healthcheck: config.Healthcheck ?? null,
    Shell: strings(config.Shell),
    OnBuild: strings(config.OnBuild) ?? [],
    Author: text(author),
  };
}

/** The keys whose values differ. */
export function diffConfig(before: ImageConfig, after: ImageConfig): ImageConfigKey[] {
  return (Object.keys(before) as ImageConfigKey[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
