import type { SearchNote, SearchTier, SuggestionKind } from '../http/types';
import type { MessageKey, Translate } from '../i18n';

/** Tier label and colour by strength: exact/normalised green, base/family yellow-orange, prefix/fuzzy grey, fulltext/parametric blue. */
export const TIERS: Record<SearchTier, { label: MessageKey; color: string }> = {
  exact: { label: 'search.tier.exact', color: 'green' },
  normalised: { label: 'search.tier.normalised', color: 'green' },
  base: { label: 'search.tier.base', color: 'yellow' },
  family: { label: 'search.tier.family', color: 'orange' },
  prefix: { label: 'search.tier.prefix', color: 'gray' },
  fuzzy: { label: 'search.tier.fuzzy', color: 'gray' },
  fulltext: { label: 'search.tier.fulltext', color: 'blue' },
  parametric: { label: 'search.tier.parametric', color: 'blue' },
};

export function tierLabel(t: Translate, tier: string): string {
  return tier in TIERS ? t(TIERS[tier as SearchTier].label) : tier;
}

const NOTE_KEYS: Record<SearchNote['code'], MessageKey> = {
  logic_family: 'search.note.logic_family',
  temperature_range: 'search.note.temperature_range',
  suffix_stripped: 'search.note.suffix_stripped',
  variant: 'search.note.variant',
  similar: 'search.note.similar',
  text_match: 'search.note.text_match',
  parameter_match: 'search.note.parameter_match',
  latin_form: 'search.note.latin_form',
  lookalike_letters: 'search.note.lookalike_letters',
};

/** Notes that say the hit differs from what was asked (shown in orange); the others say how it was found. */
export const DIFFERENCE_NOTES: ReadonlySet<string> = new Set(['logic_family', 'temperature_range', 'variant', 'suffix_stripped']);

/** A note of the server as a localized phrase; an unknown code is shown as it is. */
export function noteText(t: Translate, note: SearchNote): string {
  let key = NOTE_KEYS[note.code];
  if (!key) return note.code;
  // An empty value (e.g. no prefix letters at all) reads as a dash.
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(note.params ?? {})) params[name] = value === '' ? '—' : value;
  if (note.code === 'variant' && !note.params?.found && note.params?.query) key = 'search.note.variantWithout';
  // Without the prefixes (as the BOM matcher sends it) there is nothing to compare: just say it is another variant.
  if (note.code === 'variant' && !note.params?.found && !note.params?.query) key = 'search.note.variantOther';
  if (note.code === 'similar') {
    const similarity = Number(note.params?.similarity);
    params.percent = Number.isFinite(similarity) ? String(Math.round(similarity * 100)) : '?';
  }
  return t(key, params).replace(/\{\w+\}/g, '?');
}

const PAGE_BY_KIND: Record<SuggestionKind, string> = {
  productType: '/products/',
  foreignPart: '/foreign-parts/',
  organization: '/organizations/',
};

export function suggestionPath(kind: SuggestionKind, id: number): string {
  return `${PAGE_BY_KIND[kind]}${id}`;
}

export function searchPath(q: string): string {
  const text = q.trim();
  return text ? `/search?q=${encodeURIComponent(text)}` : '/search';
}

/** `>=` as `≥` for reading. */
export const OPERATOR_SIGNS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };
