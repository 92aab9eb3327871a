import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { User } from '../http/types';
import { useFormat, useT } from '../i18n';
import { DetailList } from '../ui/DetailList';
import { usePageTitle } from '../ui/usePageTitle';
import { useCurrentUser } from './api';
import { RequireUser } from './RequireUser';
import { TokensPanel } from './TokensPanel';

export function AccountPage() {
  return (
    <RequireUser>
      <Account />
    </RequireUser>
  );
}

function Account() {
  const t = useT();
  usePageTitle(t('account.title'));
  const user = useCurrentUser();
  if (!user) return null;
  return (
    <Stack gap="xl">
      <Title order={1}>{t('account.title')}</Title>
      <UserDetails user={user} />
      <TokensPanel />
    </Stack>
  );
}

function UserDetails({ user }: { user: User }) {
  const t = useT();
  const format = useFormat();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="account-details">
      <DetailList
        items={[
          { label: t('account.name'), value: user.name, testId: 'account-name' },
          { label: t('account.email'), value: user.email },
          { label: t('account.role'), value: t(`role.${user.role}`) },
          ...(user.operatorCountry ? [{ label: t('account.operatorCountry'), value: format.country(user.operatorCountry) }] : []),
          { label: t('account.memberships'), value: <Memberships user={user} /> },
        ]}
      />
    </Paper>
  );
}

function Memberships({ user }: { user: User }) {
  const t = useT();
  if (user.memberships.length === 0) return <Text c="dimmed">{t('account.noMemberships')}</Text>;
  return (
    <Stack gap={4}>
      {user.memberships.map((membership) => (
        <Group key={membership.organizationId} gap="xs">
          <Anchor component={Link} to={`/organizations/${membership.organizationId}`}>
            {membership.organizationName}
          </Anchor>
          <Badge variant="light" size="sm">
            {t(`membership.${membership.role}`)}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
