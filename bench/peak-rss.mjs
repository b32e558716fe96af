// Loaded with `node --import` by bench cli-batch: reports the process's peak RSS on exit,
// so the CLI's memory over the whole corpus is measured in the same run as its time.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\npeak-rss-kb=${process.resourceUsage().maxRSS}\n`));
