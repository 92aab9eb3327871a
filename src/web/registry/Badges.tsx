import { Badge } from '@mantine/core';
import { useT } from '../i18n';
import { STATE_COLORS, STATUS_COLORS, stateLabel, statusLabel } from './labels';
import type { ApplicationState, RegistryStatus } from './types';

const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

/** Status of a record on a date: active, expired, suspended, excluded, not in the registry. */
export function RegistryStatusBadge({ status, size }: { status: RegistryStatus | string; size?: string }) {
  const t = useT();
  return (
    <Badge
      color={STATUS_COLORS[status as RegistryStatus] ?? 'gray'}
      variant={status === 'active' ? 'filled' : 'light'}
      size={size}
      styles={NO_TRUNCATION}
      style={{ textTransform: 'none' }}
      data-testid="registry-status"
      data-status={status}
    >
      {statusLabel(t, status)}
    </Badge>
  );
}

/** Where an application stands: draft, submitted, returned, rejected, included. */
export function StateBadge({ state }: { state: ApplicationState | string }) {
  const t = useT();
  return (
    <Badge
      color={STATE_COLORS[state as ApplicationState] ?? 'gray'}
      variant="outline"
      styles={NO_TRUNCATION}
      style={{ textTransform: 'none' }}
      data-testid="registry-state"
      data-state={state}
    >
      {stateLabel(t, state)}
    </Badge>
  );
}
