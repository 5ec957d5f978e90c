import * as Dialog from '@radix-ui/react-dialog';
import { type FormEvent, type ReactNode, type RefObject, useId, useState } from 'react';
import type { JennyAnswer } from '../../core/client/types';
import {
  editableChips,
  editReading,
  MAX_READING_LIMIT,
  type ReadingEdit,
  readingGrains,
} from '../../core/jenny/reading';
import type { QueryInterpretation } from '../../core/jenny/types';
import type { Messages } from '../../core/messages/types';
import type { SemanticFilter, SpaceDefinition, TimeGrain } from '../../core/semantic/types';
import { isIsoDay } from '../../core/util/iso-date';
import { cn } from '../lib/cn';

/**
 * JennyPanel's dialogs (Radix Dialog): Explain, with the reasoning and the reading as editable chips, and the
 * feedback comment. Loaded the first time one opens, as one self-contained file (see tsup.config.ts); the panel
 * passes them its words and theme mode, so they read no context.
 */

type Words = Messages['jennyPanel'];

const BUTTON =
  'ip:inline-flex ip:cursor-pointer ip:items-center ip:gap-2 ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-transparent ip:px-3 ip:py-1 ip:text-ip-sm ip:text-ip-on-surface ip:hover:bg-ip-surface-variant ip:focus-visible:outline-2 ip:focus-visible:outline-offset-2 ip:focus-visible:outline-ip-primary ip:disabled:cursor-default ip:disabled:opacity-40';
const PRIMARY =
  'ip:inline-flex ip:cursor-pointer ip:items-center ip:rounded-ip-md ip:border-0 ip:bg-ip-primary ip:px-4 ip:py-1 ip:text-ip-sm ip:text-ip-on-primary ip:focus-visible:outline-2 ip:focus-visible:outline-offset-2 ip:focus-visible:outline-ip-primary ip:disabled:cursor-default ip:disabled:opacity-40';
const FIELD =
  'ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-ip-surface ip:px-2 ip:py-1 ip:font-ip-sans ip:text-ip-sm ip:text-ip-on-surface ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary ip:disabled:opacity-60';
const LABEL = 'ip:text-ip-sm ip:font-ip-semibold';
const MUTED = 'ip:m-0 ip:text-ip-sm ip:text-ip-on-surface-variant';

interface ShellProps {
  title: string;
  description: string;
  words: Words;
  /** The panel's theme mode: the portal leaves the provider's subtree, so the dialog carries it itself. */
  mode: 'light' | 'dark';
  onOpenChange: (open: boolean) => void;
  /** Gets focus when the dialog closes (the composer). */
  returnFocus: RefObject<HTMLElement | null>;
  slot: string;
  children: ReactNode;
}

