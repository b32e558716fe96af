import { fileURLToPath } from 'node:url';

/** test/data: the corpus and the conformance data, third-party files kept as test input (see NOTICE) */
export const SHARED = fileURLToPath(new URL('../data', import.meta.url));
