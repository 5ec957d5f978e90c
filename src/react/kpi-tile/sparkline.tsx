import type { ReactNode } from 'react';
import { cn } from '../lib/cn';
import type { KpiTileSparkline } from './types';

const WIDTH = 100;
const HEIGHT = 24;
/** Room for the stroke at the top and bottom. */
const PAD = 1.5;

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A sparkline as inline SVG: no chart library, no text, hidden from assistive technology. `null` and non-finite
 * values are gaps. It stretches to its box (`preserveAspectRatio="none"`) and draws in `currentColor`.
 */
export function Sparkline({ values, kind = 'line', className }: KpiTileSparkline & { className?: string }) {
  const points = values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  const known = points.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  let min = Math.min(...known);
  let max = Math.max(...known);
  if (kind === 'bar') {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  const span = max - min;
  const y = (v: number) => round(span === 0 ? HEIGHT / 2 : HEIGHT - PAD - ((v - min) / span) * (HEIGHT - 2 * PAD));
  const n = points.length;
  let shapes: ReactNode;

  if (kind === 'bar') {
    const slot = WIDTH / n;
    const zero = span === 0 ? HEIGHT : y(0);
    shapes = points.map((v, i) => {
      if (v === null) return null;
      // All zeros (no span) sit on the baseline.
      const end = span === 0 ? zero : y(v);
      const top = Math.min(end, zero);
      return (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: bars have no identity but their position
          key={i}
          x={round(i * slot + slot * 0.15)}
          y={top}
          width={round(slot * 0.7)}
          height={Math.max(round(Math.abs(zero - end)), 0.5)}
          fill="currentColor"
        />
      );
    });
  } else {
    const x = (i: number) => round(n === 1 ? WIDTH / 2 : (i / (n - 1)) * WIDTH);
    // One line (and area) per run of values between gaps; a run of one is a dot.
    let line = '';
    let area = '';
    let run = '';
    points.forEach((v, i) => {
      if (v !== null) run += `${run ? 'L' : ''}${x(i)} ${y(v)}`;
      if (run && (v === null || i === n - 1)) {
        const last = v === null ? i - 1 : i;
        const first = last - run.split('L').length + 1;
        line += `M${run}${first === last ? 'h0' : ''}`;
        if (first < last) area += `M${x(first)} ${HEIGHT}L${run}L${x(last)} ${HEIGHT}Z`;
        run = '';
      }
    });
    shapes = (
      <>
        {kind === 'area' && area && <path d={area} fill="currentColor" fillOpacity={0.16} stroke="none" />}
        <path
          d={line}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          strokeLinecap="round"
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      </>
    );
  }

  return (
    <svg
      aria-hidden="true"
      focusable="false"
      data-slot="kpi-tile-sparkline"
      data-kind={kind}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      className={cn('ip:block ip:w-full ip:shrink-0 ip:overflow-visible ip:text-ip-primary', className)}
    >
      {shapes}
    </svg>
  );
}
