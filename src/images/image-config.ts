/**
 * The `config` object of an image config (the OCI image spec's, which Docker's inspect output
 * shares: `User`, `Env`, `WorkingDir`, ...) as the model's ImageConfig. Fields of the wrong type
 * are left out, not guessed.
 */
import type { ImageConfig, ImagePlatform } from '../model/base-image.ts';

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  const record = asRecord(value);
  if (record === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(record)) if (typeof v === 'string') out[key] = v;
  return out;
}

export function imageConfigOf(raw: unknown): ImageConfig {
  const config = asRecord(raw) ?? {};
  const env: Record<string, string> = {};
  for (const pair of strings(config.Env) ?? []) {
    const eq = pair.indexOf('=');
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const out: ImageConfig = {
    // no User is root, as the engine runs it
    user: typeof config.User === 'string' ? config.User : '',
    env,
    exposedPorts: Object.keys(asRecord(config.ExposedPorts) ?? {}),
    labels: stringRecord(config.Labels) ?? {},
  };
  if (typeof config.WorkingDir === 'string' && config.WorkingDir !== '') out.workingDir = config.WorkingDir;
  const shell = strings(config.Shell);
  if (shell) out.shell = shell;
  const entrypoint = strings(config.Entrypoint);
  if (entrypoint) out.entrypoint = entrypoint;
  const cmd = strings(config.Cmd);
  if (cmd) out.cmd = cmd;
  return out;
}

/** `os`, `architecture`, `variant` of an image config or an index entry's `platform` (given the key spelling) */
export function platformOf(raw: unknown, keys: { os: string; architecture: string; variant: string } = { os: 'os', architecture: 'architecture', variant: 'variant' }): ImagePlatform | undefined {
  const record = asRecord(raw);
  if (record === undefined || typeof record[keys.os] !== 'string' || typeof record[keys.architecture] !== 'string') return undefined;
  const variant = record[keys.variant];
  return { os: record[keys.os] as string, architecture: record[keys.architecture] as string, variant: typeof variant === 'string' ? variant : '' };
}

export { asRecord };
