import { fixSafetySuite } from './suite.ts';

// apt downloads overlap with unpacking and BuildKit's own work: four builds at once pay on 2 cores
await fixSafetySuite('docker', 4);
