#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, then one closing summary.
 *
 *   typecheck  tsc --noEmit
 *   lint       Biome (formatting, React hooks and a11y rules, framework-free boundaries of src/core and src/theme)
 *   build      the library as published (tsup + compiled CSS); generated theme files are checked, not rewritten
 *   vitest     the unit (jsdom + Node), browser (Chromium) and storybook (every story in Chromium, with axe) projects
 *   lint:pkg   publint --strict and attw --pack
 *
 * The closing line counts each Vitest test, plus each other step as one check: `Summary: N passed, N failed`.
 * Chromium comes from CHROME_PATH, else /usr/bin/chromium; when neither exists and this runs as root with
 * apt-get, Debian's chromium is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = [];

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const result = { name, ok: status === 0, seconds: (Date.now() - started) / 1000 };
  results.push(result);
  return result;
}

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
    console.log("No Chromium found: installing Debian's chromium with apt-get.");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    "No Chromium found. The browser and story tests need one: install Debian's chromium " +
      '(sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

const chromium = findChromium();
console.log(`Chromium: ${chromium}`);

run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['biome', 'ci', '--colors=off', '.']);
run('build', 'npm', ['run', 'build:lib']);

const reportDir = mkdtempSync(join(tmpdir(), 'insightpulse-vitest-'));
const report = join(reportDir, 'report.json');
const vitest = run(
  'vitest',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { CHROME_PATH: chromium },
);
let tests = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  tests = {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
  };
  if (!vitest.ok && tests.failed === 0) tests.failed = 1; // a failed suite (an import error) counts too
} else {
  tests.failed = 1;
}
rmSync(reportDir, { recursive: true, force: true });

run('lint:pkg', 'npm', ['run', 'lint:pkg', '--silent']);

const steps = results.filter((r) => r.name !== 'vitest');
const passed = tests.passed + steps.filter((r) => r.ok).length;
const failed = tests.failed + steps.filter((r) => !r.ok).length;

console.log('\n── npm test ─────────────────────────────────────────');
for (const r of results) {
  const detail =
    r.name === 'vitest' ? ` (${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped)` : '';
  console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s${detail}`);
}
console.log(`Summary: ${passed} passed, ${failed} failed${tests.skipped ? `, ${tests.skipped} skipped` : ''}`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
