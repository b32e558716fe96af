import { fix, insertAt } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';
import { commandName, flagValues, hasFlag, unwrap } from '../src/model/index.ts';

/** lastlog and faillog are sparse files sized by the highest UID; from six digits on they weigh tens of MB */
const LARGE_UID = 100_000;

export default defineRule({
  meta: {
    id: 'useradd-no-log-init',
    aliases: ['DL3046'],
    severity: 'warning',
    category: 'size',
    fixable: 'safe',
    docs: {
      summary: '`useradd` with a large UID needs `-l` (`--no-log-init`)',
      description: 'Reports `useradd -u <uid>` with a UID of 100000 or more and without `-l` / `--no-log-init`.',
      why: 'useradd writes the new user\'s entry into /var/log/lastlog and /var/log/faillog at an offset proportional to the UID. The files are sparse on disk, but image layers store them in full: a UID of 1000000 adds hundreds of megabytes.',
      bad: 'RUN useradd -u 1000000 app',
      good: 'RUN useradd -l -u 1000000 app',
      fixSafety: 'Safe: adds `-l` after `useradd`; it only keeps the user out of the lastlog and faillog records, which a container does not use.',
    },
  },
  create(ctx) {
    return {
      run(run) {
        const editable = run.editable;
        for (const cmd of run.commands) {
          if (commandName(cmd) !== 'useradd' || hasFlag(cmd, 'l', 'no-log-init')) continue;
          const uid = flagValues(cmd, 'u', 'uid').find((v) => /^\d+$/.test(v));
          if (uid === undefined || Number(uid) < LARGE_UID) continue;
          const name = unwrap(cmd).name;
          ctx.report({
            span: { start: cmd.start, end: cmd.end },
            message: `\`useradd\` with the large UID ${uid} and without \`-l\` fills /var/log/lastlog and faillog: add \`-l\` (\`--no-log-init\`)`,
            ...(editable && name ? { fix: fix('add -l to useradd', 'safe', insertAt(name.end, ' -l')) } : {}),
          });
        }
      },
    };
  },
});
