/**
 * BuildKit's build checks (`docker build --check`), as BuildKit names, describes and links them
 * (frontend/dockerfile/linter/ruleset.go at commit 73ed6825c4b7569379ef89df0aedcdbe64473d31;
 * Apache-2.0, see NOTICE). Rules carry these names as aliases; the `buildkit` preset, the
 * `# check=` directive and the buildx-check reporter read this table.
 */

export interface BuildkitCheck {
  description: string;
  /** BuildKit gives every check a docs URL but InvalidBaseImagePlatform */
  url?: string;
  /** runs only when `# check=experimental=<name>|all` asks */
  experimental?: boolean;
}

const DOCS = 'https://docs.docker.com/go/dockerfile/rule/';

export const BUILDKIT_CHECK_INFO: Readonly<Record<string, BuildkitCheck>> = {
  StageNameCasing: { description: 'Stage names should be lowercase', url: `${DOCS}stage-name-casing/` },
  FromAsCasing: { description: "The 'as' keyword should match the case of the 'from' keyword", url: `${DOCS}from-as-casing/` },
  NoEmptyContinuation: { description: 'Empty continuation lines will become errors in a future release', url: `${DOCS}no-empty-continuation/` },
  ConsistentInstructionCasing: { description: 'All commands within the Dockerfile should use the same casing (either upper or lower)', url: `${DOCS}consistent-instruction-casing/` },
  DuplicateStageName: { description: 'Stage names should be unique', url: `${DOCS}duplicate-stage-name/` },
  ReservedStageName: { description: 'Reserved words should not be used as stage names', url: `${DOCS}reserved-stage-name/` },
  JSONArgsRecommended: { description: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals', url: `${DOCS}json-args-recommended/` },
  MaintainerDeprecated: { description: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author', url: `${DOCS}maintainer-deprecated/` },
  UndefinedArgInFrom: { description: 'FROM command must use declared ARGs', url: `${DOCS}undefined-arg-in-from/` },
  WorkdirRelativePath: { description: 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes', url: `${DOCS}workdir-relative-path/` },
  UndefinedVar: { description: 'Variables should be defined before their use', url: `${DOCS}undefined-var/` },
  MultipleInstructionsDisallowed: { description: 'Multiple instructions of the same type should not be used in the same stage', url: `${DOCS}multiple-instructions-disallowed/` },
  LegacyKeyValueFormat: { description: 'Legacy key/value format with whitespace separator should not be used', url: `${DOCS}legacy-key-value-format/` },
  InvalidBaseImagePlatform: { description: 'Base image platform does not match expected target platform' },
  RedundantTargetPlatform: { description: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior', url: `${DOCS}redundant-target-platform/` },
  SecretsUsedInArgOrEnv: { description: 'Sensitive data should not be used in the ARG or ENV commands', url: `${DOCS}secrets-used-in-arg-or-env/` },
  InvalidDefaultArgInFrom: { description: 'Default value for global ARG results in an empty or invalid base image name', url: `${DOCS}invalid-default-arg-in-from/` },
  FromPlatformFlagConstDisallowed: { description: 'FROM --platform flag should not use a constant value', url: `${DOCS}from-platform-flag-const-disallowed/` },
  CopyIgnoredFile: { description: 'Attempting to Copy file that is excluded by .dockerignore', url: `${DOCS}copy-ignored-file/` },
  InvalidDefinitionDescription: {
    description: 'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
    url: `${DOCS}invalid-definition-description/`,
    experimental: true,
  },
  ExposeProtoCasing: { description: 'Protocol in EXPOSE instruction should be lowercase', url: `${DOCS}expose-proto-casing/` },
  ExposeInvalidFormat: { description: 'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release', url: `${DOCS}expose-invalid-format/` },
};

/** the check names (names are case-sensitive, as in BuildKit's `# check=skip=`) */
export const BUILDKIT_CHECKS: ReadonlySet<string> = new Set(Object.keys(BUILDKIT_CHECK_INFO));

/** checks BuildKit runs only when `# check=experimental=...` asks */
export const BUILDKIT_EXPERIMENTAL: ReadonlySet<string> = new Set(Object.keys(BUILDKIT_CHECK_INFO).filter((name) => BUILDKIT_CHECK_INFO[name]!.experimental === true));

/** rules that report part of a BuildKit check whose name another rule carries (an alias names one rule): MultipleInstructionsDisallowed covers CMD (multiple-cmd), ENTRYPOINT and HEALTHCHECK */
export const BUILDKIT_PARTS: Readonly<Record<string, string>> = {
  'multiple-entrypoint': 'MultipleInstructionsDisallowed',
  'healthcheck-duplicate': 'MultipleInstructionsDisallowed',
};

/** the BuildKit check a finding is reported as, if any */
export function buildkitCheckOf(finding: { ruleId: string; aliases: readonly string[] }): string | undefined {
  return finding.aliases.find((alias) => BUILDKIT_CHECKS.has(alias)) ?? BUILDKIT_PARTS[finding.ruleId];
}
