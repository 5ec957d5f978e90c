import type { AskTurn } from '../client/types';
import { metricTotal } from '../semantic/compile';
import { grainsOf, type SemanticSpace } from '../semantic/define';
import type { MetricDefinition, SemanticFilter, SemanticQuery, TimeGrain } from '../semantic/types';
import { buildLexicon, type Concept, type Lexicon, type Word, withinEdits, wordsOf } from './lexicon';
import { findPeriod, type PeriodMatch } from './periods';
import { calendarDay, daysIn } from './spans';
import type { DimensionValues, Interpretation, QueryInterpretation, ReadingStep } from './types';

/*
 * Jenny's question interpreter: a small grammar over a lexicon of what the spaces hold, no model. It reads a
 * question into a SemanticQuery only when it can place every word that carries meaning; anything it cannot place,
 * a request to change data, or SQL typed into the question is refused or answered with a question back. A
 * plausible but wrong answer costs more than "I can't answer that".
 *
 * Three readings go beyond one query:
 * - Follow-ups. With `history`, the earlier user turns are read again in order (an assistant turn carries no
 *   query) to find the query the conversation is on. A question that opens like a follow-up ("and", "what
 *   about", "how about", "only", "just", "now", "same for", "but", "instead") or names no measure changes that
 *   query: a measure replaces its measures ("what about orders?"; after "and", "also", "plus" or with "too" or
 *   "as well" it is added: "and units?"); a dimension is added ("and by region?"), or replaces them with
 *   "instead", a ranking ("top 5 stores") or a measure ("what about orders by brand?"); a grain, a period or a
 *   ranking replaces the old one; a value replaces the filter on its dimension ("just Visayas", "excluding
 *   TikTok"; with "also", "plus" or "too" it is added to it); "as a table" asks for a table; "and the target?"
 *   sets the measure beside its target. The space stays the earlier query's; a follow-up naming a measure of
 *   another space is read fresh. A follow-up with nothing to follow, or with a change the space cannot place,
 *   is answered with a question.
 * - Targets. "revenue vs target", "sales against plan", "how are we tracking against the orders goal": the
 *   measure, and beside it (`compare`) the metric that declares itself its target (`targetOf`), over the same
 *   period, grain (month unless named), filters and dimensions, all of which the target's space must hold.
 * - Drivers. "what drove the change in revenue", "why did orders drop last month": `analysis: 'drivers'` on one
 *   measure that adds up (a sum), the period named (this month if none) against the one before. A figure the
 *   question claims ("the 15% increase") is the asker's, never a filter.
 * A period set against another ("revenue vs last year") is not the period asked about: it is asked back, except
 * in a question about drivers, where "vs last month" is what the change is measured from (this month's).
 */

export interface QuestionInterpreterOptions {
  spaces: readonly SemanticSpace[];
  /** Each dimension's distinct values, by space and dimension (see `loadDimensionValues`). Default none. */
  values?: DimensionValues;
  /** The ISO day relative periods count from ("last 30 days"). Default the calendar day (UTC). */
  today?: string;
  /**
   * The locale numbers in the explanation are written in ("1,000 rows"). Default `'en-US'`. Questions are read in
   * English (with Taglish function words) whatever it says; dates in the explanation stay ISO days.
   */
  locale?: string;
}

