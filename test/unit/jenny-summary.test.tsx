import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { Summary } from '../../src/react/jenny-panel/summary';

const NEW_TAB = 'opens in a new tab';

/**
 * A link's accessible name: its visible text, then the hidden words. (The hidden span's leading space is lost
 * in jsdom's name computation, which trims each element's text; browsers keep a space there.)
 */
const linkName = (visible: string) =>
  new RegExp(`^${visible.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ?\\(${NEW_TAB}\\)$`);

/** The text an element shows, without what only screen readers hear. */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('.ip\\:sr-only')) hidden.remove();
  return copy.textContent ?? '';
}

const renderSummary = (text: string) => render(<Summary text={text} newTabLabel={NEW_TAB} data-testid="summary" />);

describe('Summary', () => {
  it('renders plain text as one paragraph of the same text', () => {
    const text = 'Revenue rose 12% to ₱7.4M in December, led by Luzon.';
    renderSummary(text);
    const root = screen.getByTestId('summary');
    const paragraphs = root.querySelectorAll('p');
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toHaveTextContent(text, { normalizeWhitespace: false });
    expect(paragraphs[0]).toHaveAttribute('data-slot', 'jenny-panel-summary-paragraph');
    expect(root.children).toHaveLength(1);
  });

  it('shows raw HTML as literal text, never as elements', () => {
    const hostile =
      '<script>alert(1)</script> <img src=x onerror=alert(1)> <b>bold</b> <a href="javascript:alert(1)">x</a>';
    renderSummary(hostile);
    const root = screen.getByTestId('summary');
    expect(screen.getByText(hostile)).toBeInTheDocument();
    for (const tag of ['script', 'img', 'b', 'a', 'iframe']) expect(root.querySelector(tag)).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('never renders an image: markdown images show their alt text, and their source is no link', () => {
    renderSummary('Chart: ![revenue chart](https://evil.example/a.png)');
    const root = screen.getByTestId('summary');
    expect(root.querySelector('img')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(root).toHaveTextContent('Chart: revenue chart');
    expect(root.textContent).not.toContain('evil.example');
  });

  it('renders a link that opens in a new tab, shows its address and says it opens in a new tab', () => {
    renderSummary('See [the Q3 report](https://reports.example/q3?region=luzon) for details.');
    const link = screen.getByRole('link', { name: linkName('the Q3 report (reports.example/q3?region=luzon)') });
    expect(link).toHaveAttribute('href', 'https://reports.example/q3?region=luzon');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('data-slot', 'jenny-panel-summary-link');
    expect(visibleText(link)).toBe('the Q3 report (reports.example/q3?region=luzon)');
    expect(link.querySelector('[data-slot="jenny-panel-summary-link-address"]')).toHaveTextContent(
      'reports.example/q3?region=luzon',
    );
    const hint = within(link).getByText(`(${NEW_TAB})`);
    expect(hint).toHaveClass('ip:sr-only');
  });

  it('shows the real host when a label names another address', () => {
    renderSummary('[https://paypal.com](https://evil.example/login)');
    const link = screen.getByRole('link', { name: linkName('https://paypal.com (evil.example/login)') });
    expect(link).toHaveAttribute('href', 'https://evil.example/login');
  });

  it('shows a bare address once, and an empty label as the address', () => {
    renderSummary('Source: https://data.example/sales. Also [](https://x.example/a).');
    expect(screen.getByRole('link', { name: linkName('https://data.example/sales') })).toHaveAttribute(
      'href',
      'https://data.example/sales',
    );
    expect(screen.getByRole('link', { name: linkName('x.example/a') })).toBeInTheDocument();
    expect(visibleText(screen.getByTestId('summary'))).toBe('Source: https://data.example/sales. Also x.example/a.');
  });

  it.each([
    ['[click](javascript:alert(1))'],
    ['[click](JAVASCRIPT:alert(1))'],
    ['[click]( javascript:alert(1))'],
    ['[click](data:text/html,<script>alert(1)</script>)'],
    ['[click](vbscript:msgbox(1))'],
    ['[click](//evil.example)'],
    ['[click](/relative)'],
    ['[click](mailto:a@example.com)'],
  ])('renders %s as the plain text of its label', (text) => {
    renderSummary(text);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByTestId('summary')).toHaveTextContent(/^click$/);
  });

  it('renders lists, strong, em, code, line breaks and code blocks, each part with its data-slot', () => {
    renderSummary(
      'Top regions:\n- **Luzon** up *12%*\n- `Visayas`\n\n3. third\n4. fourth\n\nLine one\nline two\n\n```\nSELECT 1\n```',
    );
    const root = screen.getByTestId('summary');
    const [unordered, ordered] = screen.getAllByRole('list');
    expect(unordered?.tagName).toBe('UL');
    expect(ordered?.tagName).toBe('OL');
    expect(ordered).toHaveAttribute('start', '3');
    expect(within(unordered as HTMLElement).getAllByRole('listitem')).toHaveLength(2);
    expect(root.querySelector('strong')).toHaveTextContent('Luzon');
    expect(root.querySelector('em')).toHaveTextContent('12%');
    expect(root.querySelector('code')).toHaveTextContent('Visayas');
    expect(root.querySelector('br')).toBeInTheDocument();
    expect(root.querySelector('pre')).toHaveTextContent('SELECT 1');
    const slots = [...root.querySelectorAll('*')].map((element) => element.getAttribute('data-slot'));
    expect(slots).not.toContain(null);
    expect(new Set(slots)).toEqual(
      new Set([
        'jenny-panel-summary-paragraph',
        'jenny-panel-summary-list',
        'jenny-panel-summary-list-item',
        'jenny-panel-summary-strong',
        'jenny-panel-summary-em',
        'jenny-panel-summary-code',
        'jenny-panel-summary-break',
        'jenny-panel-summary-code-block',
      ]),
    );
  });

  it('takes its root div props, merges className last and forwards its ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(<Summary ref={ref} id="s" aria-label="Summary" className="host" text="Hi" newTabLabel={NEW_TAB} />);
    const root = document.getElementById('s');
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute('data-slot', 'jenny-panel-summary');
    expect(root).toHaveAttribute('aria-label', 'Summary');
    expect(root?.className.split(' ').at(-1)).toBe('host');
  });

  it('has no axe violations', async () => {
    const { container } = renderSummary(
      'Revenue **rose**:\n- [report](https://reports.example/q3)\n- https://data.example\n\n<img src=x onerror=alert(1)>',
    );
    const results = await axe.run(container, { resultTypes: ['violations'] });
    expect(results.violations).toEqual([]);
  });
});
