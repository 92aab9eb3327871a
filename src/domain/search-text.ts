/**
 * Full-text search over function texts and descriptions with Russian morphology: words are reduced to
 * their Snowball stems here, in one place, so that SQLite (FTS5) and PostgreSQL (tsvector 'simple') index and
 * query exactly the same tokens ("операционные усилители" finds "операционный усилитель").
 */
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as english } from '@orama/stemmers/english';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased stems of the words of a text, ё folded to е, in order, duplicates removed. */
export function stems(text: string | null | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const match of text.toLowerCase().replace(/ё/g, 'е').matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 && !/\d/.test(word)) continue;
    out.add(/[а-я]/.test(word) ? russian(word) : /^[a-z]+$/.test(word) ? english(word) : word);
  }
  return [...out];
}

/** The text stored in the search_stems column. */
export function searchStems(...texts: (string | null | undefined)[]): string {
  return [...new Set(texts.flatMap(stems))].join(' ');
}
