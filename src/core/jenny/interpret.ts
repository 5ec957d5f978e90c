import type { SemanticSpace } from '../semantic/define';
import type { SemanticFilter, SemanticQuery, TimeGrain } from '../semantic/types';
import { buildLexicon, type Concept, type Lexicon, type Word, withinEdits, wordsOf } from './lexicon';
import { findPeriod, type PeriodMatch } from './periods';
import type { DimensionValues, Interpretation, QueryInterpretation, ReadingStep } from './types';

/*
 * Jenny's question interpreter: a small grammar over a lexicon of what the spaces hold, no model. It reads a
 * question into a SemanticQuery only when it can place every word that carries meaning; anything it cannot place,
 * a request to change data, or SQL typed into the question is refused or answered with a question back. A
 * plausible but wrong answer costs more than "I can't answer that".
 */

export interface QuestionInterpreterOptions {
  spaces: readonly SemanticSpace[];
  /** Each dimension's distinct values, by space and dimension (see `loadDimensionValues`). Default none. */
  values?: DimensionValues;
  /** The ISO day relative periods count from ("last 30 days"). Default the calendar day (UTC). */
  today?: string;
}

export interface InterpretOptions {
  /** Read the question in this space only. Default: the space whose metrics the question names. */
  space?: string;
}

export interface QuestionInterpreter {
  interpret(question: string, options?: InterpretOptions): Interpretation;
}

/** Longer questions are cut here before reading: nothing an analyst asks is longer. */
const MAX_QUESTION = 500;

