import { Children, type CSSProperties, forwardRef, isValidElement } from 'react';
import { cn } from '../lib/cn';
import type { KpiGridProps } from './types';

/**
 * KPI tiles in a responsive grid: as many columns as fit tiles at least `minTileWidth` wide (one on a narrow
 * screen), every tile in a row as tall as the tallest. It is a list (each child a list item) in reading order,
 * which is also the visual order, inside a region named by `label`. Its ref is the root `<section>`.
 */
export const KpiGrid = forwardRef<HTMLElement, KpiGridProps>(function KpiGrid(
  { label, minTileWidth = 220, className, style, children, ...props },
  ref,
) {
  const min = typeof minTileWidth === 'number' ? `${minTileWidth}px` : minTileWidth;
  return (
    <section
      {...props}
      ref={ref}
      aria-label={label}
      data-slot="kpi-grid"
      className={cn('ip:min-w-0', className)}
      style={{ '--ip-kpi-tile-min': min, ...style } as CSSProperties}
    >
      <ul
        // biome-ignore lint/a11y/noRedundantRoles: Safari drops the list role of a list styled `list-style: none`.
        role="list"
        data-slot="kpi-grid-list"
        className="ip:m-0 ip:grid ip:list-none ip:grid-cols-[repeat(auto-fit,minmax(min(var(--ip-kpi-tile-min),100%),1fr))] ip:gap-4 ip:p-0"
      >
        {Children.toArray(children).map((child, i) => (
          <li
            key={isValidElement(child) && child.key !== null ? child.key : i}
            data-slot="kpi-grid-item"
            className="ip:grid ip:min-w-0"
          >
            {child}
          </li>
        ))}
      </ul>
    </section>
  );
});
