import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RegistryRef } from '../http/types';
import { RegistryStatusBadge } from '../registry/Badges';
import { useT } from '../i18n';

/**
 * Registry status of a product type today with its registry number (linking to the record), for search hits and
 * BOM candidates. Nothing is shown for a product type that no registry record lists.
 */
export function RegistryRefBadge({ registry, size = 'sm' }: { registry: RegistryRef | undefined; size?: string }) {
  const t = useT();
  if (!registry || registry.status === 'not_in_registry') return null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="registry-ref" data-status={registry.status} aria-label={t('search.registry.label')}>
      <RegistryStatusBadge status={registry.status} size={size} />
      {registry.number &&
        (registry.recordId ? (
          <Anchor component={Link} to={`/registry/${registry.recordId}`} size="xs" ff="monospace">
            {registry.number}
          </Anchor>
        ) : (
          <Text span size="xs" ff="monospace">
            {registry.number}
          </Text>
        ))}
    </Group>
  );
}
