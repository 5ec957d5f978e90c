#!/usr/bin/env node
/**
 * `npm run test:consumer`: the library as a user gets it. Packs it with `npm pack`, installs the tarball
 * into a new Vite + React app outside the repository, builds that app, serves it, and checks in
 * Chromium that themed charts render from the installed package (light and dark, CSS variables included).
 * It does so at both ends of the peer ranges: React 19 with ECharts 6, and React 18 with ECharts 5.
 * The app also embeds a dashboard of the fake Superset (test/fixtures/fake-superset) with SupersetEmbed, and checks
 * on both React versions that a ref given to each component reaches its root element (forwardRef), and that the
 * Filipino catalogue ships.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const repo = resolve(import.meta.dirname, '../..');
const dev = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies;
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/** The peer versions each app is built with. */
const combos = [
  { label: 'React 19 + ECharts 6', react: dev.react, echarts: dev.echarts },
  { label: 'React 18 + ECharts 5', react: '18.3.1', echarts: '5.6.0' },
];

const checks = [];
function check(label, name, ok, detail = '') {
  checks.push(ok);
  console.log(`${ok ? '✓' : '✗'} ${label}: ${name}${detail ? ` (${detail})` : ''}`);
}

const appSource = (supersetOrigin) => `import '@insightpulse/ui/styles.css';
import { ChartCard, DataTable, EChart, fil, InsightPulseProvider, KpiGrid, KpiTile } from '@insightpulse/ui';
import { SupersetEmbed } from '@insightpulse/ui/superset-embed';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

const option = {
  animation: false,
  xAxis: { type: 'category', data: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
  yAxis: { type: 'value' },
  series: [{ name: 'Orders', type: 'bar', data: [120, 200, 150, 80, 70] }],
};
const scatter = {
  animation: false,
  xAxis: { type: 'value' },
  yAxis: { type: 'value' },
  series: [{ name: 'Stores', type: 'scatter', symbolSize: 30, data: [[1, 2], [2, 4], [3, 3], [4, 6], [5, 5]] }],
};
const ready = (mode) => () => document.body.setAttribute('data-ready-' + mode, 'true');

function Switchable() {
  const [mode, setMode] = useState('light');
  return (
    <InsightPulseProvider theme={mode}>
      <button type="button" onClick={() => setMode('dark')}>Dark mode</button>
      <div id="switch" style={{ width: 480 }}>
        <EChart option={option} onChartReady={ready('switch')} />
      </div>
    </InsightPulseProvider>
  );
}

const rows = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].map((day, i) => ({ day, orders: [120, 200, 150, 80, 70][i] }));

const REF_NAMES = ['EChart', 'ChartCard', 'DataTable', 'KpiTile', 'KpiGrid', 'InsightPulseProvider'];

/** Each component given a ref; once the chart is ready, whether every ref is its wrapper's first element child. */
function RefChecks() {
  const refs = Object.fromEntries(REF_NAMES.map((name) => [name, useRef(null)]));
  const wrappers = Object.fromEntries(REF_NAMES.map((name) => [name, useRef(null)]));
  const [chartReady, setChartReady] = useState(false);
  useEffect(() => {
    if (!chartReady) return;
    const result = Object.fromEntries(
      REF_NAMES.map((name) => [
        name,
        refs[name].current !== null && refs[name].current === wrappers[name].current?.firstElementChild,
      ]),
    );
    document.body.setAttribute('data-refs', JSON.stringify(result));
  }, [chartReady]);
  return (
    <div id="refs">
      <div ref={wrappers.EChart} style={{ width: 320 }}>
        <EChart ref={refs.EChart} option={option} onChartReady={() => setChartReady(true)} />
      </div>
      <div ref={wrappers.ChartCard}><ChartCard ref={refs.ChartCard} title="Loading card" loading /></div>
      <div ref={wrappers.DataTable}><DataTable ref={refs.DataTable} label="Orders" data={rows} height={160} /></div>
      <div ref={wrappers.KpiTile}><KpiTile ref={refs.KpiTile} label="Orders" value={620} /></div>
      <div ref={wrappers.KpiGrid}>
        <KpiGrid ref={refs.KpiGrid} label="KPIs"><KpiTile label="Orders" value={620} /></KpiGrid>
      </div>
      <div ref={wrappers.InsightPulseProvider}>
        <InsightPulseProvider ref={refs.InsightPulseProvider} locale="fil-PH" messages={fil}>
          <KpiTile label="Benta" value={null} />
        </InsightPulseProvider>
      </div>
    </div>
  );
}

/** A guest token shaped like Superset's (the fake checks only its exp). */
const b64 = (value) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/[+]/g, '-').replace(/[/]/g, '_');
const guestToken = async () => {
  const iat = Math.floor(Date.now() / 1000);
  return [b64({ alg: 'HS256', typ: 'JWT' }), b64({ iat, exp: iat + 300, jti: 'guest-consumer', type: 'guest' }), 'c2ln'].join('.');
};

createRoot(document.getElementById('root')).render(
  <>
    <div id="card" style={{ width: 560 }}>
      <ChartCard title="Orders by day" data={rows} spec={{ kind: 'bar', encoding: { x: 'day', y: 'orders' } }} />
    </div>
    <Switchable />
    <InsightPulseProvider theme="light">
      <div id="light" style={{ width: 480 }}><EChart option={option} onChartReady={ready('light')} /></div>
    </InsightPulseProvider>
    <InsightPulseProvider theme="dark">
      <div id="dark" style={{ width: 480 }}><EChart option={option} onChartReady={ready('dark')} /></div>
    </InsightPulseProvider>
    <div id="scatter" style={{ width: 480 }}><EChart option={scatter} onChartReady={ready('scatter')} /></div>
    <RefChecks />
    <div id="superset" style={{ width: 720 }}>
      <SupersetEmbed supersetDomain="${supersetOrigin}" dashboardId="exec-overview" fetchGuestToken={guestToken} title="Exec Overview" />
    </div>
  </>,
);
`;

