// The SVG renderer (downloads and `renderer="svg"`), its own chunk.

import { install as svg } from 'echarts/lib/renderer/installSVGRenderer.js';
import type { EChartsExtension } from '../setup';

const modules: Readonly<Record<string, EChartsExtension>> = { svg };

export default modules;
