import { fixSafetySuite } from './suite.ts';

// the representative subset (cases whose case.json lists buildah)
await fixSafetySuite('buildah', 2);
