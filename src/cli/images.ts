/**
 * The image resolvers of one CLI run (src/images), made on first use, per mode: `resolve` asks
 * the engine's store and registries for what the cache lacks, `offline` reads the cache only.
 * src/images is loaded only when a file's settings turn images on.
 */
import type { ImagesSetting, ResolvedConfig } from '../config/index.ts';
import type { ImageResolver } from '../images/index.ts';
import type { LintArgs } from './lint.ts';

/** --offline wins (no network), then --resolve-images, then the config's `images` */
export function imagesSetting(args: Pick<LintArgs, 'offline' | 'resolveImages'>, config: Pick<ResolvedConfig, 'images'>): ImagesSetting {
  return args.offline ? 'offline' : args.resolveImages ? 'resolve' : config.images;
}

export class RunImages {
  private readonly resolvers = new Map<ImagesSetting, Promise<ImageResolver>>();

  /** the resolver for a setting other than `off`, ready to answer (the engine's store listed) */
  resolver(setting: Exclude<ImagesSetting, 'off'>): Promise<ImageResolver> {
    let pending = this.resolvers.get(setting);
    if (pending === undefined) {
      pending = import('../images/index.ts').then(async ({ ImageResolver }) => {
        const resolver = new ImageResolver({ mode: setting === 'offline' ? 'cache' : 'resolve' });
        await resolver.prepare();
        return resolver;
      });
      this.resolvers.set(setting, pending);
    }
    return pending;
  }
}