export interface InterpretOptions {
  /** Read the question in this space only. Default: the space whose metrics the question names. */
  space?: string;
  /**
   * The conversation so far, oldest first: a follow-up ("and by region?") applies to the query the earlier user
   * turns arrived at (the latest 20 are read). Default none: every question stands alone.
   */
  history?: readonly AskTurn[];
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
  values number figure figures data breakdown break broken down split grouped group as by compare compared comparing
  comparison against vs versus chart graph table view look looks looking check kindly hi so just also then than up
  same thing whole company business into where when status hows make made performing performance perform time move
  changed change changes historical doing current currently right now latest recent got gotten take took taken books
  book percent percentage share ratio proportion divided actual actuals po naman lang nga ba yung ung thanks thank generated brought
  bring kada bawat ng sa na ang mga natin namin ko mo pa ano anong magkano ilan ilang pakita ipakita paki pakibigay
  bigay para noong nung ngayon ngayong lahat din rin`.split(/\s+/),
);
/** Shorthand people type, written out before reading: "avg" is "average", "%" is "percent". */
const SHORTHAND: readonly [RegExp, string][] = [
  [/\bav(?:e|g)\b\.?/gi, 'average'],
  [/\bthru\b/gi, 'through'],
  [/\bon-?time\b/gi, 'on time'],
  [/\bqty\b/gi, 'quantity'],
  [/\bamt\b/gi, 'amount'],
  [/\b(?:no\.|num|#)\s*of\b/gi, 'number of'],
  [/%/g, ' percent '],
];

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
  // Fastest and slowest judge too: the fastest close is the fewest days.
  fastest: { direction: 'desc', judges: true },
  slowest: { direction: 'asc', judges: true },
  ranked: { direction: 'desc' },
  rank: { direction: 'desc' },
  ranking: { direction: 'desc' },
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

const NEGATION = new Set(['excluding', 'exclude', 'excludes', 'except', 'not', 'non', 'without', 'minus']);

/** The most earlier user turns a follow-up is read against (the latest). */
const MAX_TURNS = 20;

/**
 * What a follow-up opens with ("and by region?", "ok, what about last year?"). "only", "just" and "now" open whole
 * questions too ("only NCR revenue"): they make a follow-up only when there is an earlier question.
 */
const LEAD =
  /^(?:(?:ok(?:ay)?|alright|great|thanks|cool|so|then|and|also|plus|what about|how about|what if|same(?:\s+(?:for|with|but|again))?|instead|but|only|just|now)\b[\s,.!?]*)+/i;
const STRONG_LEAD = /\b(?:then|and|also|plus|about|if|same|instead|but)\b/i;
const WEAK_LEAD = /\b(?:only|just|now)\b/i;
/** "as a table", "in table form", "tabular". */
const AS_TABLE =
  /\b(?:(?:as|in(?:to)?)\s+(?:a\s+)?(?:table|tabular\s+form)|(?:table|tabular)\s+(?:form|format|view)|tabular(?:ly)?)\b/gi;

/** Words that name a target ("vs target", "against plan"), as stems. */
const TARGET_WORDS = new Set(['target', 'plan', 'planned', 'goal', 'quota']);
/** Words that set a measure against its target when the target follows ("vs the revenue target", "hit plan"). */
const AGAINST = new Set(
  'vs versus against compared comparing compare relative toward towards hit hitting meet meeting met beat beating reach reached reaching miss missed missing exceed exceeded exceeding above below'.split(
    ' ',
  ),
);
/** Words that do so when the target comes first ("target vs actual"). */
const AFTER_TARGET = new Set(['vs', 'versus', 'against', 'compared']);
/** Words that do so wherever they stand ("how are we tracking against…", "actual vs…"). */
const PROGRESS = new Set(['actual', 'actuals', 'tracking', 'track', 'pacing', 'progress', 'attainment']);
/** Words that may stand between a comparing word and the target ("against the revenue target"). */
const BEFORE_TARGET = new Set(['the', 'our', 'my', 'its', 'their', 'a', 'an', 'to', 'with', 'or', 'set', 'agreed']);

/** Words that ask what drove something, whether or not a change is named ("what drove revenue"). */
const DRIVER_WORDS = new Set(
  'drove drive drives driving driver drivers driven contribute contributes contributed contributing contributor contributors contribution'.split(
    ' ',
  ),
);
/** Of those, the verbs: beside a ranking and no change ("which store drove the most revenue") they rank. */
const DRIVER_VERBS = new Set(
  'drove drive drives driving driven contribute contributes contributed contributing'.split(' '),
);
/** Words that ask why, which ask for drivers only of a change ("why did orders drop"). */
const WHY_WORDS = new Set(
  'why behind cause caused causes causing explain explains explaining explanation reason reasons'.split(' '),
);
/** A change ("increase", "drop", "went up"), as stems, and words that only colour it ("the big drop"). */
const CHANGE_WORDS = new Set(
  `change changed changing increase increased increasing decrease decreased decreasing rise rose risen rising drop
  dropped dropping fall fell fallen falling jump jumped spike spiked dip dipped decline declined declining growth grow
  grew grown growing surge surged slump slumped plunge plunged gain gained swing shift shifted up down higher lower
  improvement improved worsened uptick downturn difference movement moved move more less fewer`.split(/\s+/),
);
const CHANGE_COLOUR = new Set(
  'go went gone goes going come came big huge sharp sudden steep large small slight significant so such key main primary'.split(
    ' ',
  ),
);
/** Words that say what a number counts, in a figure the question claims ("15 percent", "2 million"). */
const CLAIM_UNITS = new Set(
  'percent pct point points pp million thousand billion k m mn b bn php peso pesos'.split(' '),
);

/** Grammar words a typo may be read as: grains and rankings of five or more letters. */
const GRAMMAR_WORDS = [...Object.keys(GRAINS), ...Object.keys(RANKING)].filter((word) => word.length >= 5);

/** What one stretch of the question was read as. */
type Piece =
  | { kind: 'concept'; words: Word[]; concepts: readonly Concept[]; fuzzy?: string }
  | { kind: 'number'; words: Word[]; value: number }
  | { kind: 'ranking'; words: Word[]; direction: 'asc' | 'desc'; judges: boolean }
  | { kind: 'grain'; words: Word[]; grain: TimeGrain }
  | { kind: 'trend'; words: Word[] }
  | { kind: 'negation'; words: Word[] }
  | { kind: 'only'; words: Word[] }
  | { kind: 'average'; words: Word[] }
  | { kind: 'filler'; words: Word[] }
  | { kind: 'unknown'; words: Word[] };

const text = (words: readonly Word[]) => words.map((word) => word.text).join(' ');

/**
 * Splits the words into pieces, choosing the split that leaves the fewest words unplaced, then the fewest pieces
 * (so the longest phrases): "number of expense lines" is "number of" and "expense lines", not "number of
 * expense" and an unknown "lines". A piece is a lexicon phrase, a grammar word or a near spelling.
 */
function read(words: readonly Word[], lexicon: Lexicon, inSpace: (concept: Concept) => boolean): Piece[] {
  const n = words.length;
  const best: { cost: number; piece?: Piece }[] = Array.from({ length: n + 1 }, () => ({
    cost: Number.POSITIVE_INFINITY,
  }));
  (best[n] as { cost: number }).cost = 0;
  const costOf = (piece: Piece) => (piece.kind === 'unknown' ? 1000 : piece.kind === 'concept' && piece.fuzzy ? 3 : 1);
  for (let i = n - 1; i >= 0; i--) {
    const options: Piece[] = [];
    for (let length = Math.min(lexicon.longest, n - i); length >= 1; length--) {
      const slice = words.slice(i, i + length);
      const concepts = lexicon.phrases.get(slice.map((word) => word.stem).join(' '))?.filter(inSpace);
      if (!concepts?.length) continue;
      const corrected = slice.filter((w) => w.corrected).map((w) => `"${w.text}" as "${w.corrected}"`);
      options.push({
        kind: 'concept',
        words: slice,
        concepts,
        ...(corrected.length ? { fuzzy: corrected.join(', ') } : {}),
      });
    }
    const word = words[i] as Word;
    const pair = words[i + 1] ? `${word.plain} ${(words[i + 1] as Word).plain}` : '';
    const third = words[i + 2];
    if (pair === 'over time') options.push({ kind: 'trend', words: words.slice(i, i + 2) });
    if (['other than', 'apart from', 'outside of'].includes(pair))
      options.push({ kind: 'negation', words: words.slice(i, i + 2) });
    // "how many days did the close take": a count of days, not a daily grain.
    if ((pair === 'how many' || pair === 'how much') && third && Object.hasOwn(GRAINS, third.stem)) {
      options.push({ kind: 'filler', words: words.slice(i, i + 3) });
    }
    options.push(grammar(word) ?? { kind: 'unknown', words: [word] });
    for (const piece of options) {
      const total = costOf(piece) + (best[i + piece.words.length] as { cost: number }).cost;
      if (total < (best[i] as { cost: number }).cost) best[i] = { cost: total, piece };
    }
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < n; ) {
    const piece = (best[i] as { piece: Piece }).piece;
    pieces.push(piece);
    i += piece.words.length;
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
  if (TREND.has(word.plain) || TREND.has(word.stem)) return { kind: 'trend', words };
  if (NEGATION.has(word.plain)) return { kind: 'negation', words };
  if (word.plain === 'only' || word.plain === 'just') return { kind: 'only', words };
  if (word.plain === 'average' || word.plain === 'mean') return { kind: 'average', words };
  if (FILLER.has(word.plain) || FILLER.has(word.stem)) return { kind: 'filler', words };
  return undefined;
}

/**
 * Reads misspelt words as the lexicon word they are near: a word of five or more letters that is neither known nor
 * a grammar word, within one edit (two from seven letters) of exactly one lexicon word that starts with the same
 * letter ("avergae" → average, "impresions" → impression). "average" is not read as "beverage".
 */
function correct(words: readonly Word[], lexicon: Lexicon): Word[] {
  return words.map((word) => {
    if (word.plain.length < 5 || /\d/.test(word.plain) || lexicon.vocabulary.has(word.stem) || grammar(word)) {
      return word;
    }
    // The nearest words: one edit away, else (from seven letters) two.
    const near = (list: readonly string[], max: number) =>
      list.filter((key) => key[0] === word.stem[0] && withinEdits(word.stem, key, max));
    let lexical = near(lexicon.fuzzy, 1);
    let grammatical = near(GRAMMAR_WORDS, 1);
    if (lexical.length + grammatical.length === 0 && word.stem.length >= 7) {
      lexical = near(lexicon.fuzzy, 2);
      grammatical = near(GRAMMAR_WORDS, 2);
    }
    if (lexical.length + grammatical.length !== 1) return word;
    const [fixed] = [...lexical, ...grammatical] as [string];
    // A grammar word ("quartely" for quarterly) is read again as that word.
    return lexical.length
      ? { ...word, stem: fixed, corrected: fixed }
      : { ...word, plain: fixed, stem: fixed, corrected: fixed };
  });
}

/** Pieces that name something: a verb's measure ("sold") gives way, so it does not choose the space. */
const isHard = (piece: Piece) =>
  piece.kind === 'concept' && piece.concepts.some((c) => !(c.kind === 'metric' && c.soft));

/** The spaces that hold something of every piece that names something, in the order the interpreter has them. */
function spacesHolding(pieces: readonly Piece[], spaces: readonly SemanticSpace[]): SemanticSpace[] {
  const named = pieces.filter((piece) => piece.kind === 'concept' && isHard(piece));
  const soft = pieces.filter((piece) => piece.kind === 'concept' && !isHard(piece));
  return spaces.filter(
    (space) =>
      named.every((piece) => piece.kind === 'concept' && piece.concepts.some((c) => c.space === space.name)) &&
      // With nothing else named, a verb's measure must be in the space.
      (named.length > 0 ||
        soft.some((piece) => piece.kind === 'concept' && piece.concepts.some((c) => c.space === space.name))),
  );
}

/**
 * How strongly a space reads the pieces: a measure counts most, then a dimension, then a value ("sales" is a
 * measure in Sales and a department in Finance: Sales reads "sales per day" better).
 */
function strength(pieces: readonly Piece[], space: SemanticSpace): number {
  let score = 0;
  for (const piece of pieces) {
    if (piece.kind !== 'concept') continue;
    const concept = piece.concepts.find((c) => c.space === space.name);
    if (!concept) continue;
    score +=
      concept.kind === 'metric' ? (concept.soft ? 1 : 4) : concept.kind === 'dimension' ? 2 : concept.partial ? 0.5 : 1;
  }
  return score;
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

/** What a question's words say in one space: what a query is built from, and how each part was read. */
interface Parts {
  metrics: string[];
  dimensions: string[];
  grain?: TimeGrain;
  trend: boolean;
  positive: Map<string, (string | boolean)[]>;
  negative: Map<string, (string | boolean)[]>;
  ranking?: { direction: 'asc' | 'desc'; judges: boolean; words: Word[] };
  limit?: number;
  rankedBy?: string;
  plural: boolean;
  range?: { from: string; to: string };
  /** How the period was read, when this question named it. */
  periodStep?: ReadingStep;
  /** An earlier question's order, kept when a follow-up asks for none. */
  sort?: SemanticQuery['sort'];
  steps: ReadingStep[];
  typos: number;
}

/** What a question asks beyond one query: a measure beside its target, or what drove a change. */
interface Intent {
  kind?: 'compare' | 'drivers';
  /** The words that asked for it, as typed. */
  cue: string;
  /** A change the question claims ("15 percent"): the asker's figure, never a filter. */
  claim?: string;
  /** The words left to read as a query. */
  words: Word[];
}

/**
 * Finds a comparison with a target ("revenue vs target", "how are we tracking against the orders goal") or a
 * question about drivers ("what drove the 15% revenue increase", "why did orders drop") among the words, and
 * takes out the words that said it. `measureWords` are the stems that name measures: they may stand between a
 * comparing word and the target ("against the revenue target"). `'both'` when it asks for the two at once.
 */
function intentOf(words: readonly Word[], measureWords: ReadonlySet<string>): Intent | 'both' {
  const isTarget = (word: Word | undefined) => word !== undefined && TARGET_WORDS.has(word.stem);
  const cut = new Set<number>();
  if (words.some(isTarget)) {
    words.forEach((word, i) => {
      let j = i + 1;
      const between = (w: Word) => BEFORE_TARGET.has(w.plain) || AGAINST.has(w.plain) || measureWords.has(w.stem);
      while (words[j] && !isTarget(words[j]) && between(words[j] as Word)) j++;
      const next = words[i + 1];
      const targetFirst =
        AFTER_TARGET.has(word.plain) &&
        isTarget(words[i - 1]) &&
        next &&
        (PROGRESS.has(next.plain) || measureWords.has(next.stem));
      if (PROGRESS.has(word.plain) || (AGAINST.has(word.plain) && (isTarget(words[j]) || targetFirst))) cut.add(i);
    });
    if (cut.size) for (const [i, word] of words.entries()) if (isTarget(word)) cut.add(i);
  }
  const compare = cut.size > 0;
  const cue = (indices: Set<number>) =>
    words
      .filter((_, i) => indices.has(i))
      .map((word) => word.text)
      .join(' ');
  const changed = words.some((word) => CHANGE_WORDS.has(word.stem));
  const why = words.some((word) => WHY_WORDS.has(word.plain));
  // "which store drove the most revenue" ranks: the verb is "brought in", not a question about a change.
  const ranks = !changed && words.some((word) => Object.hasOwn(RANKING, word.plain));
  const driven = words.some((word) => DRIVER_WORDS.has(word.plain) && !(ranks && DRIVER_VERBS.has(word.plain)));
  if (ranks && !driven && !why) return { cue: '', words: words.filter((word) => !DRIVER_WORDS.has(word.plain)) };
  if (driven || (why && changed)) {
    if (compare) return 'both';
    const said = new Set<number>();
    const claim = new Set<number>();
    words.forEach((word, i) => {
      if (DRIVER_WORDS.has(word.plain) || WHY_WORDS.has(word.plain) || CHANGE_WORDS.has(word.stem)) said.add(i);
      else if (CHANGE_COLOUR.has(word.plain)) cut.add(i);
      else if (/^\d/.test(word.plain) || (CLAIM_UNITS.has(word.plain) && claim.has(i - 1))) claim.add(i);
    });
    const rest = words.filter((_, i) => !said.has(i) && !claim.has(i) && !cut.has(i));
    return { kind: 'drivers', cue: cue(said), ...(claim.size ? { claim: cue(claim) } : {}), words: rest };
  }
  return compare
    ? { kind: 'compare', cue: cue(cut), words: words.filter((_, i) => !cut.has(i)) }
    : { cue: '', words: [...words] };
}

/** The filters of the values a question named: one value is `eq` (or `neq`), several `in` (or `not_in`). */
function filtersOf(parts: Parts): SemanticFilter[] {
  const filters: SemanticFilter[] = [];
  for (const [dimension, values] of parts.positive) {
    filters.push(
      values.length === 1 ? { dimension, op: 'eq', value: values[0] } : { dimension, op: 'in', value: values },
    );
  }
  for (const [dimension, values] of parts.negative) {
    filters.push(
      values.length === 1 ? { dimension, op: 'neq', value: values[0] } : { dimension, op: 'not_in', value: values },
    );
  }
  return filters;
}

/** An earlier query as the parts a follow-up changes (the interpreter writes only eq, in, neq and not_in). */
function partsOf(query: SemanticQuery): Parts {
  const positive = new Map<string, (string | boolean)[]>();
  const negative = new Map<string, (string | boolean)[]>();
  for (const f of query.filters ?? []) {
    (/^n/.test(f.op) ? negative : positive).set(f.dimension, [f.value].flat() as (string | boolean)[]);
  }
  const { from, to } = query.dateRange ?? {};
  return {
    metrics: [...query.metrics],
    dimensions: [...(query.dimensions ?? [])],
    grain: query.timeGrain,
    trend: false,
    positive,
    negative,
    limit: query.limit,
    plural: true,
    range: from && to ? { from, to } : undefined,
    sort: query.sort,
    steps: [],
    typos: 0,
  };
}

/**
 * An earlier query changed by a follow-up (see the rules at the top). `addMeasures`: "and units?" adds a
 * measure; `addValues`: "also Visayas" adds a value to its dimension's filter. Dimensions are added ("and by
 * region?") unless the follow-up says "instead", ranks ("top 5 stores") or restates the measure ("what about
 * orders by brand?"): then they replace.
 */
function merge(
  before: Parts,
  change: Parts,
  how: { addMeasures: boolean; addValues: boolean; instead: boolean },
): Parts {
  const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
  const merged: Parts = {
    ...before,
    metrics: change.metrics.length
      ? how.addMeasures
        ? union(before.metrics, change.metrics)
        : change.metrics
      : before.metrics,
    dimensions: change.dimensions.length
      ? how.instead || change.ranking || (change.metrics.length > 0 && !how.addMeasures)
        ? change.dimensions
        : union(before.dimensions, change.dimensions)
      : before.dimensions,
    trend: change.trend,
    positive: new Map(before.positive),
    negative: new Map(before.negative),
    plural: change.plural,
    steps: change.steps,
    typos: change.typos,
  };
  if (change.grain) merged.grain = change.grain;
  else if (change.trend && before.grain) merged.trend = false;
  if (change.range) {
    merged.range = change.range;
    merged.periodStep = change.periodStep;
  } else delete merged.periodStep;
  for (const dimension of new Set([...change.positive.keys(), ...change.negative.keys()])) {
    const positive = change.positive.get(dimension);
    const negative = change.negative.get(dimension);
    const adding = how.addValues && positive && before.positive.get(dimension);
    merged.positive.delete(dimension);
    merged.negative.delete(dimension);
    if (positive) merged.positive.set(dimension, adding ? union(adding, positive) : positive);
    if (negative) merged.negative.set(dimension, negative);
  }
  if (change.ranking) {
    merged.ranking = change.ranking;
    merged.rankedBy = change.rankedBy;
    merged.limit = change.limit;
    delete merged.sort;
  } else if (before.sort) {
    // The old order, by what the query still holds: a replaced measure's order goes to the new one.
    const first = merged.metrics[0] as string;
    const sort = before.sort
      .map((s) => (before.metrics.includes(s.by) && !merged.metrics.includes(s.by) ? { ...s, by: first } : s))
      .filter((s) => merged.metrics.includes(s.by) || merged.dimensions.includes(s.by) || s.by === 'period');
    if (sort.length) merged.sort = sort;
    else {
      delete merged.sort;
      delete merged.limit;
    }
  }
  return merged;
}

/**
 * The pieces with only the concepts `inSpace` holds, or the first piece left with none (a phrase only other spaces
 * hold). A piece of grammar words only ("it", the IT department elsewhere) is read as grammar again.
 */
function narrow(
  pieces: readonly Piece[],
  inSpace: (concept: Concept) => boolean,
): Piece[] | Extract<Piece, { kind: 'concept' }> {
  const kept: Piece[] = [];
  for (const piece of pieces) {
    if (piece.kind !== 'concept') {
      kept.push(piece);
      continue;
    }
    const concepts = piece.concepts.filter(inSpace);
    const words = piece.words.map(grammar);
    if (concepts.length > 0) kept.push({ ...piece, concepts });
    else if (words.every((word) => word !== undefined)) kept.push(...(words as Piece[]));
    else return piece;
  }
  return kept;
}

/** Whether a follow-up changes anything: every part it reads says so in a step, but a period, order or trend. */
const changes = (parts: Parts) => parts.steps.length > 0 || parts.range || parts.ranking || parts.trend;

/**
 * An interpreter over the spaces. `interpret` reads one English question: a query on one space (with how each
 * part was read), a question back when it is ambiguous or partly understood, or a refusal when it is out of
 * scope. The question text never becomes SQL: the query goes to `compileQuery`, which writes SQL with parameters.
 */
export function createQuestionInterpreter(options: QuestionInterpreterOptions): QuestionInterpreter {
  const { spaces } = options;
  const lexicon = buildLexicon(spaces, options.values);
  const examples = suggestionsFor(spaces);
  const day = () => options.today ?? calendarDay();
  const count = new Intl.NumberFormat(options.locale ?? 'en-US').format;
  const labelOf = (space: SemanticSpace) => space.label ?? space.name;
  const examplesOf = (space: SemanticSpace) => (space.examples ?? []).slice(0, 3);
  /** 1, less 0.1 for each misspelt word read as a near one; at least 0.5. */
  const confidenceOf = (parts: Parts) => Math.max(0.5, 1 - parts.typos * 0.1);
  const metricLabel = (metric: MetricDefinition) => (metric.label ?? metric.name).toLowerCase();

  /** The stems of every word of a phrase that names a measure. */
  const measureWords = new Set<string>();
  for (const [key, concepts] of lexicon.phrases) {
    if (concepts.some((c) => c.kind === 'metric')) for (const word of key.split(' ')) measureWords.add(word);
  }
  /** Each measure that has a target, `'space.metric'`, and its target: declared by `targetOf`, never guessed. */
  const targets = new Map<string, { space: SemanticSpace; metric: MetricDefinition }>();
  for (const space of spaces) {
    for (const metric of space.metrics) {
      const [name, measure] = metric.targetOf?.split('.') ?? [];
      const actual = spaces.find((s) => s.name === name && s !== space);
      if (actual?.metrics.some((m) => m.name === measure)) targets.set(metric.targetOf as string, { space, metric });
    }
  }
  const withTargets = [...targets.keys()].map((key) => {
    const [name, measure] = key.split('.') as [string, string];
    const space = spaces.find((s) => s.name === name) as SemanticSpace;
    return { space, metric: space.metrics.find((m) => m.name === measure) as MetricDefinition };
  });
  const targeted = withTargets.map(({ metric }) => metricLabel(metric)).join(' and ');

  /** The text with every lexicon phrase that holds digits blanked out, for the period reader. */
  function maskNumberedValues(text: string, inSpace: (concept: Concept) => boolean): string {
    const words = wordsOf(text);
    let masked = text;
    for (let i = 0; i < words.length; i++) {
      for (let length = Math.min(lexicon.longest, words.length - i); length >= 2; length--) {
        const slice = words.slice(i, i + length);
        if (!slice.some((word) => /\d/.test(word.plain))) continue;
        const concepts = lexicon.phrases.get(slice.map((word) => word.stem).join(' '))?.filter(inSpace);
        if (!concepts?.length) continue;
        const start = (slice[0] as Word).start;
        const end = (slice.at(-1) as Word).end;
        masked = `${masked.slice(0, start)}${' '.repeat(end - start)}${masked.slice(end)}`;
        i += length - 1;
        break;
      }
    }
    return masked;
  }

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

  /** The question, trimmed, or a refusal of it: not text, a change to data, or SQL or instructions. */
  function screen(question: unknown): string | Interpretation {
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
    return asked;
  }

  function interpret(question: string, interpretOptions: InterpretOptions = {}): Interpretation {
    const asked = screen(question);
    if (typeof asked !== 'string') return asked;
    const only = interpretOptions.space;
    if (only !== undefined && !spaces.some((space) => space.name === only)) {
      return refuse(`There is no space named "${only}".`);
    }
    // The query the conversation is on: each earlier user turn read in order, a follow-up against the one before.
    let before: QueryInterpretation | undefined;
    const history = Array.isArray(interpretOptions.history) ? interpretOptions.history : [];
    const turns = history.filter((t) => t?.role === 'user' && typeof t.content === 'string').slice(-MAX_TURNS);
    for (const turn of turns) {
      const earlier = screen(turn.content);
      if (typeof earlier !== 'string') continue;
      const read = readTurn(earlier, only, before);
      if (read.kind === 'query') before = read;
    }
    return readTurn(asked, only, before);
  }

  /** One question, against the query the conversation is on (if any). */
  function readTurn(asked: string, only: string | undefined, before: QueryInterpretation | undefined): Interpretation {
    let written = SHORTHAND.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), asked);
    let table = false;
    written = written.replace(AS_TABLE, (match) => {
      table = true;
      return ' '.repeat(match.length);
    });
    const lead = LEAD.exec(written)?.[0] ?? '';
    written = written.slice(lead.length);
    if (!written.trim() && !table) return clarify('Ask a question about the data, for example one of these.');
    const candidates = only ? spaces.filter((space) => space.name === only) : spaces;
    const inCandidates = (concept: Concept) => candidates.some((space) => space.name === concept.space);

    // A value with digits in it ("Noche Buena 2025") is a name, not a period: hidden from the period reader.
    let period = findPeriod(maskNumberedValues(written, inCandidates), day());
    // Follow-up words: "instead" (of what goes), "too", "as well", "in addition".
    let instead = false;
    let adding = /\b(?:also|plus)\b/i.test(lead + written);
    let replaced: number | undefined;
    const rest = (period ? `${written.slice(0, period.start)} ${written.slice(period.end)}` : written).replace(
      /\b(?:(instead|rather)(\s+(?:of|than))?|too|as well|in addition)\b/gi,
      (match: string, swap?: string, of?: string, at = 0) => {
        if (swap) instead = true;
        else adding = true;
        if (of) replaced = at + match.length;
        return ' '.repeat(match.length);
      },
    );
    const intent = intentOf(wordsOf(rest), measureWords);
    if (intent === 'both') return clarify('Ask one thing at a time: a measure against its target, or what drove it.');
    // A period set against another ("revenue vs last year", "2023 vs 2024") is not the period asked about. In "why
    // is revenue up vs last month" it is what the change is measured from: from the last whole week, month,
    // quarter or year, the period explained is the current one.
    const against = /\b(?:vs|versus|against|compared(?:\s+(?:to|with))?|relative\s+to)\W*$/i;
    if (period && intent.kind !== 'compare') {
      const preceding = written.slice(0, period.start);
      const drivers = intent.kind === 'drivers';
      if (
        drivers &&
        (/^since\b/i.test(period.words) || against.test(preceding) || /\b(?:from|over)\W*$/i.test(preceding))
      ) {
        const unit = /^(?:since\s+)?(?:last|previous|prior)\s+(week|month|quarter|year)$/i.exec(period.words)?.[1];
        const current = unit && findPeriod(`this ${unit}`, day());
        if (!current)
          return clarify(`"${period.words}" is what the change is measured from: which period is explained?`);
        period = {
          ...current,
          words: period.words,
          meaning: `measured from ${period.words}: this ${unit}, ${current.meaning}`,
        };
      } else if (
        !drivers &&
        (against.test(preceding) || /^\W*(?:vs|versus|against|compared)\b/i.test(written.slice(period.end)))
      ) {
        return clarify(
          `I read one period at a time: ask for "${period.words}" alone, or for both by month or year ("revenue by year").`,
        );
      }
    }
    const words = correct(intent.words, lexicon);
    // "by store instead of region", "orders rather than revenue": what follows "instead of" is what goes.
    const gone = read(words, lexicon, inCandidates);
    const out = gone.findIndex(
      (piece) => piece.kind === 'concept' && (piece.words[0]?.start ?? -1) >= (replaced ?? 1e9),
    );
    const pieces = gone.filter((_, i) => i !== out);
    const measures = pieces.filter(
      (piece) => piece.kind === 'concept' && piece.concepts.some((concept) => concept.kind === 'metric'),
    );
    // A verb's measure ("can you make it weekly") names none of its own unless only another space has it.
    const named = measures.some(
      (piece) => piece.kind === 'concept' && piece.concepts.some((c) => c.kind === 'metric' && !c.soft),
    );
    const strong = STRONG_LEAD.test(lead) || (instead && !named);
    if (before) {
      const following = strong || instead || WEAK_LEAD.test(lead) || !named;
      const elsewhere = measures.some(
        (piece) =>
          piece.kind === 'concept' && !piece.concepts.some((c) => c.kind === 'metric' && c.space === before.space),
      );
      if (following && !elsewhere) {
        return follow(before, {
          asked,
          lead,
          read: pieces,
          period,
          intent,
          table,
          how: { addMeasures: adding || /\band\b/i.test(lead), addValues: adding, instead },
        });
      }
    } else if (strong) {
      return clarify('There is no earlier question to follow: ask it in full, for example one of these.');
    }
    return fresh(pieces, period, intent, table, only);
  }

  /** A question read on its own. */
  function fresh(
    read0: Piece[],
    period: PeriodMatch | undefined,
    intent: Intent,
    table: boolean,
    only: string | undefined,
  ): Interpretation {
    let candidates = only ? spaces.filter((space) => space.name === only) : spaces;
    let pieces = read0;
    if (intent.kind) {
      // Compared with a target: the spaces of measures with one. Drivers: spaces with dimensions to split a change.
      candidates = candidates.filter((space) =>
        intent.kind === 'compare' ? withTargets.some((t) => t.space === space) : space.dimensions.length > 0,
      );
      const sums = candidates.flatMap((space) =>
        space.metrics.filter((m) => metricTotal(m) === 'sum').map(metricLabel),
      );
      const cannot =
        intent.kind === 'compare'
          ? `has no target${targeted ? `: there are targets for ${targeted}` : ''}`
          : `has no parts to explain a change by: I can explain changes in totals such as ${sums.slice(0, 4).join(', ')}`;
      // Read as every space would read it, then kept to the spaces that can answer: "expense ratio" stays one
      // measure (of a space that cannot answer), not "expense" and a stray "ratio".
      const narrowed = narrow(read0, (concept) => candidates.some((space) => space.name === concept.space));
      if (!Array.isArray(narrowed)) return clarify(`"${text(narrowed.words)}" ${cannot}.`);
      if (candidates.length === 0) {
        return clarify(
          intent.kind === 'compare'
            ? 'No measure here has a target.'
            : 'No space here has parts to explain a change by.',
        );
      }
      pieces = narrowed;
    }

    const unknown = pieces.filter((piece) => piece.kind === 'unknown');
    if (unknown.length > 0) {
      const said = unknown.map((piece) => `"${text(piece.words)}"`).join(', ');
      return clarify(
        `I don't know ${said} here. I can answer about ${candidates.map((s) => labelOf(s).toLowerCase()).join(', ')}.`,
        suggestionsFor(candidates),
      );
    }
    if (!pieces.some((piece) => piece.kind === 'concept')) {
      if (intent.kind === 'compare') {
        return clarify(`Which measure do you want against its target? There are targets for ${targeted}.`);
      }
      return clarify('Which measure do you want to see? Name one, for example revenue, expenses or clicks.');
    }
    const holding = spacesHolding(pieces, candidates)
      .map((space) => ({ space, strength: strength(pieces, space) }))
      .sort((a, b) => b.strength - a.strength);
    if (holding.length === 0) {
      return clarify(
        'Those measures and dimensions are not in one space: ask about one space at a time.',
        suggestionsFor(candidates),
      );
    }
    const [{ space, strength: top }, ...others] = holding as [
      { space: SemanticSpace; strength: number },
      ...{ space: SemanticSpace; strength: number }[],
    ];
    const rival = others.find((other) => other.strength === top && !sameReading(pieces, space, other.space))?.space;
    if (rival) {
      return clarify(`Do you mean ${labelOf(space)} or ${labelOf(rival)}? Both have what you asked for.`, [
        ...(space.examples ?? []).slice(0, 2),
        ...(rival.examples ?? []).slice(0, 2),
      ]);
    }
    const parts = readParts(space, pieces, period);
    if ('kind' in parts) return parts;
    return complete(space, parts, intent, table, []);
  }

  /** A follow-up: the earlier query changed by the question (see the rules at the top). */
  function follow(
    before: QueryInterpretation,
    turn: {
      asked: string;
      lead: string;
      read: Piece[];
      period: PeriodMatch | undefined;
      intent: Intent;
      table: boolean;
      how: { addMeasures: boolean; addValues: boolean; instead: boolean };
    },
  ): Interpretation {
    const space = spaces.find((s) => s.name === before.space) as SemanticSpace;
    const said = `the previous question (${summary(space, before)})`;
    const read = turn.read;
    // Read as every space would read it, then kept to the earlier query's space: a phrase only another space holds
    // is not taken apart into words this one knows.
    const narrowed = narrow(read, (concept) => concept.space === space.name);
    let pieces = Array.isArray(narrowed) ? narrowed : read;
    // "and the target?": a target word alone sets the earlier measure beside its target.
    const target = (piece: Piece) => piece.kind === 'unknown' && TARGET_WORDS.has(piece.words[0]?.stem ?? '');
    if (!turn.intent.kind && pieces.some(target)) {
      turn.intent = { cue: text(pieces.filter(target).flatMap((piece) => piece.words)), words: [], kind: 'compare' };
      pieces = pieces.filter((piece) => !target(piece));
    }
    const unknown = pieces.filter((piece) => piece.kind === 'unknown' || piece === narrowed);
    if (unknown.length > 0) {
      return clarify(
        `I can't apply ${unknown.map((piece) => `"${text(piece.words)}"`).join(', ')} to ${said}: ${labelOf(space)} does not hold it. Ask the whole question.`,
        examplesOf(space),
      );
    }
    const change = readParts(space, pieces, turn.period, false);
    if ('kind' in change) return change;
    const kind = turn.intent.kind ?? before.analysis ?? (before.compare ? 'compare' : undefined);
    if (!turn.table && !turn.intent.kind && !changes(change)) {
      return clarify(
        `What should change in ${said}? For example "and by region?" or "what about last year?"`,
        examplesOf(space),
      );
    }
    const reshaped = change.dimensions.length > 0 || change.grain || change.trend || change.ranking;
    if (kind === 'drivers' && before.analysis === 'drivers' && reshaped) {
      return clarify(
        'What drove a change is already broken down by every dimension: change the measure, period or filters.',
        examplesOf(space),
      );
    }
    const merged = merge(partsOf(before.query), change, turn.how);
    if (change.ranking && kind !== 'drivers' && merged.dimensions.length === 0 && !merged.grain) {
      return clarify(`Rank what? ${said} has one row: name it, for example "top 5 regions".`, examplesOf(space));
    }
    const follows = { words: turn.lead.trim().replace(/\W+$/, '') || turn.asked, meaning: `follows ${said}` };
    return complete(space, merged, { ...turn.intent, kind }, turn.table || before.view === 'table', [follows]);
  }

  /** A query from the parts, beside its target or as drivers when the question asks, with how it was read. */
  function complete(
    space: SemanticSpace,
    parts: Parts,
    intent: Intent,
    table: boolean,
    first: ReadingStep[],
  ): Interpretation {
    let read: QueryInterpretation | Interpretation =
      intent.kind === 'drivers' ? drivers(space, parts, intent, first) : finish(space, parts, first);
    if (read.kind === 'query' && intent.kind === 'compare') read = besideTarget(space, read, intent.cue);
    return read.kind === 'query' && table ? { ...read, view: 'table' } : read;
  }

  /** `analysis: 'drivers'`: one measure that adds up, over the period named (this month if none), and filters. */
  function drivers(space: SemanticSpace, parts: Parts, intent: Intent, first: ReadingStep[]): Interpretation {
    const sums = space.metrics
      .filter((m) => metricTotal(m) === 'sum')
      .map(metricLabel)
      .join(', ');
    const [name, ...more] = parts.metrics;
    const metric = space.metrics.find((m) => m.name === name);
    if (!metric || more.length) {
      return clarify(`Which one measure's change do you want explained: ${sums}?`, examplesOf(space));
    }
    if (metricTotal(metric) !== 'sum') {
      return clarify(
        `I can explain changes in totals such as ${sums}. ${metric.label ?? metric.name} is an average or a rate: its change does not split into parts.`,
        examplesOf(space),
      );
    }
    let range = parts.range;
    let unnamed = '';
    if (!range) {
      const unit = parts.grain ?? 'month';
      const current = findPeriod(unit === 'day' ? 'today' : `this ${unit}`, day()) as PeriodMatch;
      range = current.range;
      unnamed = `; no period named, so this ${unit}: ${current.meaning}`;
    }
    const steps = [...first];
    if (intent.cue) {
      steps.push({
        words: intent.cue,
        meaning: `what drove the change: the period against the one before, by each dimension of ${labelOf(space)}${unnamed}`,
      });
    }
    steps.push(...parts.steps);
    if (parts.periodStep) steps.push(parts.periodStep);
    if (intent.claim)
      steps.push({ words: intent.claim, meaning: 'your figure, not a filter: the answer measures the change' });
    const filters = filtersOf(parts);
    return {
      kind: 'query',
      space: space.name,
      query: { metrics: [metric.name], dateRange: range, ...(filters.length ? { filters } : {}) },
      confidence: confidenceOf(parts),
      explanation: steps,
      analysis: 'drivers',
    };
  }

  /**
   * The query beside its measure's target (`compare`): the target over the same period, grain (month unless
   * named), filters and dimensions, which the target's space must hold.
   */
  function besideTarget(space: SemanticSpace, read: QueryInterpretation, cue: string): Interpretation {
    const { query } = read;
    const target = targets.get(`${space.name}.${query.metrics[0]}`);
    if (query.metrics.length > 1 || !target) {
      return clarify(`I compare one measure with its target: there are targets for ${targeted}.`, examplesOf(space));
    }
    const there = target.space;
    const timeGrain = query.timeGrain ?? 'month';
    const grains = grainsOf(there);
    const filters = query.filters ?? [];
    const kept = there.dimensions.map((d) => d.name);
    const missing = [...(query.dimensions ?? []), ...filters.map((f) => f.dimension)].find((d) => !kept.includes(d));
    if (!grains.includes(timeGrain) || !grainsOf(space).includes(timeGrain) || missing) {
      const by = [...there.dimensions.map((d) => (d.label ?? d.name).toLowerCase()), grains[0]].join(' and ');
      const not = missing ? (space.dimensions.find((d) => d.name === missing)?.label ?? missing) : timeGrain;
      return clarify(
        `${labelOf(there)} are kept by ${by}, not by ${not.toLowerCase()}: ask without it to compare with the target.`,
        examplesOf(there),
      );
    }
    const same = {
      timeGrain,
      ...(query.dimensions ? { dimensions: query.dimensions } : {}),
      ...(query.filters ? { filters } : {}),
      ...(query.dateRange ? { dateRange: query.dateRange } : {}),
    };
    const step = {
      words: cue,
      meaning: `beside ${target.metric.label ?? target.metric.name} (${labelOf(there)}), over the same period by ${timeGrain}`,
    };
    return {
      ...read,
      query: { ...query, timeGrain },
      compare: { space: there.name, query: { metrics: [target.metric.name], ...same } },
      explanation: cue ? [...read.explanation, step] : read.explanation,
    };
  }

  /** An earlier reading in a few words: "Revenue by Region and month, only Channel E-commerce, 2025-…, in Sales". */
  function summary(space: SemanticSpace, { query, compare, analysis }: QueryInterpretation): string {
    const label = (name: string) =>
      [...space.metrics, ...space.dimensions].find((item) => item.name === name)?.label ?? name;
    const by = [...(query.dimensions ?? []).map(label), ...(query.timeGrain ? [query.timeGrain] : [])];
    return [
      `${analysis ? 'what drove ' : ''}${query.metrics.map(label).join(' and ')}${by.length ? ` by ${by.join(' and ')}` : ''}`,
      ...(query.filters ?? []).map(
        (f) => `${/^n/.test(f.op) ? 'excluding' : 'only'} ${label(f.dimension)} ${[f.value].flat().join(', ')}`,
      ),
      ...(query.dateRange ? [`${query.dateRange.from} to ${query.dateRange.to}`] : []),
      ...(compare ? ['vs target'] : []),
      `in ${labelOf(space)}`,
    ].join(', ');
  }

  /**
   * What the pieces say in the space: measures, dimensions, values, grain, ranking and period. `verbs`: a verb's
   * measure ("sold") counts when no measure is named; not in a follow-up, where the earlier measure stays.
   */
  function readParts(
    space: SemanticSpace,
    pieces: readonly Piece[],
    period: PeriodMatch | undefined,
    verbs = true,
  ): Parts | Interpretation {
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
    /** The measures the question names, where, and the words that named them. */
    const named: { name: string; index: number; words: string; typo?: string }[] = [];
    let verbMetric: { name: string; words: string } | undefined;
    /** A measure asked for as an average that is a sum: not what the space holds. */
    let notAverage: string | undefined;
    /** "Makati vs Taguig": values compared side by side are grouped by their dimension as well as filtered. */
    const comparing = pieces.some(
      (piece) =>
        piece.kind === 'filler' && /^(vs|versus|against|compared|comparing)$/.test(piece.words[0]?.plain ?? ''),
    );

    pieces.forEach((piece, i) => {
      const concept = conceptIn(piece);
      const previous = pieces[i - 1];
      const nextPiece = pieces[i + 1];
      // A negation covers the values that follow it, joined by and/or: "excluding NCR and Visayas".
      const joins = piece.kind === 'filler' && /^(and|or|nor|the)$/.test(piece.words[0]?.plain ?? '');
      const yesNo =
        concept?.kind === 'dimension' && space.dimensions.find((d) => d.name === concept.name)?.type === 'boolean';
      if (piece.kind !== 'negation' && concept?.kind !== 'value' && !yesNo && !joins) negating = false;
      switch (piece.kind) {
        case 'negation':
          negating = true;
          return;
        case 'number': {
          const after = nextPiece?.kind;
          if (previous?.kind === 'ranking' || after === 'ranking' || after === 'concept' || after === 'grain') {
            limit = piece.value;
            steps.push({ words: text(piece.words), meaning: `${count(piece.value)} rows` });
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
      const typo = piece.kind === 'concept' && piece.fuzzy ? ` (${piece.fuzzy})` : '';
      if (concept.kind === 'metric') {
        // "average days to close" is the measure (already an average); "average revenue" is not one it holds.
        if (previous?.kind === 'average') {
          const metric = space.metrics.find((m) => m.name === concept.name);
          if (metric && metricTotal(metric) !== 'none' && typeof metricTotal(metric) !== 'object') {
            notAverage ??= metric.label ?? metric.name;
          }
        }
        // A verb's measure ("sold") counts only when the question names none.
        if (concept.soft) {
          verbMetric ??= { name: concept.name, words };
          return;
        }
        named.push({ name: concept.name, index: i, words, typo });
        if (previous?.kind === 'filler' && previous.words[0]?.plain === 'by' && ranking) rankedBy = concept.name;
      } else if (concept.kind === 'dimension') {
        const definition = space.dimensions.find((d) => d.name === concept.name);
        const grouping =
          previous?.kind === 'filler' && /^(by|per|each|every|across|kada|bawat)$/.test(previous.words[0]?.plain ?? '');
        // A yes/no dimension said as an adjective filters: "reimbursable expenses", "non-reimbursable".
        if (definition?.type === 'boolean' && !grouping && !comparing) {
          const value = !negating;
          positive.set(concept.name, [value]);
          negating = false;
          steps.push({ words, meaning: `only where ${concept.label} is ${value ? 'yes' : 'no'}${typo}` });
          return;
        }
        // "the North region": the dimension's own name beside one of its values qualifies the value.
        const beside = [previous, nextPiece, pieces[i - 2]].map((p) => (p ? conceptIn(p) : undefined));
        if (beside.some((c) => c?.kind === 'value' && c.dimension === concept.name)) return;
        // "channels other than Facebook", "all regions except NCR": the dimension names what the negation excludes.
        const afterNegation = nextPiece?.kind === 'negation' ? pieces[i + 2] : undefined;
        const excluded = afterNegation ? conceptIn(afterNegation) : undefined;
        if (excluded?.kind === 'value' && excluded.dimension === concept.name && !grouping) return;
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

    if (notAverage) {
      return clarify(
        `${labelOf(space)} holds the total of ${notAverage}, not an average of it. Ask for the total, or for one of ${space.metrics
          .filter((m) => metricTotal(m) === 'none' || typeof metricTotal(m) === 'object')
          .map(metricLabel)
          .join(', ')}.`,
        examplesOf(space),
      );
    }
    // "expenses as a % of revenue", "revenue per order", "clicks to impressions ratio": the space's ratio measure.
    for (let k = 0; k + 1 < named.length; k++) {
      const [a, b] = [named[k], named[k + 1]] as [(typeof named)[number], (typeof named)[number]];
      const between = pieces.slice(a.index + 1, b.index).flatMap((piece) => piece.words.map((word) => word.plain));
      const after = pieces[b.index + 1]?.words[0]?.plain;
      const ratioWords = between.some((word) =>
        /^(per|percent|percentage|share|ratio|over|divided|proportion)$/.test(word),
      );
      if (!ratioWords && after !== 'ratio') continue;
      const ratio = space.metrics.find(
        (metric) =>
          typeof metric.total === 'object' && metric.total.ratio[0] === a.name && metric.total.ratio[1] === b.name,
      );
      if (!ratio) continue;
      named.splice(k, 2, { name: ratio.name, index: a.index, words: `${a.words} … ${b.words}` });
    }
    // "tax on reimbursable expenses", "tax rate for reimbursable expenses": a measure after "on" or "for", following
    // another measure, says what the first is of.
    for (let k = named.length - 1; k >= 1; k--) {
      const at = (named[k] as (typeof named)[number]).index;
      let j = at - 1;
      while (j >= 0 && (pieces[j] as Piece).kind === 'concept' && conceptIn(pieces[j] as Piece)?.kind !== 'metric') j--;
      if (pieces[j]?.kind === 'filler' && /^(on|for)$/.test(pieces[j]?.words[0]?.plain ?? '')) named.splice(k, 1);
    }
    for (const { name, words, typo } of named) {
      if (metrics.includes(name)) continue;
      metrics.push(name);
      steps.push({ words, meaning: `${describeMetric(space, name)}${typo ?? ''}` });
    }
    if (metrics.length === 0 && verbMetric && verbs) {
      metrics.push(verbMetric.name);
      steps.push({ words: verbMetric.words, meaning: describeMetric(space, verbMetric.name) });
    }
    if (comparing) {
      for (const [dimension, values] of positive) {
        if (values.length > 1 && !dimensions.includes(dimension)) dimensions.push(dimension);
      }
    }
    const parts: Parts = {
      metrics,
      dimensions,
      trend,
      positive,
      negative,
      plural,
      steps,
      typos: pieces.filter((piece) => piece.kind === 'concept' && piece.fuzzy).length,
    };
    if (grain) parts.grain = grain;
    if (ranking) parts.ranking = ranking;
    if (limit !== undefined) parts.limit = limit;
    if (rankedBy) parts.rankedBy = rankedBy;
    if (period) {
      parts.range = period.range;
      parts.periodStep = { words: period.words, meaning: period.meaning };
    }
    return parts;
  }

  /** The query the parts make, checked against what the space holds, and the steps that say how it was read. */
  function finish(space: SemanticSpace, parts: Parts, first: ReadingStep[]): Interpretation {
    const steps = [...first, ...parts.steps];
    const metrics = [...parts.metrics];
    const { dimensions, ranking } = parts;
    let { grain, limit } = parts;
    if (metrics.length === 0) {
      if (!ranking || dimensions.length === 0) {
        return clarify(
          `Which measure of ${labelOf(space)} do you want: ${space.metrics.map(metricLabel).join(', ')}?`,
          examplesOf(space),
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
    if (parts.trend && !grain) grain = parts.range && daysIn(parts.range) <= 31 ? 'day' : 'month';
    if (grain && !space.timeDimension) {
      return clarify(`${labelOf(space)} has no dates to group by.`, examplesOf(space));
    }
    if (grain && grains.length > 0 && !grains.includes(grain)) {
      return clarify(`${labelOf(space)} is kept by ${grains.join(', ')}, not by ${grain}.`, examplesOf(space));
    }
    if (parts.range && !space.timeDimension) {
      return clarify(`${labelOf(space)} has no dates to filter by.`, examplesOf(space));
    }

    const filters = filtersOf(parts);
    const query: { -readonly [K in keyof SemanticQuery]: SemanticQuery[K] } = { metrics };
    if (dimensions.length) query.dimensions = [...dimensions];
    if (grain) query.timeGrain = grain;
    if (filters.length) query.filters = filters;
    if (parts.range) {
      query.dateRange = parts.range;
      if (parts.periodStep) steps.push(parts.periodStep);
    }
    if (ranking) {
      const by = parts.rankedBy ?? (metrics[0] as string);
      const metric = space.metrics.find((m) => m.name === by);
      const direction =
        ranking.judges && metric?.downIsGood ? (ranking.direction === 'asc' ? 'desc' : 'asc') : ranking.direction;
      query.sort = [{ by, direction }];
      if (limit === undefined && !parts.plural && (dimensions.length > 0 || grain)) limit = 1;
      steps.push({
        words: text(ranking.words),
        meaning: `sorted by ${metric?.label ?? by}, ${direction === 'desc' ? 'highest' : 'lowest'} first${limit ? `, ${count(limit)} ${limit === 1 ? 'row' : 'rows'}` : ''}`,
      });
      if (limit !== undefined) query.limit = limit;
    } else if (parts.sort) {
      query.sort = parts.sort;
      if (limit !== undefined) query.limit = limit;
    }
    return { kind: 'query', space: space.name, query, confidence: confidenceOf(parts), explanation: steps };
  }

  return { interpret };
}
