import { InsightPulseError } from '../errors';

/** Why a chart could not be rendered to SVG. */
export type RenderErrorCode =
  /** The SVG would hold something live (a script URL, an element or attribute outside the static set). */
  | 'unsafe-svg'
  /** The ECharts given has no server-side SVG renderer (ECharts older than 5.3). */
  | 'unsupported';

/** The one error the SVG renderer throws. The message names what was refused, never the option's text. */
export class RenderError extends InsightPulseError<RenderErrorCode> {
  override readonly name = 'RenderError';
}
