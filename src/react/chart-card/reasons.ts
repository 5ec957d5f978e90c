/**
 * The English sentences that say why a chart was chosen, loaded the first time a card is asked why (when the app's
 * catalogue has none of its own). The build publishes this as a self-contained file: see extras.ts for why.
 */
export { enChartReasons } from '../../core/messages/en-chart-reasons';
