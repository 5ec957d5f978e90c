import { metricTotal } from '../semantic/compile';
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
  comparison against vs versus chart graph table view look looks looking check kindly hi so just also then than up
  same whole company business into where when status hows make made performing performance perform time move
  changed change changes historical doing current currently right now latest recent got gotten take took taken books
  book percent percentage share ratio proportion divided po naman lang nga ba yung ung thanks thank generated brought
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

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

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
    const written = SHORTHAND.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), asked);
    const only = interpretOptions.space;
    const candidates = only ? spaces.filter((space) => space.name === only) : spaces;
    if (candidates.length === 0) return refuse(`There is no space named "${only}".`);
    const inSpace = (concept: Concept) => candidates.some((space) => space.name === concept.space);

    // A value with digits in it ("Noche Buena 2025") is a name, not a period: hidden from the period reader.
    const period = findPeriod(maskNumberedValues(written, inSpace), options.today ?? today());
    const rest = period ? `${written.slice(0, period.start)} ${written.slice(period.end)}` : written;
    const pieces = read(correct(wordsOf(rest), lexicon), lexicon, inSpace);

    const unknown = pieces.filter((piece) => piece.kind === 'unknown');
    if (unknown.length > 0) {
      const words = unknown.map((piece) => `"${text(piece.words)}"`).join(', ');
      return clarify(
        `I don't know ${words} here. I can answer about ${candidates.map((s) => (s.label ?? s.name).toLowerCase()).join(', ')}.`,
        suggestionsFor(candidates),
      );
    }
    if (!pieces.some((piece) => piece.kind === 'concept')) {
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
        `${space.label ?? space.name} holds the total of ${notAverage}, not an average of it. Ask for the total, or for one of ${space.metrics
          .filter((m) => metricTotal(m) === 'none' || typeof metricTotal(m) === 'object')
          .map((m) => (m.label ?? m.name).toLowerCase())
          .join(', ')}.`,
        (space.examples ?? []).slice(0, 3),
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
    if (metrics.length === 0 && verbMetric) {
      metrics.push(verbMetric.name);
      steps.push({ words: verbMetric.words, meaning: describeMetric(space, verbMetric.name) });
    }
    if (comparing) {
      for (const [dimension, values] of positive) {
        if (values.length > 1 && !dimensions.includes(dimension)) dimensions.push(dimension);
      }
    }

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

    const typos = pieces.filter((piece) => piece.kind === 'concept' && piece.fuzzy).length;
    const interpretation: QueryInterpretation = {
      kind: 'query',
      space: space.name,
      query,
      confidence: Math.max(0.5, 1 - typos * 0.1),
      explanation: steps,
    };
    return interpretation;
  }

  return { interpret };
}
