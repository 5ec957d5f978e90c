import {
  type ComponentProps,
  createContext,
  type ForwardRefExoticComponent,
  forwardRef,
  type KeyboardEvent,
  lazy,
  type MouseEvent,
  type RefAttributes,
  type RefObject,
  Suspense,
  useCallback,
  useContext,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { DataClient } from '../../core/client/client';
import { InsightPulseError } from '../../core/errors';
import type { JennyAssistantMessage } from '../../core/jenny/chat';
import type { JennyResult } from '../../core/jenny/result';
import { describeFreshness } from '../../core/kpi/sentence';
import type { Messages, PartialMessages } from '../../core/messages';
import { enCommon, enJennyPanel, enProvenance } from '../../core/messages/en';
import type { SpaceDefinition } from '../../core/semantic/types';
import type { ComponentStatus } from '../../core/status';
import { cn } from '../lib/cn';
import { useWords } from '../lib/messages';
import { ProvenanceFooter } from '../lib/provenance';
import { useResolvedTheme } from '../lib/use-resolved-theme';
import { useDataClient } from '../provider/data-client-provider';
import { useProvided } from '../provider/insightpulse-provider';
import { Summary } from './summary';
import { type JennyPanelFeedback, type JennyPanelMessage, useControlledJenny } from './use-controlled-jenny';
import { type UseJennyResult, useJenny } from './use-jenny';

const ENGLISH = { common: enCommon, jennyPanel: enJennyPanel, provenance: enProvenance };

/*
 * What an answer shows only once it has rows (the chart, with ECharts, and the table) and the dialogs load on first
 * use, each as one self-contained file (see tsup.config.ts): a panel that has not answered yet loads neither.
 */
const loadViews = () => import('./views');
const AnswerChart = /* @__PURE__ */ lazy(() => loadViews().then((views) => ({ default: views.AnswerChart })));
const AnswerTable = /* @__PURE__ */ lazy(() => loadViews().then((views) => ({ default: views.AnswerTable })));
const loadDialogs = () => import('./dialogs');
const ExplainDialog = /* @__PURE__ */ lazy(() => loadDialogs().then((dialogs) => ({ default: dialogs.ExplainDialog })));
const FeedbackDialog = /* @__PURE__ */ lazy(() =>
  loadDialogs().then((dialogs) => ({ default: dialogs.FeedbackDialog })),
);

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
  provenance: Messages['provenance'];
  /** The words given on the panel (`messages` as an object), passed on to its chart and table. */
  override: PartialMessages | undefined;
  locale: string;
  /** The theme mode, for the dialogs (their portal leaves the provider's subtree). */
  mode: 'light' | 'dark';
  /** Where questions go: false while the panel has no space (and no `onSendQuestion`). */
  canSend: boolean;
  /** An edited reading can be run again (the uncontrolled panel); the app's own answers cannot. */
  canRerun: boolean;
  /** Feedback has somewhere to go (the data client, or `onFeedback`). */
  canFeedback: boolean;
  /** The space questions go to, its definition (for the Explain chips), and the spaces to switch between. */
  space: string | undefined;
  definitionOf: (space: string) => SpaceDefinition | undefined;
  spaces: readonly string[];
  setSpace: (space: string) => void;
  spaceLabel: (space: string) => string;
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
  'ip:inline-flex ip:cursor-pointer ip:items-center ip:rounded-ip-md ip:border-0 ip:bg-ip-primary ip:px-4 ip:py-1 ip:text-ip-sm ip:text-ip-on-primary ip:focus-visible:outline-2 ip:focus-visible:outline-offset-2 ip:focus-visible:outline-ip-primary ip:disabled:cursor-default ip:disabled:opacity-40';
const MUTED = 'ip:m-0 ip:text-ip-sm ip:text-ip-on-surface-variant';

export interface JennyPanelRootProps extends Omit<ComponentProps<'div'>, 'ref'> {
  /** The space questions are asked in (`'sales'`), controlled; with `spaces`, give `onSpaceChange` too. */
  space?: string;
  /** The space to start in, uncontrolled. Default the first of `spaces`. */
  defaultSpace?: string;
  /** Called with the space chosen in the switcher. */
  onSpaceChange?: (space: string) => void;
  /** Spaces to switch between: with more than one, the panel shows a switcher. Default none. */
  spaces?: readonly string[];
  /** A domain hint within the space, sent with each question. Default none. */
  domain?: string;
  /** The data client. Default the `DataClientProvider`'s (the controlled panel needs none). */
  client?: DataClient;
  /** The space's name in the empty state. Default its `label` (or name) when the client knows the space. */
  spaceName?: string;
  /** What the space holds, in the empty state. Default its `description` when the client knows the space. */
  spaceDescription?: string;
  /** Questions offered before the first one. Default the space's `examples` when the client knows the space. */
  exampleQuestions?: readonly string[];
  /**
   * The conversation, controlled (the seed's `messages`): the app keeps it and answers `onSendQuestion`. An object
   * instead is the panel's words, as on every component (see `Messages`). Default: the panel keeps the conversation.
   */
  messages?: readonly JennyPanelMessage[] | PartialMessages;
  /** The result shown, controlled: Jenny's answer, the API's JSON answer, or the seed's mapped result. */
  selectedResult?: JennyResult | null;
  /**
   * Answers a question, controlled; the panel shows it pending until the promise it returns settles (a rejection
   * is shown with Retry). Stop aborts `signal`.
   */
  onSendQuestion?: (question: string, options: { signal: AbortSignal }) => unknown;
  /** A past question chosen in the thread, controlled (its id, or its answer's). */
  onSelectMessage?: (messageId: string) => void;
  /** Feedback on an answer, controlled. Default through `client.feedback` (uncontrolled). */
  onFeedback?: (feedback: JennyPanelFeedback) => unknown;
  /** Numbers and dates. Default the provider's locale, else `en-US`. */
  locale?: string;
}

const NO_QUESTIONS: readonly string[] = [];
const NO_SPACES: readonly string[] = [];

const stateOf = (status: UseJennyResult['status']): JennyPanelState => (status === 'idle' ? 'empty' : status);

/** The panel is controlled when the app keeps the conversation (`messages` as a list) or answers it. */
const isControlled = (props: JennyPanelRootProps) =>
  Array.isArray(props.messages) || props.onSendQuestion !== undefined;

type Shared = Omit<
  JennyPanelContextValue,
  keyof UseJennyResult | 'canSend' | 'canRerun' | 'canFeedback' | 'definitionOf' | 'spaceLabel'
>;

/** The words, theme and space the panel shows, the same whichever way it is run. */
function useShared(props: JennyPanelRootProps): { shared: Shared; rest: Omit<ComponentProps<'div'>, 'ref'> } {
  const {
    space: spaceProp,
    defaultSpace,
    onSpaceChange,
    spaces = NO_SPACES,
    domain: _domain,
    client: _client,
    spaceName,
    spaceDescription,
    exampleQuestions,
    messages,
    selectedResult: _result,
    onSendQuestion: _send,
    onSelectMessage: _select,
    onFeedback: _feedback,
    locale: localeProp,
    ...rest
  } = props;
  const words = Array.isArray(messages) ? undefined : (messages as PartialMessages | undefined);
  const { words: catalogue, locale } = useWords({ locale: localeProp, messages: words }, ENGLISH);
  const { mode } = useResolvedTheme(undefined);
  const [chosen, setChosen] = useState<string>();
  // A space chosen in the switcher while it is still offered; else the default, or the first of `spaces` (read on
  // every render: spaces that arrive later still give the panel one).
  const space =
    spaceProp ??
    (chosen !== undefined && (spaces.length === 0 || spaces.includes(chosen)) ? chosen : (defaultSpace ?? spaces[0]));
  const composer = useRef<HTMLTextAreaElement>(null);
  const onSpace = useRef(onSpaceChange);
  onSpace.current = onSpaceChange;
  const controlledSpace = spaceProp !== undefined;
  const setSpace = useCallback(
    (next: string) => {
      if (!controlledSpace) setChosen(next);
      onSpace.current?.(next);
    },
    [controlledSpace],
  );
  const questions = exampleQuestions ?? NO_QUESTIONS;
  const shared = useMemo<Shared>(
    () => ({
      words: catalogue.jennyPanel,
      common: catalogue.common,
      provenance: catalogue.provenance,
      override: words,
      locale,
      mode,
      space,
      spaces,
      setSpace,
      spaceName,
      spaceDescription,
      exampleQuestions: questions,
      composer,
    }),
    [catalogue, words, locale, mode, space, spaces, setSpace, spaceName, spaceDescription, questions],
  );
  return { rest, shared };
}

/** The panel keeping its own conversation (`useJenny`) on the data client. */
const UncontrolledRoot = forwardRef<HTMLDivElement, JennyPanelRootProps>(function JennyPanelUncontrolled(props, ref) {
  const { rest, shared } = useShared(props);
  const client = useDataClient({ client: props.client });
  const jenny = useJenny({ space: shared.space ?? '', client, ...(props.domain ? { domain: props.domain } : {}) });
  const known = shared.space ? client.spaces.get(shared.space) : undefined;
  const value = useMemo<JennyPanelContextValue>(
    () => ({
      ...shared,
      ...jenny,
      canSend: Boolean(shared.space),
      canRerun: true,
      canFeedback: true,
      definitionOf: (name) => client.spaces.get(name),
      spaceLabel: (name) => client.spaces.get(name)?.label ?? name,
      spaceName: shared.spaceName ?? known?.label ?? known?.name,
      spaceDescription: shared.spaceDescription ?? known?.description,
      exampleQuestions: props.exampleQuestions ?? known?.examples ?? NO_QUESTIONS,
    }),
    [shared, jenny, known, client, props.exampleQuestions],
  );
  return <RootView value={value} rest={rest} forwardedRef={ref} />;
});

/** The seed's controlled panel: the app keeps the messages and the result, and answers `onSendQuestion`. */
const ControlledRoot = forwardRef<HTMLDivElement, JennyPanelRootProps>(function JennyPanelControlled(props, ref) {
  const { rest, shared } = useShared(props);
  const jenny = useControlledJenny({
    messages: Array.isArray(props.messages) ? (props.messages as readonly JennyPanelMessage[]) : undefined,
    selectedResult: props.selectedResult,
    onSendQuestion: props.onSendQuestion,
    onSelectMessage: props.onSelectMessage,
    onFeedback: props.onFeedback,
  });
  const value = useMemo<JennyPanelContextValue>(
    () => ({
      ...shared,
      ...jenny,
      canSend: props.onSendQuestion !== undefined,
      canRerun: false,
      canFeedback: props.onFeedback !== undefined,
      definitionOf: () => undefined,
      spaceLabel: (name) => name,
    }),
    [shared, jenny, props.onSendQuestion, props.onFeedback],
  );
  return <RootView value={value} rest={rest} forwardedRef={ref} />;
});

function RootView({
  value,
  rest: { className, children, ...props },
  forwardedRef,
}: {
  value: JennyPanelContextValue;
  rest: Omit<ComponentProps<'div'>, 'ref'>;
  forwardedRef: React.ForwardedRef<HTMLDivElement>;
}) {
  return (
    <JennyPanelContext.Provider value={value}>
      <div
        {...props}
        ref={forwardedRef}
        data-slot="jenny-panel"
        data-state={stateOf(value.status)}
        className={cn(
          'ip:flex ip:min-w-0 ip:flex-col ip:gap-4 ip:rounded-ip-lg ip:border ip:border-solid ip:border-ip-outline-variant ip:bg-ip-surface ip:p-4 ip:font-ip-sans ip:text-ip-on-surface',
          className,
        )}
      >
        {children}
      </div>
    </JennyPanelContext.Provider>
  );
}

/**
 * Runs the conversation and gives it to the parts inside; renders the panel's root `<div>` (a region named by the
 * panel's label) with `data-state` the conversation's status. Uncontrolled, it keeps the conversation with
 * `useJenny` on the data client; controlled (`messages` as a list, or `onSendQuestion`), the app keeps it.
 */
const Root = forwardRef<HTMLDivElement, JennyPanelRootProps>(function JennyPanelRoot(props, ref) {
  return isControlled(props) ? <ControlledRoot {...props} ref={ref} /> : <UncontrolledRoot {...props} ref={ref} />;
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
              <li key={message.id} data-slot="jenny-panel-question" className="ip:max-w-full ip:min-w-0 ip:self-end">
                <button
                  type="button"
                  data-slot="jenny-panel-question-button"
                  aria-current={selected?.replyTo === message.id ? 'true' : undefined}
                  onClick={() => select(message.id)}
                  className={cn(
                    'ip:max-w-full ip:cursor-pointer ip:rounded-ip-md ip:border-0 ip:bg-ip-primary-container ip:px-3 ip:py-2 ip:text-start ip:text-ip-sm ip:text-ip-on-primary-container ip:wrap-anywhere',
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
                className="ip:max-w-full ip:min-w-0 ip:self-start ip:rounded-ip-md ip:bg-ip-surface-variant ip:px-3 ip:py-2 ip:text-ip-sm ip:wrap-anywhere"
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
  // The answer streaming (an older one asked again, say), else the latest.
  const replies = messages.filter((m): m is JennyAssistantMessage => m.role === 'assistant');
  const latest = replies.find((m) => m.status === 'streaming') ?? replies.at(-1);
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
  const { send, stop, status, words, composer, canSend } = useJennyPanel('Composer');
  const [draft, setDraft] = useState('');
  const id = useId();
  const hintId = useId();
  const busy = status === 'loading' || status === 'streaming';
  const submit = () => {
    const question = draft.trim();
    if (!question || !canSend) return;
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
        disabled={!canSend}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        className="ip:box-border ip:w-full ip:resize-y ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-ip-surface ip:p-2 ip:font-ip-sans ip:text-ip-sm ip:text-ip-on-surface ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary"
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
          <button type="submit" data-slot="jenny-panel-send" className={PRIMARY} disabled={!canSend}>
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
        <li key={question} data-slot="jenny-panel-suggestion" className="ip:max-w-full ip:min-w-0">
          <button
            type="button"
            data-slot="jenny-panel-suggestion-button"
            onClick={() => onAsk(question)}
            className={cn(BUTTON, 'ip:max-w-full ip:text-start ip:wrap-anywhere')}
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

/** Room kept for the chart or table while its code loads, so the answer does not jump. */
function Placeholder({ height, slot }: { height: number; slot: string }) {
  return <div aria-hidden="true" data-slot={slot} style={{ minHeight: height }} />;
}

function Answer({ message, context }: { message: JennyAssistantMessage; context: JennyPanelContextValue }) {
  const { words, common, locale, regenerate, feedback, composer, mode } = context;
  const ask = useAsk(context);
  const [copy, setCopy] = useState<'copied' | 'failed'>();
  const [note, setNote] = useState<string>();
  const [dialog, setDialog] = useState<'explain' | 'feedback'>();
  // Where focus goes when a dialog closes: the composer, or the button that opened the dialog when there is no
  // composer to take it (a panel recomposed without one, or one that cannot send).
  const opener = useRef<HTMLButtonElement | null>(null);
  const openDialog = (which: 'explain' | 'feedback') => (event: MouseEvent<HTMLButtonElement>) => {
    opener.current = event.currentTarget;
    setDialog(which);
  };
  const returnFocus = useMemo<RefObject<HTMLElement | null>>(
    () => ({
      get current() {
        const input = composer.current;
        return input && !input.disabled && input.isConnected ? input : opener.current;
      },
    }),
    [composer],
  );
  const titleId = useId();
  const sqlId = useId();
  const { answer } = message;
  const title = answer.title;
  const refused = answer.kind === 'clarify' || answer.kind === 'unsupported';
  const rows = answer.rows;
  const asOf = describeFreshness(answer.asOf, locale);
  const summary = answer.summary || message.content;
  const explainable = Boolean(answer.reasoning || answer.interpretation?.kind === 'query');
  // When the data was last loaded (data_lab_job_runs), said only of a load that succeeded.
  const loadedAt =
    answer.freshness?.updatedAt && (answer.freshness.status ?? 'success') === 'success'
      ? answer.freshness.updatedAt
      : undefined;
  const provided = useProvided();

  if (message.status === 'error') {
    return (
      <div role="alert" data-slot="jenny-panel-error" className="ip:flex ip:flex-col ip:items-start ip:gap-2">
        <p data-slot="jenny-panel-error-message" className="ip:m-0 ip:break-words ip:text-ip-error">
          {/* The library's errors say what went wrong without secrets; anything else (an app's own) is not shown. */}
          {message.error instanceof InsightPulseError ? common.dataError(message.error) : words.failed}
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
  const rate = (rating: 'up' | 'down', comment?: string) => {
    setNote(undefined);
    return feedback(message.id, rating, comment).then(
      () => setNote(words.thanks),
      (error: unknown) => {
        setNote(words.feedbackFailed);
        throw error;
      },
    );
  };
  const closeDialog = (open: boolean) => {
    if (!open) setDialog(undefined);
  };

  return (
    <div data-slot="jenny-panel-answer" className="ip:flex ip:min-w-0 ip:flex-col ip:gap-3">
      {title && (
        <h3
          id={titleId}
          data-slot="jenny-panel-title"
          className="ip:m-0 ip:text-ip-lg ip:font-ip-semibold ip:wrap-anywhere"
        >
          {title}
        </h3>
      )}
      {message.reading && (
        <p data-slot="jenny-panel-edited" className={cn(MUTED, 'ip:text-ip-xs')}>
          {words.edited}
        </p>
      )}
      {summary &&
        (refused ? (
          <p data-slot="jenny-panel-message" className="ip:m-0 ip:whitespace-pre-wrap ip:break-words">
            {summary}
          </p>
        ) : (
          <Summary data-slot="jenny-panel-summary" text={summary} newTabLabel={words.newTab} />
        ))}
      {refused && answer.suggestions?.length ? (
        <div data-slot="jenny-panel-alternatives" className="ip:flex ip:flex-col ip:gap-2">
          <p data-slot="jenny-panel-alternatives-label" className={MUTED}>
            {words.tryInstead}
          </p>
          <QuestionList questions={answer.suggestions} slot="jenny-panel-alternatives-list" onAsk={ask} />
        </div>
      ) : null}
      {!refused && rows.length > 0 && (
        <>
          <Suspense fallback={<Placeholder height={320} slot="jenny-panel-chart-loading" />}>
            <AnswerChart
              answer={answer}
              title={title || words.label}
              locale={locale}
              provided={provided}
              messages={context.override}
            />
          </Suspense>
          <Suspense fallback={<Placeholder height={240} slot="jenny-panel-table-loading" />}>
            <AnswerTable
              answer={answer}
              label={words.table(title || words.label)}
              locale={locale}
              provided={provided}
              messages={context.override}
            />
          </Suspense>
          <ProvenanceFooter
            provenance={{
              rowCount: rows.length,
              ...(answer.truncated ? { truncated: true } : {}),
              ...(loadedAt ? { freshness: loadedAt } : {}),
            }}
            rows={rows.length}
            locale={locale}
            messages={context.provenance}
            slot="jenny-panel-footer"
          />
        </>
      )}
      {answer.generatedSql && (
        <div data-slot="jenny-panel-sql" className="ip:flex ip:min-w-0 ip:flex-col ip:gap-2">
          <div data-slot="jenny-panel-sql-header" className="ip:flex ip:items-center ip:justify-between ip:gap-2">
            <h4 id={sqlId} data-slot="jenny-panel-sql-title" className="ip:m-0 ip:text-ip-sm ip:font-ip-semibold">
              {words.sql}
            </h4>
            <button type="button" data-slot="jenny-panel-copy" onClick={copySQL} className={BUTTON}>
              {words.copy}
            </button>
          </div>
          {/* The statement scrolls in a focusable section named by the heading, so the keyboard can scroll it. */}
          <section
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
            tabIndex={0}
            aria-labelledby={sqlId}
            data-slot="jenny-panel-sql-scroll"
            className="ip:max-h-60 ip:overflow-auto ip:rounded-ip-md ip:bg-ip-surface-variant ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary"
          >
            <pre data-slot="jenny-panel-sql-code" className="ip:m-0 ip:p-3 ip:font-ip-mono ip:text-ip-sm">
              <code data-slot="jenny-panel-sql-text">{answer.generatedSql}</code>
            </pre>
          </section>
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
        <div data-slot="jenny-panel-feedback" className="ip:flex ip:flex-wrap ip:items-center ip:gap-2">
          {explainable && (
            <button
              type="button"
              data-slot="jenny-panel-explain"
              aria-haspopup="dialog"
              onClick={openDialog('explain')}
              className={BUTTON}
            >
              {words.explain}
            </button>
          )}
          <button
            type="button"
            data-slot="jenny-panel-regenerate"
            onClick={() => void regenerate(message.id)}
            className={BUTTON}
          >
            {words.regenerate}
          </button>
          {context.canFeedback && (
            <>
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
                  onClick={() => void rate(rating).catch(() => undefined)}
                  className={BUTTON}
                >
                  <span aria-hidden="true" data-slot="jenny-panel-icon">
                    {icon}
                  </span>
                </button>
              ))}
              <button
                type="button"
                data-slot="jenny-panel-comment"
                aria-haspopup="dialog"
                onClick={openDialog('feedback')}
                className={BUTTON}
              >
                {words.comment}
              </button>
            </>
          )}
          <p aria-live="polite" data-slot="jenny-panel-feedback-result" className={cn(MUTED, 'ip:text-ip-xs')}>
            {note ?? ''}
          </p>
        </div>
      )}
      <Suspense fallback={null}>
        {dialog === 'explain' && (
          <ExplainDialog
            answer={answer}
            definitionOf={context.definitionOf}
            words={words}
            mode={mode}
            onOpenChange={closeDialog}
            returnFocus={returnFocus}
            {...(context.canRerun ? { onRerun: (reading) => void context.rerun(message.id, reading) } : {})}
          />
        )}
        {dialog === 'feedback' && (
          <FeedbackDialog
            words={words}
            mode={mode}
            rating={message.feedback}
            onOpenChange={closeDialog}
            returnFocus={returnFocus}
            onSend={(rating, comment) => rate(rating, comment || undefined)}
          />
        )}
      </Suspense>
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

export type JennyPanelSpacesProps = Omit<ComponentProps<'div'>, 'ref' | 'children'>;

/** A labelled switcher between the panel's `spaces` (nothing when there are fewer than two). */
const Spaces = forwardRef<HTMLDivElement, JennyPanelSpacesProps>(function JennyPanelSpaces(
  { className, ...props },
  ref,
) {
  const { spaces, space, setSpace, spaceLabel, words } = useJennyPanel('Spaces');
  const id = useId();
  if (spaces.length < 2) return null;
  return (
    <div
      {...props}
      ref={ref}
      data-slot="jenny-panel-spaces"
      className={cn('ip:flex ip:items-center ip:gap-2', className)}
    >
      <label htmlFor={id} data-slot="jenny-panel-spaces-label" className="ip:text-ip-sm ip:font-ip-semibold">
        {words.space}
      </label>
      <select
        id={id}
        data-slot="jenny-panel-spaces-select"
        value={space ?? ''}
        onChange={(event) => setSpace(event.target.value)}
        className="ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-ip-surface ip:px-2 ip:py-1 ip:font-ip-sans ip:text-ip-sm ip:text-ip-on-surface ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary"
      >
        {spaces.map((name) => (
          <option key={name} value={name}>
            {spaceLabel(name)}
          </option>
        ))}
      </select>
    </div>
  );
});

export type JennyPanelProps = JennyPanelRootProps;

/**
 * Jenny, the conversational analyst: ask a question about a space's data and get a title, a summary, a chart, the
 * table, the SQL and follow-up questions, streamed as they arrive. Built from `JennyPanel.Root`, `.Spaces`,
 * `.Suggestions`, `.Thread`, `.Result`, `.Status` and `.Composer`; recompose them for another layout. Its ref is the
 * root `<div>`. Uncontrolled (`space`, inside a `DataClientProvider`) it keeps the conversation itself; controlled
 * as the seed's page writes it (`messages`, `selectedResult`, `onSendQuestion`) the app does.
 */
const JennyPanelBase = forwardRef<HTMLDivElement, JennyPanelProps>(function JennyPanel(props, ref) {
  return (
    <Root {...props} ref={ref}>
      <Spaces />
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
  Spaces: Part<JennyPanelSpacesProps, HTMLDivElement>;
} = Object.assign(JennyPanelBase, { Root, Thread, Status, Composer, Result, Suggestions, Spaces });
