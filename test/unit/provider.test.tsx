import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InsightPulseProvider, InsightPulseProviderMissingError, useInsightPulseTheme } from '../../src';

/** A controllable `prefers-color-scheme: dark` media query. */
function mockSystemMode(initiallyDark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: initiallyDark,
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  };
  vi.stubGlobal('matchMedia', () => query);
  return {
    listeners,
    set(dark: boolean) {
      query.matches = dark;
      for (const fn of listeners) fn();
    },
  };
}

function Probe() {
  const { mode, preference, echartsTheme } = useInsightPulseTheme();
  return <output aria-label="theme">{`${preference} ${mode} ${echartsTheme}`}</output>;
}

afterEach(() => vi.unstubAllGlobals());

describe('InsightPulseProvider', () => {
  it('defaults to light', () => {
    render(
      <InsightPulseProvider>
        <Probe />
      </InsightPulseProvider>,
    );
    expect(screen.getByRole('status', { name: 'theme' })).toHaveTextContent('light light insightpulse');
  });

  it('sets dark mode on its subtree for CSS', () => {
    const { container } = render(
      <InsightPulseProvider theme="dark" className="app">
        <Probe />
      </InsightPulseProvider>,
    );
    const root = container.firstElementChild;
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveClass('dark', 'app', 'ip:contents');
    expect(screen.getByRole('status')).toHaveTextContent('dark dark insightpulse-dark');
  });

  it('follows prefers-color-scheme in system mode, and stops listening on unmount', () => {
    const system = mockSystemMode(true);
    const view = render(
      <InsightPulseProvider theme="system">
        <Probe />
      </InsightPulseProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('system dark insightpulse-dark');
    act(() => system.set(false));
    expect(screen.getByRole('status')).toHaveTextContent('system light insightpulse');
    view.unmount();
    expect(system.listeners.size).toBe(0);
  });

  it('throws a named error when its hook is used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useInsightPulseTheme())).toThrow(InsightPulseProviderMissingError);
    expect(() => renderHook(() => useInsightPulseTheme())).toThrow(
      'useInsightPulseTheme must be used inside <InsightPulseProvider>',
    );
  });
});
