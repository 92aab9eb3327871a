import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useFormat, useT } from '../i18n';
import type { Demand, OrganizationRef } from './types';

/** An organization with its country, linked to its page. */
export function OrganizationLink({
  organization,
  testId,
}: {
  organization: Pick<OrganizationRef, 'id' | 'name'> & { country?: string | null };
  testId?: string;
}) {
  const format = useFormat();
  return (
    <span data-testid={testId}>
      <Anchor component={Link} to={`/organizations/${organization.id}`}>
        {organization.name}
      </Anchor>
      {organization.country && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({format.country(organization.country)})
        </Text>
      )}
    </span>
  );
}

/** The buyer of a demand, or "name hidden" for an anonymous demand seen by others. */
export function BuyerName({ demand }: { demand: Pick<Demand, 'buyer' | 'buyerHidden'> }) {
  const t = useT();
  if (!demand.buyer)
    return (
      <Text span c="dimmed" fs="italic" data-testid="demand-buyer-hidden">
        {t('exchange.demand.buyerHidden')}
      </Text>
    );
  return <OrganizationLink organization={demand.buyer} testId="demand-buyer" />;
}
