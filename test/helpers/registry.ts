/**
 * The local registries scripts/start-engine.sh runs (Debian's docker-registry, on 127.0.0.1
 * only): the open one holding the test images, and a read-only one over the same storage
 * behind basic auth. Tests that need them ask `usableRegistry()` and skip, with the printed
 * reason, when they are not running: that is the machine's state, not a failure of ours.
 *
 * Images there (pushed by start-engine.sh, not kept in the engine's store):
 *   tslint/app:1          USER 1000:1000, ENV, WORKDIR, SHELL, EXPOSE, LABEL, ENTRYPOINT, CMD
 *   tslint/root:1         no USER
 *   tslint/tool:latest    = :1.36.1 = :1.36 = :1 = :edge; :1.35.0 is another image
 *   tslint/multi:1        a Docker manifest list (linux/amd64, linux/arm64); tslint/multi-oci:1 the same as an OCI index
 */
export const REGISTRY = process.env.TSLINT_DOCKER_REGISTRY ?? '127.0.0.1:5140';
export const AUTH_REGISTRY = process.env.TSLINT_DOCKER_AUTH_REGISTRY ?? '127.0.0.1:5141';
export const AUTH_USER = 'tslint';
export const AUTH_PASSWORD = 'tslint-test';

const ACCEPT = 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json';

async function status(url: string, accept?: string): Promise<number | string> {
  try {
    const response = await fetch(url, { method: 'HEAD', headers: accept ? { accept } : {}, signal: AbortSignal.timeout(5_000) });
    return response.status;
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
  }
}

/** undefined when both registries answer with the test images, else why not (printed under `label`) */
export async function registryUnavailable(label: string): Promise<string | undefined> {
  const open = await status(`http://${REGISTRY}/v2/tslint/multi-oci/manifests/1`, ACCEPT);
  const auth = await status(`http://${AUTH_REGISTRY}/v2/`);
  const reason = open !== 200
    ? `the registry ${REGISTRY} has no test images (${open}); scripts/start-engine.sh starts it`
    : auth !== 401
      ? `the basic-auth registry ${AUTH_REGISTRY} is not running (${auth}); scripts/start-engine.sh starts it`
      : undefined;
  if (reason !== undefined) console.warn(`[${label}] skipping: ${reason}`);
  return reason;
}

/** the digest the registry serves for a reference now, asked directly (what the code under test must agree with) */
export async function servedDigest(registry: string, repository: string, reference: string): Promise<string> {
  const response = await fetch(`http://${registry}/v2/${repository}/manifests/${reference}`, {
    method: 'HEAD',
    headers: { accept: `${ACCEPT}, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json` },
  });
  const digest = response.headers.get('docker-content-digest');
  if (!response.ok || digest === null) throw new Error(`${registry}/${repository}:${reference}: HTTP ${response.status}`);
  return digest;
}
