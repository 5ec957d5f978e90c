import type { EChartsCoreOption } from 'echarts/core';
import type { Table } from '../../core/adapter/table';
import { tableToCSV } from '../../core/export/csv';
import { dataURLToBlob, fileName, saveFile } from './download';
import { type ExportSize, renderPNG, renderSVG } from './export';

/*
 * The card's downloads, loaded the first time someone asks for one: a first paint needs none of them.
 */

/** Renders the chart as a PNG or SVG file at `size` and saves it; rejects when it could not be made. */
export async function downloadImage(
  option: EChartsCoreOption,
  size: ExportSize,
  format: 'png' | 'svg',
  title: string,
): Promise<void> {
  const blob =
    format === 'png'
      ? dataURLToBlob(await renderPNG(option, size))
      : new Blob([await renderSVG(option, size)], { type: 'image/svg+xml' });
  saveFile(fileName(title, format), blob);
}

/** Saves the table as CSV (spreadsheet formulas neutralised). */
export function downloadCSV(table: Table, title: string): void {
  saveFile(fileName(title, 'csv'), new Blob([tableToCSV(table)], { type: 'text/csv;charset=utf-8' }));
}
