import { existsSync } from 'node:fs';

/** Debian's Chromium, which the browser tests drive through playwright-core (.ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);

/**
 * `describe` for tests that need Chromium: skipped with a warning on a machine without it, but in
 * CI a missing browser fails (the suite's `beforeAll` should throw `missingChromium()`).
 */
export function describeInBrowser(file: string): jest.Describe {
  if (!chromiumPresent && !process.env.CI)
    console.warn(`${file}: skipped, no ${CHROMIUM} (apt-get install -y chromium); CI fails without it`);
  return chromiumPresent || process.env.CI ? describe : describe.skip;
}

export function missingChromium(): Error {
  return new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
}
