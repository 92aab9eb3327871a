import type { AnalogType, ProductStatus, QualityLevel } from '../http/types';
import type { MessageKey, Translate } from '../i18n';

export const PRODUCT_STATUSES: ProductStatus[] = ['in_production', 'development', 'discontinued'];
export const QUALITY_LEVELS: QualityLevel[] = ['commercial', 'industrial', 'otk', 'military'];
export const MAKER_COUNTRIES = ['BY', 'RU'];

const STATUS_KEYS: Record<ProductStatus, MessageKey> = {
  in_production: 'status.in_production',
  development: 'status.development',
  discontinued: 'status.discontinued',
};

const QUALITY_KEYS: Record<QualityLevel, MessageKey> = {
  commercial: 'quality.commercial',
  industrial: 'quality.industrial',
  otk: 'quality.otk',
  military: 'quality.military',
};

export const ANALOG_TYPE_KEYS: Record<AnalogType, { label: MessageKey; hint: MessageKey; color: string }> = {
  full: { label: 'analog.type.full', hint: 'analog.type.full.hint', color: 'green' },
  functional: { label: 'analog.type.functional', hint: 'analog.type.functional.hint', color: 'blue' },
  partial: { label: 'analog.type.partial', hint: 'analog.type.partial.hint', color: 'gray' },
};

/** Status label; unknown codes from the server are shown as they are. */
export function statusLabel(t: Translate, status: string | null): string {
  if (!status) return '';
  return status in STATUS_KEYS ? t(STATUS_KEYS[status as ProductStatus]) : status;
}

export function qualityLabel(t: Translate, level: string | null): string {
  if (!level) return '';
  return level in QUALITY_KEYS ? t(QUALITY_KEYS[level as QualityLevel]) : level;
}

export const STATUS_COLORS: Record<ProductStatus, string> = {
  in_production: 'green',
  development: 'yellow',
  discontinued: 'gray',
};
