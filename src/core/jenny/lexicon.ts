import type { SemanticSpace } from '../semantic/define';
import type { DimensionValues } from './types';

/** A word of a question, where it stands, and its stem (the key the lexicon is looked up by). */
export interface Word {
  /** As typed. */
  text: string;
  /** Lower case, without accents: what is compared. */
  plain: string;
  stem: string;
  /** The lexicon word a misspelt word was read as ("avergae" as "average"). */
  corrected?: string;
  start: number;
  end: number;
}

/** Something a space holds that words can name. */
export type Concept =
  /** `soft`: named by a verb ("sold"), which gives way to a measure the question names. */
  | { kind: 'metric'; space: string; name: string; label: string; soft?: boolean }
  | { kind: 'dimension'; space: string; name: string; label: string }
  /** `partial`: the first word of a longer value ("North" of "North Luzon"). */
  | { kind: 'value'; space: string; dimension: string; value: string | boolean; label: string; partial?: boolean };

/** Every phrase the spaces define (names, labels, synonyms, values), by the stems of its words. */
export interface Lexicon {
  /** Phrases by their stems joined with spaces. */
  phrases: ReadonlyMap<string, readonly Concept[]>;
  /** The longest phrase, in words. */
  longest: number;
  /** The words of every phrase with five or more letters (stems): the ones a typo may be read as. */
  fuzzy: readonly string[];
  /** Every word of every phrase (stems). */
  vocabulary: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents (Nestlé → nestle), so a question typed on any keyboard matches. */
export function plain(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A light English stem, enough to meet plurals halfway: stores → store, categories → category, taxes → tax,
 * sales → sale. Words of three letters or fewer, and those ending in ss, us or is, are kept.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** The words of a text with their places (letters and digits; anything else separates words). */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = plain(match[0]);
    // Apostrophes split words: "max's" gives "max" and "s"; a lone "s" says nothing.
    if (word === 's') continue;
    words.push({
      text: match[0],
      plain: word,
      stem: stem(word),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return words;
}

/** The lexicon key of a phrase: its words' stems. */
export const keyOf = (phrase: string): string =>
  wordsOf(phrase)
    .map((word) => word.stem)
    .join(' ');

/**
 * Builds the lexicon of the spaces: each metric and dimension by its name (underscores as spaces), label and
 * synonyms; each dimension value of `values`. A phrase may name several concepts (revenue in two spaces).
 */
export function buildLexicon(spaces: readonly SemanticSpace[], values: DimensionValues = {}): Lexicon {
  const phrases = new Map<string, Concept[]>();
  let longest = 1;
  const add = (phrase: string, concept: Concept) => {
    const key = keyOf(phrase);
    if (!key) return;
    longest = Math.max(longest, key.split(' ').length);
    const list = phrases.get(key) ?? [];
    const same = list.some(
      (c) =>
        c.kind === concept.kind &&
        c.space === concept.space &&
        (c.kind === 'value' && concept.kind === 'value'
          ? c.dimension === concept.dimension && c.value === concept.value
          : 'name' in c && 'name' in concept && c.name === concept.name),
    );
    if (same) return;
    // In a space, a whole phrase outranks a partial one and a verb: "north" names North Luzon only if nothing
    // else there is named north.
    const weak = (c: Concept) => (c.kind === 'value' && c.partial) || (c.kind === 'metric' && c.soft);
    const rivals = list.filter((c) => c.space === concept.space);
    if (weak(concept) && rivals.some((c) => !weak(c))) return;
    if (!weak(concept)) {
      for (let i = list.length - 1; i >= 0; i--) {
        const c = list[i] as Concept;
        if (c.space === concept.space && weak(c)) list.splice(i, 1);
      }
    }
    list.push(concept);
    phrases.set(key, list);
  };
  /** A metric or dimension, by its name (underscores as spaces), label and synonyms. */
  const addNamed = (
    kind: 'metric' | 'dimension',
    space: string,
    item: { name: string; label?: string; synonyms?: readonly string[] },
  ) => {
    const concept = { kind, space, name: item.name, label: item.label ?? item.name };
    for (const phrase of [item.name.replace(/_/g, ' '), item.label ?? '', ...(item.synonyms ?? [])])
      add(phrase, concept);
    return concept;
  };
  for (const space of spaces) {
    for (const metric of space.metrics) {
      const concept = addNamed('metric', space.name, metric);
      for (const verb of metric.verbs ?? []) add(verb, { ...concept, kind: 'metric', soft: true });
    }
    for (const dimension of space.dimensions) {
      addNamed('dimension', space.name, dimension);
      const known = (values[space.name]?.[dimension.name] ?? []).filter((v): v is string => typeof v === 'string');
      for (const value of known) {
        const concept: Concept = { kind: 'value', space: space.name, dimension: dimension.name, value, label: value };
        add(value, concept);
        for (const synonym of dimension.valueSynonyms?.[value] ?? []) add(synonym, concept);
      }
      // The first word of a longer value names it when no other value of the dimension starts so.
      const firsts = new Map<string, string[]>();
      for (const value of known) {
        const words = wordsOf(value);
        const first = words[0];
        if (words.length < 2 || !first || first.plain.length < 4 || /\d/.test(first.plain)) continue;
        firsts.set(first.stem, [...(firsts.get(first.stem) ?? []), value]);
      }
      for (const [first, owners] of firsts) {
        const value = owners[0] as string;
        if (owners.length !== 1) continue;
        add(first, { kind: 'value', space: space.name, dimension: dimension.name, value, label: value, partial: true });
      }
    }
  }
  const vocabulary = new Set([...phrases.keys()].flatMap((key) => key.split(' ')));
  const fuzzy = [...vocabulary].filter((word) => word.length >= 5);
  return { phrases, longest, fuzzy, vocabulary };
}

/**
 * Whether `a` and `b` are within `max` edits (insertions, deletions, substitutions, or swaps of two neighbouring
 * letters). Written here rather than taken from a package: it is a dozen lines, it stops as soon as a row exceeds
 * `max`, and the packages at hand count a swap as two edits.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    before = previous;
    previous = row;
  }
  return (previous[b.length] as number) <= max;
}
