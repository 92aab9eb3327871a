import type { ru } from './dictionaries/ru';

export type Locale = 'ru' | 'be' | 'en';

/** Every message key, taken from the Russian reference dictionary. */
export type MessageKey = keyof typeof ru;

/** A complete dictionary: every key, no extras (object literals are checked for both). */
export type Dictionary = Record<MessageKey, string>;

export type MessageParams = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: MessageParams) => string;
