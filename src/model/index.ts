export { buildModel, shellFromComment, shellWasSet, type DockerfileModel, type InstructionInfo, type Stage } from './model.ts';
export { parseImageRef, type ImageRef } from './image.ts';
export { Scope, PLATFORM_ARGS, PROXY_ARGS, type Variable, type Expansion } from './scope.ts';
export { analyseRun, mountsOf, interpreterOf, isPosixShell, type Mount, type RunInfo, type ScriptSource } from './run.ts';
export { clearContextCache, dockerignorePatterns, loadContext, type BuildContext, type IgnorePattern } from './context.ts';
export * from './shell/index.ts';
export type { ImageAnswer, ImageConfig, ImageLookup, ImagePlatform, ResolvedImage } from './base-image.ts';