/** Asking for a change to data: a command at the start, or SQL's own verbs anywhere. */
const WRITE_COMMAND =
  /^(?:(?:please|pls|kindly|can you|could you|would you|i want to|i need to|let's|lets|go ahead and)\s+)*(?:delete|remove|drop|truncate|insert|update|alter|create|add|set|change|modify|replace|grant|revoke|merge|upsert|reset|erase|wipe|edit|overwrite|rename|restore|import|upload|write|save|move|cancel|approve|reject)\b/i;
const WRITE_ANYWHERE =
  /\b(?:delete\s+from|insert\s+into|drop\s+(?:table|schema|database|view|role)|truncate\s+table|update\s+\S+\s+set|alter\s+(?:table|role)|grant\s+\w+\s+on|create\s+(?:table|role|user|view))\b/i;
/** SQL or instructions typed into the question. */
const INJECTION =
  /;|--|\/\*|\*\/|\bselect\b[\s\S]*\bfrom\b|\bunion\s+(?:all\s+)?select\b|\binformation_schema\b|\bpg_\w+|\b(?:ignore|disregard|forget)\s+(?:all\s+|the\s+|your\s+|any\s+)?(?:previous|prior|above|earlier)?\s*(?:instructions|rules|prompts?)\b|\bsystem\s+prompt\b|\bpassword|\bcredential|\bapi\s*key|\bsecret\b|\bjailbreak\b/i;

/** Words that carry no meaning of their own in an analytics question. */
const FILLER = new Set(
  `a an the of in on at for to from with and or nor what whats which who how much many is are was were be been being
  do does did done show shows showing me us we our ours my i you your please pls can could would will should give get
  list tell see display find pull report provide let lets want need like know about across over under within during
  this that these those it its there their them they have has had per each every all overall total totals sum value
  values number figure figures data breakdown broken down split grouped group as by compare compared comparing
  comparison against vs versus chart graph table view look check kindly hi so just also then than up same whole
  our company business across into where when been versus look looks looking status how's hows whats what's did
  make made performing performance perform trend trends trending over time moved move movement changed change changes
  evolution history historical timeline doing look current currently right now latest recent`.split(/\s+/),
);
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  fifty: 50,
  hundred: 100,
};

/** Ranking words and the order they ask for; `best`/`worst` turn around for a metric where down is good. */
const RANKING: Readonly<Record<string, { direction: 'asc' | 'desc'; judges?: boolean }>> = {
  top: { direction: 'desc' },
  highest: { direction: 'desc' },
  most: { direction: 'desc' },
  largest: { direction: 'desc' },
  biggest: { direction: 'desc' },
  greatest: { direction: 'desc' },
  max: { direction: 'desc' },
  maximum: { direction: 'desc' },
  leading: { direction: 'desc' },
  best: { direction: 'desc', judges: true },
  strongest: { direction: 'desc', judges: true },
  bottom: { direction: 'asc' },
  lowest: { direction: 'asc' },
  least: { direction: 'asc' },
  smallest: { direction: 'asc' },
  fewest: { direction: 'asc' },
  min: { direction: 'asc' },
  minimum: { direction: 'asc' },
  worst: { direction: 'asc', judges: true },
  weakest: { direction: 'asc', judges: true },
  poorest: { direction: 'asc', judges: true },
};

/** Grain words, as stems. */
const GRAINS: Readonly<Record<string, TimeGrain>> = {
  day: 'day',
  daily: 'day',
  dod: 'day',
  date: 'day',
  week: 'week',
  weekly: 'week',
  wow: 'week',
  month: 'month',
  monthly: 'month',
  mom: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  qoq: 'quarter',
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  yoy: 'year',
};

/** Words that ask for a trend: a time axis at the natural grain. */
const TREND = new Set([
  'trend',
  'trending',
  'trended',
  'over time',
  'moved',
  'movement',
  'evolution',
  'history',
  'timeline',
]);

const NEGATION = new Set(['excluding', 'exclude', 'excludes', 'except', 'not', 'without', 'minus', 'ex']);

/** What one stretch of the question was read as. */
type Piece =
  | { kind: 'concept'; words: Word[]; concepts: readonly Concept[]; fuzzy?: string }
  | { kind: 'number'; words: Word[]; value: number }
  | { kind: 'ranking'; words: Word[]; direction: 'asc' | 'desc'; judges: boolean }
  | { kind: 'grain'; words: Word[]; grain: TimeGrain }
  | { kind: 'trend'; words: Word[] }
  | { kind: 'negation'; words: Word[] }
  | { kind: 'only'; words: Word[] }
  | { kind: 'filler'; words: Word[] }
  | { kind: 'unknown'; words: Word[] };

const text = (words: readonly Word[]) => words.map((word) => word.text).join(' ');

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Splits the words into pieces: the longest lexicon phrase first, then grammar words, then a near spelling. */
function read(words: readonly Word[], lexicon: Lexicon, inSpace: (concept: Concept) => boolean): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < words.length; ) {
    let matched: Piece | undefined;
    for (let length = Math.min(lexicon.longest, words.length - i); length >= 1 && !matched; length--) {
      const slice = words.slice(i, i + length);
      const concepts = lexicon.phrases.get(slice.map((word) => word.stem).join(' '))?.filter(inSpace);
      if (concepts?.length) matched = { kind: 'concept', words: slice, concepts };
    }
    const word = words[i] as Word;
    const next = words[i + 1];
    if (!matched && next && `${word.plain} ${next.plain}` === 'over time') {
      matched = { kind: 'trend', words: [word, next] };
    } else if (!matched && next && ['other than', 'apart from', 'outside of'].includes(`${word.plain} ${next.plain}`)) {
      matched = { kind: 'negation', words: [word, next] };
    } else if (!matched) {
      matched = grammar(word) ?? nearSpelling(word, lexicon, inSpace);
    }
    pieces.push(matched);
    i += matched.words.length;
  }
  return pieces;
}

function grammar(word: Word): Piece | undefined {
  const words = [word];
  if (/^\d{1,4}$/.test(word.plain)) return { kind: 'number', words, value: Number(word.plain) };
  if (Object.hasOwn(NUMBER_WORDS, word.plain))
    return { kind: 'number', words, value: NUMBER_WORDS[word.plain] as number };
  const ranking = Object.hasOwn(RANKING, word.plain) ? RANKING[word.plain] : undefined;
  if (ranking) return { kind: 'ranking', words, direction: ranking.direction, judges: ranking.judges === true };
  if (Object.hasOwn(GRAINS, word.stem)) return { kind: 'grain', words, grain: GRAINS[word.stem] as TimeGrain };
  if (TREND.has(word.plain)) return { kind: 'trend', words };
  if (NEGATION.has(word.plain)) return { kind: 'negation', words };
  if (word.plain === 'only' || word.plain === 'just') return { kind: 'only', words };
  if (FILLER.has(word.plain) || FILLER.has(word.stem)) return { kind: 'filler', words };
  return undefined;
}

