import { Badge, Tooltip } from '@mantine/core';
import type { AnalogType, ProductStatus } from '../http/types';
import { useFormat, useT } from '../i18n';
import { ANALOG_TYPE_KEYS, STATUS_COLORS, statusLabel } from './labels';

/** Badges in table cells keep their full text instead of an ellipsis. */
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

export function AnalogTypeBadge({ type }: { type: AnalogType }) {
  const t = useT();
  const keys = ANALOG_TYPE_KEYS[type];
  if (!keys) return <Badge variant="outline">{type}</Badge>;
  return (
    <Tooltip label={t(keys.hint)} withArrow>
      <Badge color={keys.color} variant="light" styles={NO_TRUNCATION} data-testid="analog-type" data-type={type}>
        {t(keys.label)}
      </Badge>
    </Tooltip>
  );
}

export function VerifiedBadge({ verified, verifiedAt }: { verified: boolean; verifiedAt: string | null }) {
  const t = useT();
  const format = useFormat();
  if (!verified) {
    return (
      <Badge color="orange" variant="outline" styles={NO_TRUNCATION} data-testid="analog-verified" data-verified="false">
        {t('analog.unverified')}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="filled" styles={NO_TRUNCATION} data-testid="analog-verified" data-verified="true">
      {verifiedAt ? t('analog.verifiedAt', { date: format.date(verifiedAt) }) : t('analog.verified')}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string | null }) {
  const t = useT();
  if (!status) return null;
  const color = STATUS_COLORS[status as ProductStatus] ?? 'gray';
  return (
    <Badge color={color} variant="dot" styles={NO_TRUNCATION} style={{ textTransform: 'none' }}>
      {statusLabel(t, status)}
    </Badge>
  );
}
