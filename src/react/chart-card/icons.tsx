/** Toolbar icons: decorative (the buttons carry the accessible names), 16px, current colour. */
const paths = {
  image: 'M3 3h10v10H3z M3 11l3-3 2 2 2-3 3 4',
  code: 'M6 4L2 8l4 4 M10 4l4 4-4 4',
  table: 'M2 3h12v10H2z M2 6.5h12 M2 10h12 M6 3v10',
  sql: 'M3 3h10v3H3z M3 7h10v3H3z M3 11h10v2H3z',
  download: 'M8 2v8 M4.5 6.5L8 10l3.5-3.5 M3 13h10',
  expand: 'M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4',
  chart: 'M2 14h12 M4 11V7 M8 11V3 M12 11V6',
  retry: 'M13 8a5 5 0 1 1-1.5-3.5 M13 2v3h-3',
  info: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z M8 7.5V11 M8 5v.01',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      aria-hidden="true"
      data-slot="chart-card-icon"
      focusable="false"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