/** A word of five or more letters within two edits of exactly one lexicon word (one edit below seven letters). */
function nearSpelling(word: Word, lexicon: Lexicon, inSpace: (concept: Concept) => boolean): Piece {
  const words = [word];
  if (word.plain.length < 5 || /\d/.test(word.plain)) return { kind: 'unknown', words };
  const max = word.stem.length < 7 ? 1 : 2;
  const near = lexicon.fuzzy.filter((key) => withinEdits(word.stem, key, max));
  const concepts = near.flatMap((key) => lexicon.phrases.get(key) ?? []).filter(inSpace);
  if (near.length !== 1 || concepts.length === 0) return { kind: 'unknown', words };
  return { kind: 'concept', words, concepts, fuzzy: near[0] };
}

/** The spaces that hold something of every concept piece, in the order the interpreter was given them. */
function spacesHolding(pieces: readonly Piece[], spaces: readonly SemanticSpace[]): SemanticSpace[] {
  const concepts = pieces.filter((piece) => piece.kind === 'concept');
  return spaces.filter((space) => concepts.every((piece) => piece.concepts.some((c) => c.space === space.name)));
}

/** Whether two spaces read the question alike: every piece names the same metric or dimension in both. */
function sameReading(pieces: readonly Piece[], a: SemanticSpace, b: SemanticSpace): boolean {
  return pieces.every((piece) => {
    if (piece.kind !== 'concept') return true;
    const name = (space: string) => {
      const concept = piece.concepts.find((c) => c.space === space);
      return concept?.kind === 'value'
        ? `${concept.dimension}=${String(concept.value)}`
        : `${concept?.kind}:${concept?.name}`;
    };
    return name(a.name) === name(b.name);
  });
}

function suggestionsFor(spaces: readonly SemanticSpace[]): string[] {
  return spaces.flatMap((space) => (space.examples ?? []).slice(0, 1)).slice(0, 4);
}

function describeMetric(space: SemanticSpace, name: string): string {
  const metric = space.metrics.find((m) => m.name === name);
  return `${metric?.label ?? name} (${metric?.sql ?? name})`;
}

