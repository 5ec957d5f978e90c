import {
  type ComponentProps,
  createContext,
  type ForwardRefExoticComponent,
  forwardRef,
  type KeyboardEvent,
  type RefAttributes,
  type RefObject,
  useContext,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { DataClient } from '../../core/client/client';
import { InsightPulseError } from '../../core/errors';
import type { JennyAssistantMessage } from '../../core/jenny/chat';
import { describeFreshness } from '../../core/kpi/sentence';
import type { Messages } from '../../core/messages';
import { enCommon, enJennyPanel } from '../../core/messages/en';
import type { ComponentStatus } from '../../core/status';
import { ChartCard } from '../chart-card';
import { DataTable } from '../data-table';
import { cn } from '../lib/cn';
import { useWords } from '../lib/messages';
import { useDataClient } from '../provider/data-client-provider';
import { type UseJennyResult, useJenny } from './use-jenny';

const ENGLISH = { common: enCommon, jennyPanel: enJennyPanel };

/** Thrown by a `JennyPanel` part used outside `<JennyPanel.Root>`. */
export class JennyPanelContextMissingError extends InsightPulseError<'missing-provider'> {
  override readonly name = 'JennyPanelContextMissingError';
  constructor(part: string) {
    super('missing-provider', `JennyPanel.${part} must be used inside <JennyPanel.Root>`);
  }
}

/** What a JennyPanel's root data-state says: the library's states (never `idle`), plus `'streaming'`. */
export type JennyPanelState = ComponentStatus | 'streaming';

interface JennyPanelContextValue extends UseJennyResult {
  words: Messages['jennyPanel'];
  common: Messages['common'];
  locale: string;
  spaceName: string | undefined;
  spaceDescription: string | undefined;
  exampleQuestions: readonly string[];
  /** The composer's textarea, focused again after a question is sent from anywhere in the panel. */
  composer: RefObject<HTMLTextAreaElement | null>;
}

const JennyPanelContext = createContext<JennyPanelContextValue | null>(null);
JennyPanelContext.displayName = 'InsightPulseJennyPanelContext';

function useJennyPanel(part: string): JennyPanelContextValue {
  const value = useContext(JennyPanelContext);
  if (!value) throw new JennyPanelContextMissingError(part);
  return value;
}

const BUTTON =
  'ip:inline-flex ip:cursor-pointer ip:items-center ip:gap-2 ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-transparent ip:px-3 ip:py-1 ip:text-ip-sm ip:text-ip-on-surface ip:hover:bg-ip-surface-variant ip:focus-visible:outline-2 ip:focus-visible:outline-offset-2 ip:focus-visible:outline-ip-primary ip:disabled:cursor-default ip:disabled:opacity-40';
const PRIMARY =
  'ip:inline-flex ip:cursor-pointer ip:items-center ip:rounded-ip-md ip:border-0 ip:bg-ip-primary ip:px-4 ip:py-1 ip:text-ip-sm ip:text-ip-on-primary ip:focus-visible:outline-2 ip:focus-visible:outline-offset-2 ip:focus-visible:outline-ip-primary';
const MUTED = 'ip:m-0 ip:text-ip-sm ip:text-ip-on-surface-variant';

export interface JennyPanelRootProps extends Omit<ComponentProps<'div'>, 'ref'> {
  /** The space questions are asked in (`'sales'`). */
  space: string;
  /** A domain hint within the space, sent with each question. Default none. */
  domain?: string;
  /** The data client. Default the `DataClientProvider`'s. */
  client?: DataClient;
  /** The space's name in the empty state. Default its `label` (or name) when the client knows the space. */
  spaceName?: string;
  /** What the space holds, in the empty state. Default its `description` when the client knows the space. */
  spaceDescription?: string;
  /** Questions offered before the first one. Default the space's `examples` when the client knows the space. */
  exampleQuestions?: readonly string[];
}

const NO_QUESTIONS: readonly string[] = [];

const stateOf = (status: UseJennyResult['status']): JennyPanelState => (status === 'idle' ? 'empty' : status);

/**
 * Runs the conversation (`useJenny`) and gives it to the parts inside; renders the panel's root `<div>` with `data-state` the conversation's status.
 */
const Root = forwardRef<HTMLDivElement, JennyPanelRootProps>(function JennyPanelRoot(
  { space, domain, client: clientProp, spaceName, spaceDescription, exampleQuestions, className, children, ...props },
  ref,
) {
  const client = useDataClient({ client: clientProp });
  const jenny = useJenny({ space, client, ...(domain ? { domain } : {}) });
  const { words, locale } = useWords({}, ENGLISH);
  const composer = useRef<HTMLTextAreaElement>(null);
  const known = client.spaces.get(space);
  const name = spaceName ?? known?.label ?? known?.name;
  const description = spaceDescription ?? known?.description;
  const examples = exampleQuestions ?? known?.examples ?? NO_QUESTIONS;
  const value = useMemo<JennyPanelContextValue>(
    () => ({
      ...jenny,
      words: words.jennyPanel,
      common: words.common,
      locale,
      spaceName: name,
      spaceDescription: description,
      exampleQuestions: examples,
      composer,
    }),
    [jenny, words, locale, name, description, examples],
  );
  return (
    <JennyPanelContext.Provider value={value}>
      <div
        {...props}
        ref={ref}
        data-slot="jenny-panel"
        data-state={stateOf(jenny.status)}
        className={cn(
          'ip:flex ip:flex-col ip:gap-4 ip:rounded-ip-lg ip:border ip:border-solid ip:border-ip-outline-variant ip:bg-ip-surface ip:p-4 ip:font-ip-sans ip:text-ip-on-surface',
          className,
        )}
      >
        {children}
      </div>
    </JennyPanelContext.Provider>
  );
});

export type JennyPanelPartProps = Omit<ComponentProps<'div'>, 'ref'>;

/** The questions and answers (`role="log"`); a past question is a button that shows its answer. */
const Thread = forwardRef<HTMLDivElement, JennyPanelPartProps>(function JennyPanelThread({ className, ...props }, ref) {
  const { messages, selected, select, words } = useJennyPanel('Thread');
  // The log stays mounted from the start, so assistive technology hears what is added to it.
  return (
    <div
      role="log"
      aria-label={words.thread}
      {...props}
      ref={ref}
      data-slot="jenny-panel-thread"
      className={cn('ip:flex ip:max-h-96 ip:flex-col ip:overflow-y-auto', className)}
    >
      {messages.length > 0 && (
        <ol data-slot="jenny-panel-messages" className="ip:m-0 ip:flex ip:list-none ip:flex-col ip:gap-2 ip:p-0">
          {messages.map((message) =>
            message.role === 'user' ? (
              <li key={message.id} data-slot="jenny-panel-question" className="ip:self-end">
                <button
                  type="button"
                  data-slot="jenny-panel-question-button"
                  aria-current={selected?.replyTo === message.id ? 'true' : undefined}
                  onClick={() => select(message.id)}
                  className={cn(
                    'ip:cursor-pointer ip:rounded-ip-md ip:border-0 ip:bg-ip-primary-container ip:px-3 ip:py-2 ip:text-start ip:text-ip-sm ip:text-ip-on-primary-container',
                    'ip:focus-visible:outline-2 ip:focus-visible:outline-offset-2 ip:focus-visible:outline-ip-primary ip:aria-[current=true]:font-ip-semibold',
                  )}
                >
                  <span data-slot="jenny-panel-speaker" className="ip:sr-only">
                    {`${words.you}: `}
                  </span>
                  {message.content}
                </button>
              </li>
            ) : (
              <li
                key={message.id}
                data-slot="jenny-panel-reply"
                data-state={message.status}
                aria-busy={message.status === 'streaming' ? 'true' : undefined}
                className="ip:self-start ip:rounded-ip-md ip:bg-ip-surface-variant ip:px-3 ip:py-2 ip:text-ip-sm"
              >
                <span data-slot="jenny-panel-speaker" className="ip:font-ip-semibold">
                  {`${words.jenny}: `}
                </span>
                <span data-slot="jenny-panel-reply-text">
                  {message.status === 'error'
                    ? words.failed
                    : message.content || message.answer.title || (message.status === 'stopped' ? words.stopped : '')}
                </span>
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
});

/** The latest answer's progress, said once in a live region: the current step, then done, stopped or failed. */
function statusWords(message: JennyAssistantMessage | undefined, words: Messages['jennyPanel']): string {
  if (!message) return '';
  if (message.status === 'error') return words.failed;
  if (message.status === 'stopped') return words.stopped;
  if (message.status === 'done') return words.done;
  return message.step ? words[message.step] : words.asking;
}

/** One `role="status"` with the current step of the latest answer. */
const Status = forwardRef<HTMLParagraphElement, Omit<ComponentProps<'p'>, 'ref'>>(function JennyPanelStatus(
  { className, ...props },
  ref,
) {
  const { messages, words } = useJennyPanel('Status');
  const latest = [...messages].reverse().find((m): m is JennyAssistantMessage => m.role === 'assistant');
  return (
    <p role="status" {...props} ref={ref} data-slot="jenny-panel-status" className={cn(MUTED, className)}>
      {statusWords(latest, words)}
    </p>
  );
});

export type JennyPanelComposerProps = Omit<ComponentProps<'form'>, 'ref' | 'children'>;

/** A labelled textarea with Send and Stop: Enter sends, Shift+Enter starts a new line, Escape stops. */
const Composer = forwardRef<HTMLFormElement, JennyPanelComposerProps>(function JennyPanelComposer(
  { className, onSubmit, ...props },
  ref,
) {
  const { send, stop, status, words, composer } = useJennyPanel('Composer');
  const [draft, setDraft] = useState('');
  const id = useId();
  const hintId = useId();
  const busy = status === 'loading' || status === 'streaming';
  const submit = () => {
    const question = draft.trim();
    if (!question) return;
    setDraft('');
    void send(question);
    composer.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      // Stops whatever is streaming (nothing when nothing is); the key is left to the host when idle.
      if (busy) event.preventDefault();
      stop();
    }
  };
  return (
    <form
      {...props}
      ref={ref}
      data-slot="jenny-panel-composer"
      onSubmit={(event) => {
        onSubmit?.(event);
        event.preventDefault();
        submit();
      }}
      className={cn('ip:flex ip:flex-col ip:gap-2', className)}
    >
      <label htmlFor={id} data-slot="jenny-panel-label" className="ip:text-ip-sm ip:font-ip-semibold">
        {words.question}
      </label>
      <textarea
        id={id}
        ref={composer}
        data-slot="jenny-panel-input"
        aria-describedby={hintId}
        rows={2}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        className="ip:w-full ip:resize-y ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-ip-surface ip:p-2 ip:font-ip-sans ip:text-ip-sm ip:text-ip-on-surface ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary"
      />
      <div data-slot="jenny-panel-actions" className="ip:flex ip:items-center ip:justify-between ip:gap-2">
        <p id={hintId} data-slot="jenny-panel-hint" className={cn(MUTED, 'ip:text-ip-xs')}>
          {words.hint}
        </p>
        <div data-slot="jenny-panel-buttons" className="ip:flex ip:gap-2">
          {busy && (
            <button type="button" data-slot="jenny-panel-stop" onClick={() => stop()} className={BUTTON}>
              {words.stop}
            </button>
          )}
          <button type="submit" data-slot="jenny-panel-send" className={PRIMARY}>
            {words.send}
          </button>
        </div>
      </div>
    </form>
  );
});

/** Questions as buttons that ask them. */
function QuestionList({
  questions,
  slot,
  onAsk,
}: {
  questions: readonly string[];
  slot: string;
  onAsk: (q: string) => void;
}) {
  return (
    <ul data-slot={slot} className="ip:m-0 ip:flex ip:list-none ip:flex-wrap ip:gap-2 ip:p-0">
      {questions.map((question) => (
        <li key={question} data-slot="jenny-panel-suggestion">
          <button
            type="button"
            data-slot="jenny-panel-suggestion-button"
            onClick={() => onAsk(question)}
            className={BUTTON}
          >
            {question}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Sends a question from a button and puts focus back in the composer. */
function useAsk(context: JennyPanelContextValue) {
  return (question: string) => {
    void context.send(question);
    context.composer.current?.focus();
  };
}

function Answer({ message, context }: { message: JennyAssistantMessage; context: JennyPanelContextValue }) {
  const { words, common, locale, regenerate, feedback } = context;
  const ask = useAsk(context);
  const [copy, setCopy] = useState<'copied' | 'failed'>();
  const [note, setNote] = useState<string>();
  const titleId = useId();
  const { answer } = message;
  const title = answer.title;
  const refused = answer.kind === 'clarify' || answer.kind === 'unsupported';
  const rows = answer.rows;
  const data = useMemo(() => ({ rows, meta: answer.meta ?? [] }), [rows, answer.meta]);
  const asOf = describeFreshness(answer.asOf, locale);
  const summary = answer.summary || message.content;

  if (message.status === 'error') {
    return (
      <div role="alert" data-slot="jenny-panel-error" className="ip:flex ip:flex-col ip:items-start ip:gap-2">
        <p data-slot="jenny-panel-error-message" className="ip:m-0 ip:text-ip-error">
          {message.error?.message || words.failed}
        </p>
        <button
          type="button"
          data-slot="jenny-panel-retry"
          onClick={() => void regenerate(message.id)}
          className={BUTTON}
        >
          {common.retry}
        </button>
      </div>
    );
  }

  const copySQL = () => {
    const sql = answer.generatedSql ?? '';
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) return setCopy('failed');
    clipboard.writeText(sql).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  const rate = (rating: 'up' | 'down') => {
    setNote(undefined);
    feedback(message.id, rating).then(
      () => setNote(words.thanks),
      () => setNote(words.feedbackFailed),
    );
  };

  return (
    <div data-slot="jenny-panel-answer" className="ip:flex ip:flex-col ip:gap-3">
      {title && (
        <h3
          id={titleId}
          data-slot="jenny-panel-title"
          className="ip:m-0 ip:text-ip-lg ip:font-ip-semibold ip:break-words"
        >
          {title}
        </h3>
      )}
      {summary && (
        <p
          data-slot={refused ? 'jenny-panel-message' : 'jenny-panel-summary'}
          className="ip:m-0 ip:whitespace-pre-wrap"
        >
          {summary}
        </p>
      )}
      {refused && answer.suggestions?.length ? (
        <div data-slot="jenny-panel-alternatives" className="ip:flex ip:flex-col ip:gap-2">
          <p data-slot="jenny-panel-alternatives-label" className={MUTED}>
            {words.tryInstead}
          </p>
          <QuestionList questions={answer.suggestions} slot="jenny-panel-alternatives-list" onAsk={ask} />
        </div>
      ) : null}
      {!refused && rows.length > 0 && answer.echartsOption && (
        <ChartCard title={title || words.label} data={data} spec="auto" headingLevel={4} />
      )}
      {!refused && rows.length > 0 && (
        <DataTable label={words.table(title || words.label)} data={data} height={240} locale={locale} />
      )}
      {answer.generatedSql && (
        <div data-slot="jenny-panel-sql" className="ip:flex ip:flex-col ip:gap-2">
          <div data-slot="jenny-panel-sql-header" className="ip:flex ip:items-center ip:justify-between ip:gap-2">
            <h4 data-slot="jenny-panel-sql-title" className="ip:m-0 ip:text-ip-sm ip:font-ip-semibold">
              {words.sql}
            </h4>
            <button type="button" data-slot="jenny-panel-copy" onClick={copySQL} className={BUTTON}>
              {words.copy}
            </button>
          </div>
          <pre
            data-slot="jenny-panel-sql-code"
            className="ip:m-0 ip:max-h-60 ip:overflow-auto ip:rounded-ip-md ip:bg-ip-surface-variant ip:p-3 ip:font-ip-mono ip:text-ip-sm"
          >
            <code data-slot="jenny-panel-sql-text">{answer.generatedSql}</code>
          </pre>
          <p aria-live="polite" data-slot="jenny-panel-copy-result" className={cn(MUTED, 'ip:text-ip-xs')}>
            {copy === 'copied' ? words.copied : copy === 'failed' ? words.copyFailed : ''}
          </p>
        </div>
      )}
      {asOf && (
        <p data-slot="jenny-panel-as-of" className={cn(MUTED, 'ip:text-ip-xs')}>
          <time dateTime={asOf.iso} data-slot="jenny-panel-as-of-date">
            {words.asOf(asOf.text)}
          </time>
        </p>
      )}
      {message.status === 'done' && (
        <div data-slot="jenny-panel-feedback" className="ip:flex ip:items-center ip:gap-2">
          {(
            [
              ['up', words.helpful, '👍'],
              ['down', words.notHelpful, '👎'],
            ] as const
          ).map(([rating, label, icon]) => (
            <button
              key={rating}
              type="button"
              data-slot={`jenny-panel-thumbs-${rating}`}
              aria-label={label}
              title={label}
              aria-pressed={message.feedback === rating}
              onClick={() => rate(rating)}
              className={BUTTON}
            >
              <span aria-hidden="true" data-slot="jenny-panel-icon">
                {icon}
              </span>
            </button>
          ))}
          <p aria-live="polite" data-slot="jenny-panel-feedback-result" className={cn(MUTED, 'ip:text-ip-xs')}>
            {note ?? ''}
          </p>
        </div>
      )}
    </div>
  );
}

/**
 * The selected answer (the latest unless a past question was chosen): its title, summary (plain text), chart,
 * table, SQL with Copy, and the day it counts from; what Jenny asks back or refuses, with questions to ask instead;
 * or the failure, with Retry.
 */
const Result = forwardRef<HTMLDivElement, JennyPanelPartProps>(function JennyPanelResult({ className, ...props }, ref) {
  const context = useJennyPanel('Result');
  const { selected } = context;
  if (!selected) return null;
  return (
    <div
      {...props}
      ref={ref}
      data-slot="jenny-panel-result"
      data-state={selected.status}
      aria-busy={selected.status === 'streaming' || undefined}
      className={cn('ip:flex ip:flex-col ip:gap-3', className)}
    >
      <Answer key={selected.id} message={selected} context={context} />
    </div>
  );
});

/**
 * Questions to ask next as buttons that send them: the selected answer's follow-ups, or before the first question,
 * the space's example questions under its name and description.
 */
const Suggestions = forwardRef<HTMLDivElement, JennyPanelPartProps>(function JennyPanelSuggestions(
  { className, ...props },
  ref,
) {
  const context = useJennyPanel('Suggestions');
  const { messages, selected, words, spaceName, spaceDescription, exampleQuestions } = context;
  const ask = useAsk(context);
  const empty = messages.length === 0;
  const followUps =
    selected?.status === 'done' && (selected.answer.kind ?? 'answer') === 'answer'
      ? (selected.answer.suggestions ?? [])
      : [];
  if (!empty && followUps.length === 0) return null;
  return (
    <div
      {...props}
      ref={ref}
      data-slot="jenny-panel-suggestions"
      data-state={empty ? 'empty' : 'ready'}
      className={cn('ip:flex ip:flex-col ip:gap-2', className)}
    >
      {empty ? (
        <>
          <h3 data-slot="jenny-panel-empty-title" className="ip:m-0 ip:text-ip-lg ip:font-ip-semibold">
            {words.emptyTitle(spaceName ?? '')}
          </h3>
          {spaceDescription && (
            <p data-slot="jenny-panel-description" className={MUTED}>
              {spaceDescription}
            </p>
          )}
          {exampleQuestions.length > 0 && (
            <>
              <p data-slot="jenny-panel-suggestions-label" className={MUTED}>
                {words.examples}
              </p>
              <QuestionList questions={exampleQuestions} slot="jenny-panel-examples" onAsk={ask} />
            </>
          )}
        </>
      ) : (
        <>
          <p data-slot="jenny-panel-suggestions-label" className={MUTED}>
            {words.followUps}
          </p>
          <QuestionList questions={followUps} slot="jenny-panel-follow-ups" onAsk={ask} />
        </>
      )}
    </div>
  );
});

export type JennyPanelProps = JennyPanelRootProps;

/**
 * Jenny, the conversational analyst: ask a question about a space's data and get a title, a summary, a chart, the
 * table, the SQL and follow-up questions, streamed as they arrive. Built from `JennyPanel.Root`, `.Suggestions`,
 * `.Thread`, `.Result`, `.Status` and `.Composer`; recompose them for another layout. Its ref is the root `<div>`.
 */
const JennyPanelBase = forwardRef<HTMLDivElement, JennyPanelProps>(function JennyPanel(props, ref) {
  return (
    <Root {...props} ref={ref}>
      <Suggestions />
      <Thread />
      <Result />
      <Status />
      <Composer />
    </Root>
  );
});

type Part<Props, Element> = ForwardRefExoticComponent<Props & RefAttributes<Element>>;

export const JennyPanel: Part<JennyPanelProps, HTMLDivElement> & {
  Root: Part<JennyPanelRootProps, HTMLDivElement>;
  Thread: Part<JennyPanelPartProps, HTMLDivElement>;
  Status: Part<Omit<ComponentProps<'p'>, 'ref'>, HTMLParagraphElement>;
  Composer: Part<JennyPanelComposerProps, HTMLFormElement>;
  Result: Part<JennyPanelPartProps, HTMLDivElement>;
  Suggestions: Part<JennyPanelPartProps, HTMLDivElement>;
} = Object.assign(JennyPanelBase, { Root, Thread, Status, Composer, Result, Suggestions });
