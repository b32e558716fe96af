import { fixSafetySuite } from './suite.ts';

// builds wait mostly on Debian's mirror and the disk (apt-get install of python3-pip: 8 s of CPU
// in 93 s here), so six at once pay on 2 cores
await fixSafetySuite('docker', 6);
