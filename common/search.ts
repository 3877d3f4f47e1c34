// Find in all posts: what a full-text search over the workspace returns.

/** One place a post's text matches, with the line around it for a snippet. */
export interface TextMatch {
  /** 1-based line and column of the match's first character, in the text the editor loads. */
  line: number;
  column: number;
  /** The match's length in characters (its case may differ from the query's). */
  length: number;
  /** The snippet: some of the line before the match, the match, some after. */
  before: string;
  match: string;
  after: string;
}

export interface PostHit {
  id: string;
  path: string;
  /** The first few matches, in text order. */
  matches: TextMatch[];
  /** How many times the post matches (counted up to MAX_COUNTED). */
  count: number;
}

export interface SearchResult {
  /** Most matches first, then by path; at most MAX_HITS. */
  hits: PostHit[];
  /** How many posts match in all, even past MAX_HITS. */
  total: number;
  /** How many posts were searched. */
  searched: number;
}

export const MAX_HITS = 200;
export const MATCHES_PER_HIT = 3;
export const MAX_COUNTED = 99;
