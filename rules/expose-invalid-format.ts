import { fix, replace } from '../src/fix/edits.ts';
import { defineRule } from '../src/linter/rule.ts';

/** `[ip:][hostPort]:containerPort[/proto]` where the host part is removable without changing what is exposed */
const HOST_MAPPING = /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:\d+)?:(\d+(?:-\d+)?(?:\/[A-Za-z]+)?)$/;

export default defineRule({
  meta: {
    id: 'expose-invalid-format',
    aliases: ['ExposeInvalidFormat'],
    severity: 'warning',
    category: 'correctness',
    fixable: 'unsafe',
    docs: {
      summary: 'EXPOSE should list container ports, not an IP address or host-port mapping',
      description: 'Reports an EXPOSE entry with a `:`, such as `80:8080` or `127.0.0.1:80:8080`: a run-time publishing rule written where only the container port belongs.',
      why: 'EXPOSE documents which ports the container listens on; the image cannot choose host ports or addresses. Docker keeps only the container port and ignores the rest, and BuildKit will make this an error.',
      bad: 'FROM nginx\nEXPOSE 127.0.0.1:8080:80\n',
      good: 'FROM nginx\nEXPOSE 80\n',
      fixSafety: 'Unsafe: keeps only the container port (and protocol). Docker (BuildKit and the classic builder) records only that from the entry, so there the image is the same; Buildah and Podman record the entry as written (measured with Buildah 1.28: `8080:80/tcp` in the image config), so there the fixed image exposes another port spec. Offered when the entry is a plain `[ip:][host]:container` form.',
    },
  },
  create(ctx) {
    return {
      EXPOSE(ins) {
        for (const port of ins.ports) {
          if (!port.raw.includes(':') || port.raw.includes('$')) continue;
          const m = HOST_MAPPING.exec(port.raw);
          const exact = port.end - port.start === port.raw.length;
          ctx.report({
            span: port,
            message: ctx.settings.preset === 'buildkit'
              ? `EXPOSE instruction should not define an IP address or host-port mapping, found '${port.value}'`
              : `EXPOSE should not name an IP address or host port: '${port.raw}'${m ? ` exposes only '${m[1]}'` : ''}`,
            ...(m && exact ? { fix: fix(`keep only '${m[1]}'`, 'unsafe', replace(port, m[1]!)) } : {}),
          });
        }
      },
    };
  },
});
