export type { FormatSpec } from '../../core/format/types';
export {
  computeKpi,
  type Kpi,
  type KpiComparison,
  type KpiDeltaDisplay,
  KpiError,
  type KpiInput,
  type KpiSentenceInput,
  type KpiSentiment,
  type KpiTargetComparison,
  type KpiTrend,
  kpiSentence,
} from '../../core/kpi';
export {
  en,
  fil,
  type Messages,
  mergeMessages,
  type PartialMessages,
} from '../../core/messages';
export type { ComponentStatus, Status } from '../../core/status';
export type { Provenance } from '../lib/provenance';
export { KpiGrid } from './kpi-grid';
export { KpiTile } from './kpi-tile';
export type {
  KpiGridProps,
  KpiTileComparison,
  KpiTileComparisons,
  KpiTileProps,
  KpiTileSize,
  KpiTileSparkline,
  KpiTileState,
} from './types';
