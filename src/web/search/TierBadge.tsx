import { Badge, Group, Text } from '@mantine/core';
import type { SearchTier } from '../http/types';
import { useT } from '../i18n';
import { TIERS, tierLabel } from './labels';

/** How the hit was found; colour by strength. */
export function TierBadge({ tier, size = 'sm' }: { tier: SearchTier; size?: 'xs' | 'sm' }) {
  const t = useT();
  return (
    <Badge
      size={size}
      variant="light"
      color={TIERS[tier]?.color ?? 'gray'}
      styles={{ root: { textTransform: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
      data-testid="tier-badge"
      data-tier={tier}
    >
      {tierLabel(t, tier)}
    </Badge>
  );
}

/** The tier badge and, for anything but an exact match, the reminder that this is only a candidate. */
export function TierWithHint({ tier }: { tier: SearchTier }) {
  const t = useT();
  return (
    <Group gap={6}>
      <TierBadge tier={tier} />
      {tier !== 'exact' && (
        <Text size="xs" c="dimmed" fs="italic" data-testid="tier-hint">
          {t('search.candidateHint')}
        </Text>
      )}
    </Group>
  );
}
