/**
 * Fixes that name an image more exactly, from what the registry says (src/model/base-image.ts):
 * its current digest after the tag (`node:22-slim@sha256:...`, the tag kept for people and for
 * update bots such as Renovate and Dependabot), or the version tag that points at the same image
 * as `latest` (or as no tag). Both are unsafe: they freeze what the registry served when the
 * answer was fetched (the cache keeps a tag's digest for a day). An image written with variables
 * is not edited: the variable may name another image in another build.
 */
import type { Span } from '../parser/ast.ts';
import type { DockerfileModel } from '../model/model.ts';
import { parseImageRef } from '../model/image.ts';
import type { Fix, TextEdit } from '../linter/types.ts';
import { fix, insertAt, replace } from './edits.ts';

/** whether `span` holds exactly `reference`, with nothing for the build to expand */
function writtenAsIs(model: DockerfileModel, span: Span, reference: string): boolean {
  return model.df.source.slice(span.start, span.end) === reference && !/[$\\'"]/.test(reference);
}

/**
 * `image` at `span` followed by `@digest`; `latest` or no tag becomes the version tag that names
 * the same image, when the registry lists one (`node:latest` -> `node:22.11.0@sha256:...`), so
 * the pin still says which version it is. Undefined when it is pinned already or not written as is.
 */
export function pinDigestFix(model: DockerfileModel, span: Span, reference: string, digest: string): Fix | undefined {
  if (!writtenAsIs(model, span, reference) || parseImageRef(reference).digest !== undefined) return undefined;
  const version = versionTagEdit(model, span, reference);
  const description = `pin \`${reference}\` to the digest it has now`;
  return version === undefined
    ? fix(description, 'unsafe', insertAt(span.end, `@${digest}`))
    : fix(`${description}, as version ${version.tag}`, 'unsafe', { ...version.edit, text: `${version.edit.text}@${digest}` });
}

/**
 * `image:latest` (or `image`) at `span` with the most specific version tag that names the same
 * image now (`image:1.36.1`); undefined when the registry lists none or the lookup does not know.
 */
export function versionTagFix(model: DockerfileModel, span: Span, reference: string): Fix | undefined {
  if (!writtenAsIs(model, span, reference)) return undefined;
  const version = versionTagEdit(model, span, reference);
  if (version === undefined) return undefined;
  const named = parseImageRef(reference).tag === undefined ? 'no tag (latest)' : '`latest`';
  return fix(`use the version tag \`${version.tag}\`, which names the same image as ${named} now`, 'unsafe', version.edit);
}

function versionTagEdit(model: DockerfileModel, span: Span, reference: string): { tag: string; edit: TextEdit } | undefined {
  const ref = parseImageRef(reference);
  if (ref.digest !== undefined || (ref.tag !== undefined && ref.tag !== 'latest')) return undefined;
  const tag = model.images?.versionTags(reference)?.[0];
  if (tag === undefined) return undefined;
  return { tag, edit: ref.tag === undefined ? insertAt(span.end, `:${tag}`) : replace({ start: span.end - 'latest'.length, end: span.end }, tag) };
}
