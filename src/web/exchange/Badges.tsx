import { Badge, Tooltip } from '@mantine/core';
import { useT } from '../i18n';
import {
  DELIVERY_STATUS_COLORS,
  DEMAND_STATUS_COLORS,
  deliveryStatusLabel,
  demandStatusLabel,
  OFFER_STATUS_COLORS,
  offerStatusLabel,
  VISIBILITY_KEYS,
  visibilityLabel,
} from './labels';
import type { DeliveryStatus, DemandStatus, OfferStatus, Visibility } from './types';

const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

export function DemandStatusBadge({ status }: { status: DemandStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={DEMAND_STATUS_COLORS[status] ?? 'gray'} styles={NO_TRUNCATION} data-testid="demand-status" data-status={status}>
      {demandStatusLabel(t, status)}
    </Badge>
  );
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const t = useT();
  const keys = VISIBILITY_KEYS[visibility];
  return (
    <Tooltip label={keys ? t(keys.hint) : visibility} withArrow multiline w={260}>
      <Badge variant="outline" color="gray" styles={NO_TRUNCATION} data-testid="demand-visibility" data-visibility={visibility}>
        {visibilityLabel(t, visibility)}
      </Badge>
    </Tooltip>
  );
}

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={OFFER_STATUS_COLORS[status] ?? 'gray'} styles={NO_TRUNCATION} data-testid="offer-status" data-status={status}>
      {offerStatusLabel(t, status)}
    </Badge>
  );
}

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={DELIVERY_STATUS_COLORS[status] ?? 'gray'} styles={NO_TRUNCATION} data-testid="delivery-status" data-status={status}>
      {deliveryStatusLabel(t, status)}
    </Badge>
  );
}

/** Marks rows of the synthetic demo batch (demo mode), so they are never taken for real data. */
export function DemoBadge() {
  const t = useT();
  return (
    <Tooltip label={t('exchange.demoHint')} withArrow multiline w={260}>
      <Badge size="xs" color="yellow" variant="light" styles={NO_TRUNCATION} data-testid="demo-badge">
        {t('exchange.demo')}
      </Badge>
    </Tooltip>
  );
}
