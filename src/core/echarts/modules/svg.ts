// The SVG renderer (downloads and `renderer="svg"`), its own chunk.
import { install as svg } from 'echarts/lib/renderer/installSVGRenderer.js';

export default { svg };
