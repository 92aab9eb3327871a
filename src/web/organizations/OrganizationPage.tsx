import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Organization } from '../http/types';
import { useFormat, useT } from '../i18n';
import { DetailList } from '../ui/DetailList';
import { NotFound } from '../ui/NotFound';
import { QueryContent } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { useOrganization } from './api';
import { MakerProducts } from './MakerProducts';
import { WebsiteLink } from './WebsiteLink';

export function OrganizationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = useOrganization(id);
  usePageTitle(query.data ? query.data.shortName || query.data.name : t('nav.organizations'));
  return (
    <QueryContent query={query} notFound={<NotFound message={t('org.notFound')} />}>
      {(org) => <OrganizationView org={org} />}
    </QueryContent>
  );
}

function OrganizationView({ org }: { org: Organization }) {
  const t = useT();
  const format = useFormat();
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/organizations">
          {t('nav.organizations')}
        </Anchor>
        <Text>{org.shortName || org.name}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm">
          <Title order={1} data-testid="organization-name">
            {org.shortName || org.name}
          </Title>
          {org.country && <Badge variant="light">{format.country(org.country)}</Badge>}
        </Group>
        {org.shortName && org.shortName !== org.name && <Text c="dimmed">{org.name}</Text>}
      </div>
      <Paper withBorder p="lg" radius="md">
        <DetailList
          items={[
            { label: t('org.name'), value: org.name },
            { label: t('org.shortName'), value: org.shortName },
            { label: t('org.country'), value: format.country(org.country) },
            { label: t('org.region'), value: org.region },
            ...(org.unp ? [{ label: t('org.unp'), value: org.unp }] : []),
            ...(org.inn ? [{ label: t('org.inn'), value: org.inn }] : []),
            ...(org.ogrn ? [{ label: t('org.ogrn'), value: org.ogrn }] : []),
            { label: t('org.website'), value: org.website && <WebsiteLink url={org.website} /> },
            { label: t('org.description'), value: org.description },
            {
              label: t('exchange.cooperation.title'),
              value: (
                <Anchor component={Link} to={`/exchange/cooperation/${org.id}`} data-testid="organization-cooperation">
                  {t('exchange.nav.cooperation')}
                </Anchor>
              ),
            },
          ]}
        />
      </Paper>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} size="h3">
            {t('org.products')}
          </Title>
          <Badge variant="light" color="gray">
            {format.number(org.productCount)}
          </Badge>
        </Group>
        <MakerProducts makerId={org.id} />
      </Stack>
    </Stack>
  );
}