/** An open Radix dialog in the panel's style, with a Close button; closing puts focus on `returnFocus`. */
function Shell({ title, description, words, mode, onOpenChange, returnFocus, slot, children }: ShellProps) {
  return (
    <Dialog.Root open onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <div data-slot={`${slot}-theme`} data-theme={mode} className={cn(mode === 'dark' && 'dark')}>
          <Dialog.Overlay data-slot={`${slot}-overlay`} className="ip:fixed ip:inset-0 ip:bg-black/50" />
          <Dialog.Content
            data-slot={slot}
            className="ip:fixed ip:top-1/2 ip:left-1/2 ip:flex ip:max-h-[90vh] ip:w-[min(40rem,calc(100vw-2rem))] ip:-translate-x-1/2 ip:-translate-y-1/2 ip:flex-col ip:gap-4 ip:overflow-y-auto ip:rounded-ip-lg ip:bg-ip-surface ip:p-6 ip:font-ip-sans ip:text-ip-on-surface ip:shadow-xl"
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              returnFocus.current?.focus();
            }}
          >
            <div data-slot={`${slot}-header`} className="ip:flex ip:items-start ip:justify-between ip:gap-2">
              <div data-slot={`${slot}-heading`}>
                <Dialog.Title data-slot={`${slot}-title`} className="ip:m-0 ip:text-ip-xl ip:font-ip-semibold">
                  {title}
                </Dialog.Title>
                <Dialog.Description data-slot={`${slot}-description`} className={cn(MUTED, 'ip:mt-1')}>
                  {description}
                </Dialog.Description>
              </div>
              <Dialog.Close data-slot={`${slot}-close`} className={BUTTON}>
                {words.close}
              </Dialog.Close>
            </div>
            {children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export interface ExplainDialogProps {
  answer: JennyAnswer;
  /** The spaces the reading names, by name, for the chips' choices; without its space the chips are read-only. */
  definitionOf: (space: string) => SpaceDefinition | undefined;
  words: Words;
  mode: 'light' | 'dark';
  onOpenChange: (open: boolean) => void;
  returnFocus: RefObject<HTMLElement | null>;
  /** Runs the edited reading; without it the chips are read-only. */
  onRerun?: (reading: QueryInterpretation) => void;
}

/** How Jenny answered: the reasoning, line by line, and the reading as chips that can be edited and run again. */
export function ExplainDialog({
  answer,
  definitionOf,
  words,
  mode,
  onOpenChange,
  returnFocus,
  onRerun,
}: ExplainDialogProps) {
  const reading = answer.interpretation?.kind === 'query' ? answer.interpretation : undefined;
  const lines = (answer.reasoning ?? '').split('\n').filter((line) => line.trim());
  return (
    <Shell
      title={words.explainTitle}
      description={words.explainDescription}
      words={words}
      mode={mode}
      onOpenChange={onOpenChange}
      returnFocus={returnFocus}
      slot="jenny-panel-explain"
    >
      {lines.length > 0 && (
        <section data-slot="jenny-panel-reasoning" className="ip:flex ip:flex-col ip:gap-2">
          <h3 data-slot="jenny-panel-reasoning-title" className="ip:m-0 ip:text-ip-md ip:font-ip-semibold">
            {words.reasoning}
          </h3>
          <ul
            data-slot="jenny-panel-reasoning-lines"
            className="ip:m-0 ip:flex ip:flex-col ip:gap-1 ip:ps-5 ip:text-ip-sm"
          >
            {lines.map((line, i) => (
              // Lines can repeat; their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: static list
              <li key={i} data-slot="jenny-panel-reasoning-line" className="ip:break-words">
                {line}
              </li>
            ))}
          </ul>
        </section>
      )}
      {reading && (
        <Chips
          reading={reading}
          space={definitionOf(reading.space)}
          compareSpace={reading.compare ? definitionOf(reading.compare.space) : undefined}
          words={words}
          onRun={
            onRerun
              ? (edited) => {
                  onRerun(edited);
                  onOpenChange(false);
                }
              : undefined
          }
        />
      )}
    </Shell>
  );
}

const labelOf = (items: readonly { name: string; label?: string }[] | undefined, name: string) =>
  items?.find((item) => item.name === name)?.label ?? name;

const valueText = (value: unknown) =>
  Array.isArray(value) ? value.map((item) => String(item)).join(', ') : String(value);

/** Two readings run the same queries. */
const sameRun = (a: QueryInterpretation, b: QueryInterpretation) =>
  JSON.stringify([a.query, a.compare ?? null]) === JSON.stringify([b.query, b.compare ?? null]);

interface ChipsProps {
  reading: QueryInterpretation;
  space: SpaceDefinition | undefined;
  compareSpace: SpaceDefinition | undefined;
  words: Words;
  onRun: ((reading: QueryInterpretation) => void) | undefined;
}

/**
 * The reading as chips: measure, breakdowns, period, grain, filters and limit. Each change is applied to a draft
 * with `editReading` (a change it refuses is said, and the draft kept); Run again answers the draft.
 */
function Chips({ reading, space, compareSpace, words, onRun }: ChipsProps) {
  const [draft, setDraft] = useState(reading);
  const [problem, setProblem] = useState<string>();
  const [from, setFrom] = useState(reading.query.dateRange?.from ?? '');
  const [to, setTo] = useState(reading.query.dateRange?.to ?? '');
  const [limit, setLimit] = useState(reading.query.limit === undefined ? '' : String(reading.query.limit));
  const id = useId();
  const problemId = `${id}-problem`;
  const editable = onRun && space ? editableChips(draft, space) : undefined;
  const query = draft.query;
  const dimensions = query.dimensions ?? [];
  const grains: readonly TimeGrain[] = space ? readingGrains(draft, space, compareSpace) : [];

  const apply = (edit: ReadingEdit) => {
    try {
      setDraft(editReading(draft, edit, space, compareSpace));
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const period = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    // A period is applied once both ends are whole days; until then the draft keeps the last whole one.
    if (isIsoDay(nextFrom) && isIsoDay(nextTo) && nextFrom <= nextTo)
      apply({ dateRange: { from: nextFrom, to: nextTo } });
  };
  const run = (event: FormEvent) => {
    event.preventDefault();
    if (onRun && !sameRun(draft, reading)) onRun(draft);
  };
  const filterLabel = (filter: SemanticFilter) =>
    words.filter(labelOf(space?.dimensions, filter.dimension), filter.op, valueText(filter.value));

  return (
    <form
      data-slot="jenny-panel-reading"
      onSubmit={run}
      aria-describedby={problem ? problemId : undefined}
      className="ip:flex ip:flex-col ip:gap-3"
    >
      <h3 data-slot="jenny-panel-reading-title" className="ip:m-0 ip:text-ip-md ip:font-ip-semibold">
        {words.interpretation}
      </h3>
      <div data-slot="jenny-panel-reading-fields" className="ip:flex ip:flex-wrap ip:items-end ip:gap-3">
        <label data-slot="jenny-panel-chip-field" className="ip:flex ip:flex-col ip:gap-1">
          <span data-slot="jenny-panel-chip-label" className={LABEL}>
            {words.measure}
          </span>
          <select
            data-slot="jenny-panel-chip-measure"
            className={FIELD}
            value={query.metrics[0]}
            disabled={!editable?.metric}
            onChange={(event) => apply({ metric: event.target.value })}
          >
            {(space?.metrics ?? query.metrics.map((name) => ({ name, label: name }))).map((metric) => (
              <option key={metric.name} value={metric.name} data-slot="jenny-panel-chip-option">
                {metric.label ?? metric.name}
              </option>
            ))}
          </select>
        </label>
        {space?.timeDimension && (
          <>
            <label data-slot="jenny-panel-chip-field" className="ip:flex ip:flex-col ip:gap-1">
              <span data-slot="jenny-panel-chip-label" className={LABEL}>{`${words.period}: ${words.from}`}</span>
              <input
                type="date"
                data-slot="jenny-panel-chip-from"
                className={FIELD}
                value={from}
                max={to || undefined}
                disabled={!editable?.period}
                onChange={(event) => period(event.target.value, to)}
              />
            </label>
            <label data-slot="jenny-panel-chip-field" className="ip:flex ip:flex-col ip:gap-1">
              <span data-slot="jenny-panel-chip-label" className={LABEL}>{`${words.period}: ${words.to}`}</span>
              <input
                type="date"
                data-slot="jenny-panel-chip-to"
                className={FIELD}
                value={to}
                min={from || undefined}
                disabled={!editable?.period}
                onChange={(event) => period(from, event.target.value)}
              />
            </label>
            <label data-slot="jenny-panel-chip-field" className="ip:flex ip:flex-col ip:gap-1">
              <span data-slot="jenny-panel-chip-label" className={LABEL}>
                {words.grain}
              </span>
              <select
                data-slot="jenny-panel-chip-grain"
                className={FIELD}
                value={query.timeGrain ?? ''}
                disabled={!editable?.grain}
                onChange={(event) => apply({ grain: (event.target.value || null) as TimeGrain | null })}
              >
                <option value="" data-slot="jenny-panel-chip-option">
                  {words.none}
                </option>
                {grains.map((grain) => (
                  <option key={grain} value={grain} data-slot="jenny-panel-chip-option">
                    {words.grains[grain]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label data-slot="jenny-panel-chip-field" className="ip:flex ip:flex-col ip:gap-1">
          <span data-slot="jenny-panel-chip-label" className={LABEL}>
            {words.limit}
          </span>
          <input
            type="number"
            inputMode="numeric"
            data-slot="jenny-panel-chip-limit"
            className={cn(FIELD, 'ip:w-24')}
            min={1}
            max={MAX_READING_LIMIT}
            step={1}
            value={limit}
            placeholder={words.none}
            disabled={!editable?.limit}
            onChange={(event) => {
              const text = event.target.value;
              setLimit(text);
              if (text === '') apply({ limit: null });
              else if (/^\d+$/.test(text)) apply({ limit: Number(text) });
            }}
          />
        </label>
      </div>
      <ChipList
        legend={words.breakdowns}
        slot="jenny-panel-chip-breakdowns"
        empty={words.none}
        items={dimensions.map((name) => ({ key: name, label: labelOf(space?.dimensions, name) }))}
        removeLabel={words.remove}
        onRemove={editable?.dimensions ? (key) => apply({ removeDimension: key }) : undefined}
      >
        {editable?.dimensions && space && (
          <select
            aria-label={words.addBreakdown}
            data-slot="jenny-panel-chip-add-breakdown"
            className={FIELD}
            value=""
            onChange={(event) => event.target.value && apply({ addDimension: event.target.value })}
          >
            <option value="" data-slot="jenny-panel-chip-option">
              {words.addBreakdown}
            </option>
            {space.dimensions
              .filter((dimension) => !dimensions.includes(dimension.name))
              .map((dimension) => (
                <option key={dimension.name} value={dimension.name} data-slot="jenny-panel-chip-option">
                  {dimension.label ?? dimension.name}
                </option>
              ))}
          </select>
        )}
      </ChipList>
      <ChipList
        legend={words.filters}
        slot="jenny-panel-chip-filters"
        empty={words.none}
        items={(query.filters ?? []).map((filter, i) => ({ key: String(i), label: filterLabel(filter) }))}
        removeLabel={words.remove}
        onRemove={editable?.filters ? (key) => apply({ removeFilter: Number(key) }) : undefined}
      />
      <p id={problemId} role="alert" data-slot="jenny-panel-reading-problem" className="ip:m-0 ip:text-ip-error">
        {problem ?? ''}
      </p>
      {onRun && (
        <div data-slot="jenny-panel-reading-actions">
          <button type="submit" data-slot="jenny-panel-rerun" className={PRIMARY} disabled={sameRun(draft, reading)}>
            {words.rerun}
          </button>
        </div>
      )}
    </form>
  );
}

interface ChipListProps {
  legend: string;
  slot: string;
  empty: string;
  items: { key: string; label: string }[];
  removeLabel: (label: string) => string;
  onRemove: ((key: string) => void) | undefined;
  children?: ReactNode;
}

/** A labelled group of chips, each with a remove button when it can be removed. */
function ChipList({ legend, slot, empty, items, removeLabel, onRemove, children }: ChipListProps) {
  return (
    <fieldset data-slot={slot} className="ip:m-0 ip:flex ip:flex-col ip:gap-2 ip:border-0 ip:p-0">
      <legend data-slot="jenny-panel-chip-legend" className={cn(LABEL, 'ip:p-0')}>
        {legend}
      </legend>
      <div data-slot="jenny-panel-chip-row" className="ip:flex ip:flex-wrap ip:items-center ip:gap-2">
        {items.length === 0 && (
          <span data-slot="jenny-panel-chip-none" className={MUTED}>
            {empty}
          </span>
        )}
        <ul data-slot="jenny-panel-chip-list" className="ip:m-0 ip:flex ip:list-none ip:flex-wrap ip:gap-2 ip:p-0">
          {items.map((item) => (
            <li
              key={item.key}
              data-slot="jenny-panel-chip"
              className="ip:inline-flex ip:items-center ip:gap-1 ip:rounded-ip-full ip:border ip:border-solid ip:border-ip-outline-variant ip:bg-ip-surface-container ip:px-3 ip:py-1 ip:text-ip-sm ip:text-ip-on-surface"
            >
              <span data-slot="jenny-panel-chip-text">{item.label}</span>
              {onRemove && (
                <button
                  type="button"
                  aria-label={removeLabel(item.label)}
                  data-slot="jenny-panel-chip-remove"
                  onClick={() => onRemove(item.key)}
                  className="ip:cursor-pointer ip:rounded-ip-full ip:border-0 ip:bg-transparent ip:px-1 ip:text-ip-on-surface ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary"
                >
                  <span aria-hidden="true" data-slot="jenny-panel-chip-remove-icon">
                    ×
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
        {children}
      </div>
    </fieldset>
  );
}

export interface FeedbackDialogProps {
  words: Words;
  mode: 'light' | 'dark';
  /** The rating chosen when it opens. Default `'down'`. */
  rating: 'up' | 'down' | undefined;
  onOpenChange: (open: boolean) => void;
  returnFocus: RefObject<HTMLElement | null>;
  /** Saves the feedback; a rejection is said in the dialog, which keeps the comment. */
  onSend: (rating: 'up' | 'down', comment: string) => Promise<void>;
}

/** A comment on an answer, with its rating, sent through `client.feedback`. */
export function FeedbackDialog({ words, mode, rating, onOpenChange, returnFocus, onSend }: FeedbackDialogProps) {
  const [chosen, setChosen] = useState<'up' | 'down'>(rating ?? 'down');
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const id = useId();
  const send = (event: FormEvent) => {
    event.preventDefault();
    setState('sending');
    onSend(chosen, comment.trim()).then(
      () => onOpenChange(false),
      () => setState('failed'),
    );
  };
  return (
    <Shell
      title={words.commentTitle}
      description={words.commentDescription}
      words={words}
      mode={mode}
      onOpenChange={onOpenChange}
      returnFocus={returnFocus}
      slot="jenny-panel-feedback-dialog"
    >
      <form data-slot="jenny-panel-feedback-form" onSubmit={send} className="ip:flex ip:flex-col ip:gap-3">
        <fieldset data-slot="jenny-panel-feedback-rating" className="ip:m-0 ip:flex ip:gap-4 ip:border-0 ip:p-0">
          <legend data-slot="jenny-panel-feedback-rating-legend" className={cn(LABEL, 'ip:mb-1 ip:p-0')}>
            {words.rating}
          </legend>
          {(
            [
              ['up', words.helpful],
              ['down', words.notHelpful],
            ] as const
          ).map(([value, label]) => (
            <label
              key={value}
              data-slot="jenny-panel-feedback-rating-option"
              className="ip:inline-flex ip:items-center ip:gap-2 ip:text-ip-sm"
            >
              <input
                data-slot="jenny-panel-feedback-rating-input"
                type="radio"
                name={`${id}-rating`}
                value={value}
                checked={chosen === value}
                onChange={() => setChosen(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-comment`} data-slot="jenny-panel-feedback-comment-label" className={LABEL}>
          {words.commentLabel}
        </label>
        <textarea
          id={`${id}-comment`}
          data-slot="jenny-panel-feedback-comment"
          rows={4}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          className={cn(FIELD, 'ip:w-full ip:resize-y')}
        />
        <p role="alert" data-slot="jenny-panel-feedback-problem" className="ip:m-0 ip:text-ip-error">
          {state === 'failed' ? words.feedbackFailed : ''}
        </p>
        <div data-slot="jenny-panel-feedback-actions" className="ip:flex ip:gap-2">
          <button
            type="submit"
            data-slot="jenny-panel-feedback-send"
            className={PRIMARY}
            disabled={state === 'sending'}
          >
            {words.sendComment}
          </button>
          <Dialog.Close data-slot="jenny-panel-feedback-cancel" className={BUTTON}>
            {words.cancel}
          </Dialog.Close>
        </div>
      </form>
    </Shell>
  );
}
