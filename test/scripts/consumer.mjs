#!/usr/bin/env node
/**
 * `npm run test:consumer`: the library as a user gets it. Packs it with `npm pack`, installs the tarball
 * into a new Vite + React app outside the repository, builds that app, serves it, and checks in
 * Chromium that themed charts render from the installed package (light and dark, CSS variables included).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const repo = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const dev = pkg.devDependencies;
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const checks = [];
function check(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
}

const work = mkdtempSync(join(tmpdir(), 'insightpulse-consumer-'));
let server;
let browser;
try {
  console.log('▶ building and packing the library');
  sh('npm', ['run', 'build:lib', '--silent'], repo);
  const tarball = join(
    work,
    sh('npm', ['pack', '--silent', '--pack-destination', work], repo).trim().split('\n').pop(),
  );

  console.log(`▶ creating a Vite app in ${work}/app`);
  const app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'insightpulse-consumer',
        private: true,
        type: 'module',
        scripts: { build: 'vite build' },
        dependencies: {
          '@insightpulse/ui': `file:${tarball}`,
          react: dev.react,
          'react-dom': dev['react-dom'],
          echarts: dev.echarts,
        },
        devDependencies: { vite: dev.vite, '@vitejs/plugin-react': dev['@vitejs/plugin-react'] },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(app, 'vite.config.js'),
    "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()] };\n",
  );
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title></head>' +
      '<body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>\n',
  );
  writeFileSync(
    join(app, 'src/main.jsx'),
    `import '@insightpulse/ui/styles.css';
import { EChart, InsightPulseProvider } from '@insightpulse/ui';
import { createRoot } from 'react-dom/client';

const option = {
  animation: false,
  xAxis: { type: 'category', data: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
  yAxis: { type: 'value' },
  series: [{ name: 'Orders', type: 'bar', data: [120, 200, 150, 80, 70] }],
};
const ready = (mode) => () => document.body.setAttribute('data-ready-' + mode, 'true');

createRoot(document.getElementById('root')).render(
  <>
    <InsightPulseProvider theme="light">
      <div id="light" style={{ width: 480 }}><EChart option={option} onChartReady={ready('light')} /></div>
    </InsightPulseProvider>
    <InsightPulseProvider theme="dark">
      <div id="dark" style={{ width: 480 }}><EChart option={option} onChartReady={ready('dark')} /></div>
    </InsightPulseProvider>
  </>,
);
`,
  );
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);
  check('the tarball installs into a fresh app', existsSync(join(app, 'node_modules/@insightpulse/ui/dist/index.js')));
  sh('npx', ['vite', 'build', '--logLevel', 'warn'], app);
  check('the app builds with Vite', existsSync(join(app, 'dist/index.html')));

  const port = 4173 + Math.floor(Math.random() * 500);
  server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd: app, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }

  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready-light][data-ready-dark]', { timeout: 15000 });
  await page.waitForTimeout(200);

  const painted = await page.evaluate(() => {
    const count = (id, [r, g, b]) => {
      const canvas = document.querySelector(`#${id} canvas`);
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 6) n++;
      }
      return n;
    };
    const style = (id) => getComputedStyle(document.querySelector(`#${id}`));
    return {
      lightBars: count('light', [0x67, 0x50, 0xa4]),
      darkBars: count('dark', [0xd0, 0xbc, 0xff]),
      lightPrimary: style('light').getPropertyValue('--ip-primary').trim().toLowerCase(),
      darkPrimary: style('dark').getPropertyValue('--ip-primary').trim().toLowerCase(),
    };
  });
  check('a light chart paints its bars in #6750A4', painted.lightBars > 1000, `${painted.lightBars} px`);
  check('a dark chart paints its bars in #D0BCFF', painted.darkBars > 1000, `${painted.darkBars} px`);
  check('styles.css sets the light CSS variables', painted.lightPrimary === '#6750a4', painted.lightPrimary);
  check('styles.css sets the dark CSS variables', painted.darkPrimary === '#d0bcff', painted.darkPrimary);
  check('the page raised no errors', errors.length === 0, errors.join('; '));
} catch (error) {
  check('the consumer run completed', false, error.message);
} finally {
  await browser?.close();
  server?.kill();
  rmSync(work, { recursive: true, force: true });
}

const failed = checks.filter((c) => !c.ok).length;
console.log(`Summary: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
