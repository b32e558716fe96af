/**
 * The text `tslint-docker init` writes to `.tslint-dockerrc.json`. `ruleset` pins the rules of
 * the installed version, so a later upgrade adds no failing rule until the user opts in.
 */
export function starterConfigText(version: string): string {
  const starter = {
    $schema: `https://unpkg.com/tslint-docker@${version}/schemas/config.schema.json`,
    // the default, written out so the choice is visible (docs/presets.md)
    preset: 'recommended',
    // a prerelease pins the release it leads to ("0.2.0-beta.1" -> "0.2.0")
    ruleset: version.replace(/[-+].*$/, ''),
    rules: {},
    ignore: [],
    failureThreshold: 'info',
    trustedRegistries: [],
    overrides: [],
  };
  return `${JSON.stringify(starter, null, 2)}\n`;
}