/** Days from one ISO day to another, inclusive. */
function daysIn(range: { from: string; to: string }): number {
  return (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
}

/**
 * An interpreter over the spaces. `interpret` reads one English question: a query on one space (with how each
 * part was read), a question back when it is ambiguous or partly understood, or a refusal when it is out of
 * scope. The question text never becomes SQL: the query goes to `compileQuery`, which writes SQL with parameters.
 */
export function createQuestionInterpreter(options: QuestionInterpreterOptions): QuestionInterpreter {
  const { spaces } = options;
  const lexicon = buildLexicon(spaces, options.values);
  const examples = suggestionsFor(spaces);

  const refuse = (message: string, suggestions = examples): Interpretation => ({
    kind: 'unsupported',
    message,
    suggestions,
  });
  const clarify = (message: string, suggestions = examples): Interpretation => ({
    kind: 'clarify',
    message,
    suggestions,
  });

  function interpret(question: string, interpretOptions: InterpretOptions = {}): Interpretation {
    if (typeof question !== 'string') return refuse('A question is text.');
    const asked = question.slice(0, MAX_QUESTION).replace(/\s+/g, ' ').trim();
    if (!asked) return clarify('Ask a question about the data, for example one of these.');
    if (WRITE_COMMAND.test(asked) || WRITE_ANYWHERE.test(asked)) {
      return refuse('I only read data: I cannot change, add or delete anything.');
    }
    if (INJECTION.test(asked)) {
      return refuse(
        'I answer questions about the data in plain words; I do not run SQL or follow instructions in a question.',
      );
    }
    const only = interpretOptions.space;
    const candidates = only ? spaces.filter((space) => space.name === only) : spaces;
    if (candidates.length === 0) return refuse(`There is no space named "${only}".`);
    const inSpace = (concept: Concept) => candidates.some((space) => space.name === concept.space);

    const period = findPeriod(asked, options.today ?? today());
    const rest = period ? `${asked.slice(0, period.start)} ${asked.slice(period.end)}` : asked;
    const pieces = read(wordsOf(rest), lexicon, inSpace);

    const unknown = pieces.filter((piece) => piece.kind === 'unknown');
    if (unknown.length > 0) {
      const words = unknown.map((piece) => `"${text(piece.words)}"`).join(', ');
      return clarify(
        `I don't know ${words} here. I can answer about ${candidates.map((s) => (s.label ?? s.name).toLowerCase()).join(', ')}.`,
        suggestionsFor(candidates),
      );
    }
    const holding = spacesHolding(pieces, candidates);
    if (!pieces.some((piece) => piece.kind === 'concept')) {
      return clarify('Which measure do you want to see? Name one, for example revenue, expenses or clicks.');
    }
    if (holding.length === 0) {
      return clarify(
        'Those measures and dimensions are not in one space: ask about one space at a time.',
        suggestionsFor(candidates),
      );
    }
    const [space, ...others] = holding as [SemanticSpace, ...SemanticSpace[]];
    const rival = others.find((other) => !sameReading(pieces, space, other));
    if (rival) {
      return clarify(
        `Do you mean ${space.label ?? space.name} or ${rival.label ?? rival.name}? Both have what you asked for.`,
        [...(space.examples ?? []).slice(0, 2), ...(rival.examples ?? []).slice(0, 2)],
      );
    }
    return build(space, pieces, period);
  }

  function build(space: SemanticSpace, pieces: readonly Piece[], period: PeriodMatch | undefined): Interpretation {
    const steps: ReadingStep[] = [];
    const conceptIn = (piece: Piece) =>
      piece.kind === 'concept' ? piece.concepts.find((c) => c.space === space.name) : undefined;

    const metrics: string[] = [];
    const dimensions: string[] = [];
    const positive = new Map<string, (string | boolean)[]>();
    const negative = new Map<string, (string | boolean)[]>();
    let grain: TimeGrain | undefined;
    let trend = false;
    let ranking: { direction: 'asc' | 'desc'; judges: boolean; words: Word[] } | undefined;
    let limit: number | undefined;
    let rankedBy: string | undefined;
    let negating = false;
    let plural = true;

    pieces.forEach((piece, i) => {
      const concept = conceptIn(piece);
      const previous = pieces[i - 1];
      const nextPiece = pieces[i + 1];
      // A negation covers the values that follow it, joined by and/or: "excluding NCR and Visayas".
      const joins = piece.kind === 'filler' && /^(and|or|nor|the)$/.test(piece.words[0]?.plain ?? '');
      if (piece.kind !== 'negation' && concept?.kind !== 'value' && !joins) negating = false;
      switch (piece.kind) {
        case 'negation':
          negating = true;
          return;
        case 'number': {
          const after = nextPiece?.kind;
          if (previous?.kind === 'ranking' || after === 'ranking' || after === 'concept' || after === 'grain') {
            limit = piece.value;
            steps.push({ words: text(piece.words), meaning: `${piece.value} rows` });
          }
          return;
        }
        case 'ranking':
          ranking = { direction: piece.direction, judges: piece.judges, words: piece.words };
          return;
        case 'grain':
          grain = piece.grain;
          plural = piece.words[0]?.plain !== piece.words[0]?.stem;
          steps.push({ words: text(piece.words), meaning: `by ${piece.grain}` });
          return;
        case 'trend':
          trend = true;
          return;
        default:
          break;
      }
      if (!concept) return;
      const words = text(piece.words);
      const typo = piece.kind === 'concept' && piece.fuzzy ? ` (read as "${piece.fuzzy}")` : '';
      if (concept.kind === 'metric') {
        if (!metrics.includes(concept.name)) metrics.push(concept.name);
        if (previous?.kind === 'filler' && previous.words[0]?.plain === 'by' && ranking) rankedBy = concept.name;
        steps.push({ words, meaning: `${describeMetric(space, concept.name)}${typo}` });
      } else if (concept.kind === 'dimension') {
        // "the North region": the dimension's own name beside one of its values qualifies the value.
        const beside = [previous, nextPiece, pieces[i - 2]].map((p) => (p ? conceptIn(p) : undefined));
        if (beside.some((c) => c?.kind === 'value' && c.dimension === concept.name)) return;
        if (!dimensions.includes(concept.name)) dimensions.push(concept.name);
        plural = piece.words.at(-1)?.plain !== piece.words.at(-1)?.stem;
        steps.push({ words, meaning: `by ${concept.label}${typo}` });
      } else {
        const into = negating ? negative : positive;
        const list = into.get(concept.dimension) ?? [];
        if (!list.includes(concept.value)) list.push(concept.value);
        into.set(concept.dimension, list);
        steps.push({
          words,
          meaning: `${negating ? 'excluding' : 'only'} ${space.dimensions.find((d) => d.name === concept.dimension)?.label ?? concept.dimension} ${String(concept.value)}${typo}`,
        });
      }
    });

    if (metrics.length === 0) {
      if (!ranking || dimensions.length === 0) {
        return clarify(
          `Which measure of ${space.label ?? space.name} do you want: ${space.metrics.map((m) => (m.label ?? m.name).toLowerCase()).join(', ')}?`,
          (space.examples ?? []).slice(0, 3),
        );
      }
      const first = space.metrics[0];
      if (!first) return clarify('That space has no measures.');
      metrics.push(first.name);
      steps.push({
        words: text(ranking.words),
        meaning: `ranked by ${describeMetric(space, first.name)}, the space's first measure`,
      });
    }

    const grains = space.timeDimension?.grains ?? [];
    if (trend && !grain) grain = period && daysIn(period.range) <= 31 ? 'day' : 'month';
    if (grain && !space.timeDimension) {
      return clarify(`${space.label ?? space.name} has no dates to group by.`, (space.examples ?? []).slice(0, 3));
    }
    if (grain && grains.length > 0 && !grains.includes(grain)) {
      return clarify(
        `${space.label ?? space.name} is kept by ${grains.join(', ')}, not by ${grain}.`,
        (space.examples ?? []).slice(0, 3),
      );
    }
    if (period && !space.timeDimension) {
      return clarify(`${space.label ?? space.name} has no dates to filter by.`, (space.examples ?? []).slice(0, 3));
    }

    const filters: SemanticFilter[] = [];
    for (const [dimension, values] of positive) {
      filters.push(
        values.length === 1 ? { dimension, op: 'eq', value: values[0] } : { dimension, op: 'in', value: values },
      );
    }
    for (const [dimension, values] of negative) {
      filters.push(
        values.length === 1 ? { dimension, op: 'neq', value: values[0] } : { dimension, op: 'not_in', value: values },
      );
    }

    const query: { -readonly [K in keyof SemanticQuery]: SemanticQuery[K] } = { metrics };
    if (dimensions.length) query.dimensions = dimensions;
    if (grain) query.timeGrain = grain;
    if (filters.length) query.filters = filters;
    if (period) {
      query.dateRange = period.range;
      steps.push({ words: period.words, meaning: period.meaning });
    }
    if (ranking) {
      const by = rankedBy ?? (metrics[0] as string);
      const metric = space.metrics.find((m) => m.name === by);
      const direction =
        ranking.judges && metric?.downIsGood ? (ranking.direction === 'asc' ? 'desc' : 'asc') : ranking.direction;
      query.sort = [{ by, direction }];
      if (limit === undefined && !plural && (dimensions.length > 0 || grain)) limit = 1;
      steps.push({
        words: text(ranking.words),
        meaning: `sorted by ${metric?.label ?? by}, ${direction === 'desc' ? 'highest' : 'lowest'} first${limit ? `, ${limit} ${limit === 1 ? 'row' : 'rows'}` : ''}`,
      });
    }
    if (limit !== undefined && ranking) query.limit = limit;

    const placed = pieces.filter((piece) => piece.kind !== 'filler').length;
    const typos = pieces.filter((piece) => piece.kind === 'concept' && piece.fuzzy).length;
    const interpretation: QueryInterpretation = {
      kind: 'query',
      space: space.name,
      query,
      confidence: placed === 0 ? 0 : Math.max(0.5, 1 - typos * 0.1),
      explanation: steps,
    };
    return interpretation;
  }

  return { interpret };
}
