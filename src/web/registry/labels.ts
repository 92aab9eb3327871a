import { OPERATION_CODES, OPERATION_LABELS, type OperationCode } from '../../domain/registry/operations';
import type { LocalizedText } from '../../domain/registry/operations';
import type { Locale, MessageKey, Translate } from '../i18n';
import type { ApplicationState, DecisionKind, RegistryStatus } from './types';

export const REGISTRY_STATUSES: RegistryStatus[] = ['active', 'expired', 'suspended', 'excluded', 'not_in_registry'];
export const REGISTRY_COUNTRIES = ['BY', 'RU'];
/** Countries offered for operations and content shares; any other ISO code can be typed. */
export const OPERATION_COUNTRIES = ['RU', 'BY', 'CN', 'TW', 'KR', 'JP', 'US', 'DE', 'MY', 'KZ', 'AM'];
export const DOCUMENT_KINDS = ['act', 'conclusion', 'st1', 'certificate', 'other'] as const;
export const LEVELS = ['1', '2', '3'];

export const STATUS_COLORS: Record<RegistryStatus, string> = {
  active: 'green',
  expired: 'gray',
  suspended: 'orange',
  excluded: 'red',
  not_in_registry: 'gray',
};

export const STATE_COLORS: Record<ApplicationState, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'yellow',
  rejected: 'red',
  included: 'green',
};

export function statusLabel(t: Translate, status: string): string {
  return (REGISTRY_STATUSES as string[]).includes(status) ? t(`registry.status.${status as RegistryStatus}`) : status;
}

export const APPLICATION_STATES: ApplicationState[] = ['draft', 'submitted', 'returned', 'rejected', 'included'];
export function stateLabel(t: Translate, state: string): string {
  return (APPLICATION_STATES as string[]).includes(state) ? t(`registry.state.${state as ApplicationState}`) : state;
}

const EVENT_KINDS = ['apply', 'edit', 'submit', 'return', 'reject', 'include', 'renew', 'suspend', 'resume', 'exclude', 'document', 'import'] as const;
export function eventLabel(t: Translate, kind: string): string {
  return (EVENT_KINDS as readonly string[]).includes(kind) ? t(`registry.event.${kind as (typeof EVENT_KINDS)[number]}`) : kind;
}

export function decisionLabel(t: Translate, kind: DecisionKind): string {
  return t(`registry.decision.${kind}`);
}

export function documentKindLabel(t: Translate, kind: string): string {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind) ? t(`registry.documentKind.${kind as (typeof DOCUMENT_KINDS)[number]}`) : kind;
}

/** Texts from the server come in Russian and English; Belarusian reads the Russian. */
export function localText(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'en' ? text.en || text.ru : text.ru || text.en;
}

export const OPERATION_OPTIONS = OPERATION_CODES;
export function operationLabel(code: string, locale: Locale): string {
  return code in OPERATION_LABELS ? localText(OPERATION_LABELS[code as OperationCode], locale) : code;
}

export const OUTCOME_KEYS: Record<string, MessageKey> = {
  qualified: 'registry.outcome.qualified',
  not_qualified: 'registry.outcome.not_qualified',
  incomplete: 'registry.outcome.incomplete',
};
export const OUTCOME_COLORS: Record<string, string> = { qualified: 'green', not_qualified: 'red', incomplete: 'yellow' };

/** Today in the browser's time zone, YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
