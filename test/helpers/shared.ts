import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** ../shared beside the repository: the test corpus and conformance data */
export const SHARED = process.env.TSLINT_DOCKER_SHARED ?? join(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared');
