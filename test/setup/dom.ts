import '../../src/styles.css';
import '@testing-library/jest-dom/vitest';
// ECharts measures text on a canvas even with the SVG renderer, and the canvas renderer draws on one: jsdom has
// no canvas, so without this mock every chart logs "Not implemented: HTMLCanvasElement's getContext()".
import 'vitest-canvas-mock';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { WAIT_TIMEOUT_MS } from './waits';

configure({ asyncUtilTimeout: WAIT_TIMEOUT_MS });
afterEach(() => cleanup());
