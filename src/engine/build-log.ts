import type { StepCounts } from './types.ts';

/**
 * Instructions that produce a filesystem step in every engine. BuildKit shows only these
 * as steps (ENV, CMD ... are metadata), so the classic builder and Buildah are counted the
 * same way to keep "steps re-run" comparable across engines.
 */
const FILESYSTEM_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

function tally(steps: Iterable<{ keyword: string; cached: boolean }>): StepCounts {
  let run = 0;
  let cached = 0;
  for (const step of steps) {
    if (!FILESYSTEM_STEPS.has(step.keyword.toUpperCase())) continue;
    if (step.cached) cached++;
    else run++;
  }
  return { run, cached, total: run + cached };
}

// `#7 [3/6] COPY package.json ./` or `#7 [builder 3/6] RUN ...`
const BUILDKIT_STEP = /^#(\d+) \[(?:[^\]]*? )?\d+\/\d+\] ([A-Za-z]+)\b/;
const BUILDKIT_CACHED = /^#(\d+) CACHED\s*$/;

/** Counts steps in BuildKit `--progress=plain` output: a vertex is cached when it reports CACHED. */
export function countBuildKitSteps(log: string): StepCounts {
  const steps = new Map<string, { keyword: string; cached: boolean }>();
  const cachedVertices = new Set<string>();
  for (const line of log.split(/\r?\n/)) {
    const step = BUILDKIT_STEP.exec(line);
    if (step) {
      if (!steps.has(step[1]!)) steps.set(step[1]!, { keyword: step[2]!, cached: false });
      continue;
    }
    const cached = BUILDKIT_CACHED.exec(line);
    if (cached) cachedVertices.add(cached[1]!);
  }
  for (const [vertex, step] of steps) step.cached = cachedVertices.has(vertex);
  return tally(steps.values());
}

/**
 * Counts steps in sequential logs where each step starts with a header line and a cached
 * step prints a marker before the next header: the classic builder (`Step 2/6 : COPY`,
 * ` ---> Using cache`) and Buildah/Podman (`STEP 2/6: COPY`, `--> Using cache`).
 */
function countSequentialSteps(log: string, header: RegExp, cacheMarker: RegExp): StepCounts {
  const steps: { keyword: string; cached: boolean }[] = [];
  for (const line of log.split(/\r?\n/)) {
    const step = header.exec(line);
    if (step) steps.push({ keyword: step[1]!, cached: false });
    else if (cacheMarker.test(line) && steps.length > 0) steps[steps.length - 1]!.cached = true;
  }
  return tally(steps);
}

export function countClassicSteps(log: string): StepCounts {
  return countSequentialSteps(log, /^Step \d+\/\d+ : ([A-Za-z]+)\b/, /^ ---> Using cache\s*$/);
}

export function countBuildahSteps(log: string): StepCounts {
  return countSequentialSteps(log, /^(?:\[\d+\/\d+\] )?STEP \d+(?:\/\d+)?: ([A-Za-z]+)\b/, /^--> Using cache\b/);
}
