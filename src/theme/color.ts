import { InsightPulseError } from '../core/errors';
/** An sRGB colour with alpha, channels 0-255 and alpha 0-1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Thrown when a colour string is not `#rgb`, `#rrggbb`, `rgb()` or `rgba()`. */
export class ColorParseError extends InsightPulseError<'invalid-color'> {
  override readonly name = 'ColorParseError';
  constructor(readonly input: string) {
    super('invalid-color', `Cannot parse colour "${input}": use #rgb, #rrggbb, rgb() or rgba()`);
  }
}

/** Parses `#rgb`, `#rrggbb`, `rgb(r, g, b)` and `rgba(r, g, b, a)`. */
export function parseColor(input: string): Rgba {
  const value = input.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value);
  if (hex?.[1]) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    return {
      r: Number.parseInt(digits.slice(0, 2), 16),
      g: Number.parseInt(digits.slice(2, 4), 16),
      b: Number.parseInt(digits.slice(4, 6), 16),
      a: 1,
    };
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(value);
  if (fn) {
    const [r, g, b, a] = [fn[1], fn[2], fn[3], fn[4] ?? '1'].map(Number);
    if ([r, g, b].every((c) => c !== undefined && c <= 255) && a !== undefined && a <= 1) {
      return { r: r as number, g: g as number, b: b as number, a };
    }
  }
  throw new ColorParseError(input);
}

/** Paints a translucent colour over an opaque background. */
function composite(fg: Rgba, bg: Rgba): Rgba {
  const mix = (f: number, b: number) => f * fg.a + b * (1 - fg.a);
  return { r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b), a: 1 };
}

/** WCAG 2 relative luminance of an opaque colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * WCAG 2 contrast ratio (1 to 21) of text `foreground` on `background`.
 * Translucent colours are first painted over `backdrop` (the page background behind both).
 */
export function contrastRatio(foreground: string, background: string, backdrop = '#FFFFFF'): number {
  const base = composite(parseColor(background), parseColor(backdrop));
  const text = composite(parseColor(foreground), base);
  const [light, dark] = [relativeLuminance(text), relativeLuminance(base)].sort((x, y) => y - x);
  return ((light as number) + 0.05) / ((dark as number) + 0.05);
}

/** The same colour at another opacity, as `rgba()`. */
export function withAlpha(color: string, alpha: number): string {
  const { r, g, b } = parseColor(color);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