/** Runs in the page: how many pixels of a chart's canvas are within a small distance of a colour. */
function countPixels([id, [r, g, b]]) {
  const canvas = document.querySelector(`#${id} canvas`);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 6) n++;
  }
  return n;
}

const LIGHT_BAR = [0x67, 0x50, 0xa4];
// ECharts draws scatter points at 80% opacity: the first palette colour over the light background.
const LIGHT_POINT = [0.8 * 0x67 + 0.2 * 0xff, 0.8 * 0x50 + 0.2 * 0xfb, 0.8 * 0xa4 + 0.2 * 0xfe].map(Math.round);
const DARK_BAR = [0xd0, 0xbc, 0xff];

async function consumer(app, tarball, supersetOrigin, { label, react, echarts }) {
  let server;
  let browser;
  try {
    console.log(`▶ ${label}: a Vite app in ${app}`);
    mkdirSync(join(app, 'src'), { recursive: true });
    const manifest = {
      name: 'insightpulse-consumer',
      private: true,
      type: 'module',
      dependencies: {
        '@insightpulse/ui': `file:${tarball}`,
        react,
        'react-dom': react,
        echarts,
        // SupersetEmbed's optional peers, as README tells apps that embed Superset to install them.
        '@superset-ui/switchboard': dev['@superset-ui/switchboard'],
        rison: dev.rison,
      },
      devDependencies: { vite: dev.vite, '@vitejs/plugin-react': dev['@vitejs/plugin-react'] },
    };
    writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(
      join(app, 'vite.config.js'),
      "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()] };\n",
    );
    writeFileSync(
      join(app, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title></head>' +
        '<body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>\n',
    );
    writeFileSync(join(app, 'src/main.jsx'), appSource(supersetOrigin));

    sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);
    check(label, 'the tarball installs', existsSync(join(app, 'node_modules/@insightpulse/ui/dist/index.js')));
    sh('npx', ['vite', 'build', '--logLevel', 'error'], app);
    check(label, 'the app builds with Vite', existsSync(join(app, 'dist/index.html')));
    const assets = join(app, 'dist/assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const bytes = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
    console.log(`  app JavaScript (React, ECharts, the library): ${(bytes / 1024).toFixed(1)} KiB gzip`);

    const port = 4173 + Math.floor(Math.random() * 500);
    // Its own process group: stopping it stops npx and the vite server under it.
    server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
      cwd: app,
      stdio: 'ignore',
      detached: true,
    });
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 150; i++) {
      if (
        await fetch(url).then(
          (r) => r.ok,
          () => false,
        )
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
    await page.waitForSelector('body[data-ready-light][data-ready-dark][data-ready-switch][data-ready-scatter]', {
      timeout: 15000,
    });
    await page.waitForTimeout(200);
    // The scatter chart's module is not in the first load: it comes from a chunk of the installed package.
    const points = await page.evaluate(countPixels, ['scatter', LIGHT_POINT]);
    check(label, 'a scatter chart loads its module on demand and paints', points > 1000, `${points} px`);
    const lightBars = await page.evaluate(countPixels, ['light', LIGHT_BAR]);
    const darkBars = await page.evaluate(countPixels, ['dark', DARK_BAR]);
    check(label, 'a light chart paints its bars in #6750A4', lightBars > 1000, `${lightBars} px`);
    check(label, 'a dark chart paints its bars in #D0BCFF', darkBars > 1000, `${darkBars} px`);
    const primary = (id) =>
      page.$eval(`#${id}`, (el) => getComputedStyle(el).getPropertyValue('--ip-primary').trim().toLowerCase());
    const [lightPrimary, darkPrimary] = [await primary('light'), await primary('dark')];
    check(label, 'styles.css sets the light CSS variables', lightPrimary === '#6750a4', lightPrimary);
    check(label, 'styles.css sets the dark CSS variables', darkPrimary === '#d0bcff', darkPrimary);

    // A ref given to each component is its root element, on this React version too.
    const refs = await page
      .waitForSelector('body[data-refs]', { timeout: 15000 })
      .then(() => page.$eval('body', (body) => JSON.parse(body.getAttribute('data-refs'))))
      .catch(() => ({}));
    for (const name of ['EChart', 'ChartCard', 'DataTable', 'KpiTile', 'KpiGrid', 'InsightPulseProvider']) {
      check(label, `${name} forwards its ref to its root element`, refs[name] === true, String(refs[name]));
    }
    const filipino = await page
      .$eval('#refs [data-slot="kpi-tile"][aria-label^="Benta"]', (tile) => tile.getAttribute('aria-label'))
      .catch(() => null);
    check(
      label,
      'a provider given the Filipino catalogue speaks Filipino',
      filipino === 'Benta, walang datos',
      String(filipino),
    );

    // The card's full screen loads Radix on demand, from a chunk of the installed package.
    await page.click('#card button[aria-label="Full screen"]');
    const opened = await page.waitForSelector('[role="dialog"] [data-slot="echart"] canvas', { timeout: 10000 }).then(
      () => true,
      () => false,
    );
    check(label, "ChartCard's full screen opens", opened);
    await page.keyboard.press('Escape');

    // SupersetEmbed loads the switchboard from a chunk of the installed package and embeds the dashboard.
    const embedded = await page
      .waitForSelector('#superset [data-slot="superset-embed"][data-state="ready"]', { timeout: 15000 })
      .then(
        () => true,
        () => false,
      );
    const sandbox = await page.$eval('#superset iframe', (frame) => frame.getAttribute('sandbox')).catch(() => null);
    check(label, 'SupersetEmbed embeds a dashboard in a narrow sandbox', embedded, String(sandbox));

    await page.click('text=Dark mode');
    let switched = 0;
    for (let i = 0; i < 50 && switched <= 1000; i++) {
      await page.waitForTimeout(100);
      switched = await page.evaluate(countPixels, ['switch', DARK_BAR]).catch(() => 0);
    }
    check(label, 'a mode switch re-themes a mounted chart', switched > 1000, `${switched} px`);
    check(label, 'the page raised no errors', errors.length === 0, errors.join('; '));
  } catch (error) {
    check(label, 'the run completed', false, error.message);
  } finally {
    await browser?.close();
    if (server?.pid) process.kill(-server.pid);
  }
}

const work = mkdtempSync(join(tmpdir(), 'insightpulse-consumer-'));
// The fake Superset the apps embed, on 127.0.0.1 (TypeScript, loaded with tsx).
const { tsImport } = await import('tsx/esm/api');
const { startFakeSuperset } = await tsImport('../fixtures/fake-superset/server.ts', import.meta.url);
const fakeSuperset = await startFakeSuperset();
try {
  console.log('▶ building and packing the library');
  sh('npm', ['run', 'build:lib', '--silent'], repo);
  const packed = sh('npm', ['pack', '--silent', '--pack-destination', work], repo).trim().split('\n').pop();
  for (const [index, combo] of combos.entries()) {
    await consumer(join(work, `app-${index}`), join(work, packed), fakeSuperset.origin, combo);
  }
} finally {
  await fakeSuperset.close();
  rmSync(work, { recursive: true, force: true });
}

const failed = checks.filter((ok) => !ok).length;
console.log(`Summary: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
