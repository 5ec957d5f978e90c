import type { SemanticQuery } from '../semantic/types';

/** How one part of a question was read: the words, and what they became. */
export interface ReadingStep {
  /** The words of the question, as typed ("sales", "last 30 days"). */
  words: string;
  /** What they were read as ("Revenue (sum of revenue)", "2025-12-02 to 2025-12-31"). */
  meaning: string;
}

/** A question read as a query on one space. */
export interface QueryInterpretation {
  kind: 'query';
  /** The space's name. */
  space: string;
  query: SemanticQuery;
  /** 0.5 to 1: 1 when every word was read as written, 0.1 less for each misspelt word read as a near one. */
  confidence: number;
  /** How each part of the question was read, in order. */
  explanation: readonly ReadingStep[];
  /**
   * A second query answered with the first as one chart ("revenue vs target": sales and targets over the same
   * period and grain).
   */
  compare?: { space: string; query: SemanticQuery };
  /**
   * `'drivers'`: what drove a change ("what drove the change in revenue this month"): the query's period against
   * the one before, broken down by each dimension of the space.
   */
  analysis?: 'drivers';
  /** Other readings that fit, best first. */
  alternatives?: readonly { space: string; query: SemanticQuery }[];
  /** The answer was asked for as a table ("as a table"). */
  view?: 'table';
}

/** A question the interpreter partly understood, or that fits more than one reading. */
export interface ClarifyInterpretation {
  kind: 'clarify';
  message: string;
  /** Questions it can answer, close to the one asked. */
  suggestions: string[];
}

/** A question out of scope: a change to data, SQL or instructions, or things the spaces do not hold. */
export interface UnsupportedInterpretation {
  kind: 'unsupported';
  message: string;
  suggestions: string[];
}

export type Interpretation = QueryInterpretation | ClarifyInterpretation | UnsupportedInterpretation;

/** Each dimension's distinct values, by space and dimension name (`loadDimensionValues` builds it). */
export type DimensionValues = Readonly<Record<string, Readonly<Record<string, readonly (string | boolean)[]>>>>;
