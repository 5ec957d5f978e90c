import { type ComponentProps, forwardRef, type ReactNode, useMemo } from 'react';
import {
  inlineText,
  labelShowsAddress,
  linkAddress,
  parseSummary,
  type SummaryBlock,
  type SummaryInline,
} from '../../core/jenny/markdown';
import { cn } from '../lib/cn';

export interface SummaryProps extends Omit<ComponentProps<'div'>, 'ref' | 'children'> {
  /** The model's summary: plain text, or the safe markdown subset that `parseSummary` reads. */
  text: string;
  /** What screen readers hear after each link, which opens in a new tab ("opens in a new tab"). */
  newTabLabel: string;
}

/**
 * A Jenny answer's summary, written by a model, as text: paragraphs, flat lists, strong, em, code and links
 * (http and https only, opening in a new tab, each showing its address) by `parseSummary`'s rules. It never
 * renders HTML from the text: a tag in it is shown as written, and an image as its alt text.
 */
export const Summary = forwardRef<HTMLDivElement, SummaryProps>(function JennyPanelSummary(
  { text, newTabLabel, className, ...props },
  ref,
) {
  const blocks = useMemo(() => parseSummary(text), [text]);
  return (
    <div
      {...props}
      ref={ref}
      data-slot="jenny-panel-summary"
      className={cn('ip:flex ip:flex-col ip:gap-2 ip:break-words', className)}
    >
      {blocks.map((block, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parsed blocks have no identity but their position
        <Block key={index} block={block} newTabLabel={newTabLabel} />
      ))}
    </div>
  );
});

function Block({ block, newTabLabel }: { block: SummaryBlock; newTabLabel: string }) {
  if (block.type === 'paragraph') {
    return (
      <p data-slot="jenny-panel-summary-paragraph" className="ip:m-0 ip:whitespace-pre-wrap">
        <Inlines nodes={block.children} newTabLabel={newTabLabel} />
      </p>
    );
  }
  if (block.type === 'codeBlock') {
    return (
      <pre
        data-slot="jenny-panel-summary-code-block"
        className="ip:m-0 ip:whitespace-pre-wrap ip:rounded-ip-sm ip:bg-ip-surface-variant ip:p-2 ip:font-ip-mono ip:text-ip-xs"
      >
        {block.text}
      </pre>
    );
  }
  const items = block.items.map((item, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: parsed items have no identity but their position
    <li key={index} data-slot="jenny-panel-summary-list-item" className="ip:whitespace-pre-wrap">
      <Inlines nodes={item} newTabLabel={newTabLabel} />
    </li>
  ));
  return block.ordered ? (
    <ol
      data-slot="jenny-panel-summary-list"
      start={block.start === 1 ? undefined : block.start}
      className="ip:m-0 ip:list-decimal ip:ps-5"
    >
      {items}
    </ol>
  ) : (
    <ul data-slot="jenny-panel-summary-list" className="ip:m-0 ip:list-disc ip:ps-5">
      {items}
    </ul>
  );
}

function Inlines({ nodes, newTabLabel }: { nodes: readonly SummaryInline[]; newTabLabel: string }): ReactNode {
  return nodes.map((node, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: parsed text has no identity but its position
    <Inline key={index} node={node} newTabLabel={newTabLabel} />
  ));
}

function Inline({ node, newTabLabel }: { node: SummaryInline; newTabLabel: string }): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return <br data-slot="jenny-panel-summary-break" />;
    case 'code':
      return (
        <code
          data-slot="jenny-panel-summary-code"
          className="ip:rounded-ip-sm ip:bg-ip-surface-variant ip:px-1 ip:font-ip-mono"
        >
          {node.text}
        </code>
      );
    case 'strong':
      return (
        <strong data-slot="jenny-panel-summary-strong" className="ip:font-ip-semibold">
          <Inlines nodes={node.children} newTabLabel={newTabLabel} />
        </strong>
      );
    case 'em':
      return (
        <em data-slot="jenny-panel-summary-em">
          <Inlines nodes={node.children} newTabLabel={newTabLabel} />
        </em>
      );
    case 'link':
      return <Link href={node.href} nodes={node.children} newTabLabel={newTabLabel} />;
  }
}

/**
 * A link that shows where it goes: its label, then its address in parentheses unless the label is the
 * address (a bare `https://…`), or the address alone for an empty label; it opens in a new tab, which
 * screen readers hear from `newTabLabel`.
 */
function Link({ href, nodes, newTabLabel }: { href: string; nodes: readonly SummaryInline[]; newTabLabel: string }) {
  const label = inlineText(nodes).trim();
  const address = linkAddress(href);
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-slot="jenny-panel-summary-link"
      className="ip:text-ip-primary ip:underline"
    >
      {/* Each part isolated from the other's direction; the address always reads left to right. */}
      {label ? (
        <bdi data-slot="jenny-panel-summary-link-label">
          <Inlines nodes={nodes} newTabLabel={newTabLabel} />
        </bdi>
      ) : (
        <bdi dir="ltr" data-slot="jenny-panel-summary-link-address">
          {address}
        </bdi>
      )}
      {label && !labelShowsAddress(label, href) ? (
        <>
          {' ('}
          <bdi dir="ltr" data-slot="jenny-panel-summary-link-address">
            {address}
          </bdi>
          {')'}
        </>
      ) : null}
      <span data-slot="jenny-panel-summary-link-new-tab" className="ip:sr-only">
        {` (${newTabLabel})`}
      </span>
    </a>
  );
}
