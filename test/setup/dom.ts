import '../../src/styles.css';
import '@testing-library/jest-dom/vitest';
// ECharts measures text on a canvas even with the SVG renderer, and the canvas renderer draws on one: jsdom has
// no canvas, so without this mock every chart logs "Not implemented: HTMLCanvasElement's getContext()".
import 'vitest-canvas-mock';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { WAIT_TIMEOUT_MS } from './waits';

// The `unit-dom` project runs its files one after another in a shared worker and document (isolate: false):
// each file starts with fresh library modules, real timers and an empty page, as it would on its own.
vi.resetModules();
vi.useRealTimers();
// (A file that says `// @vitest-environment node`, such as server rendering, has no page.)
if (typeof document !== 'undefined') {
  document.body.replaceChildren();
  localStorage.clear();
  sessionStorage.clear();
}

configure({ asyncUtilTimeout: WAIT_TIMEOUT_MS });
afterEach(() => cleanup());
