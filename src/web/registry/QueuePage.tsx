import { Alert, Stack, Text } from '@mantine/core';
import { RequireUser } from '../auth/RequireUser';
import { useCurrentUser } from '../auth/api';
import { useFormat, useT } from '../i18n';
import { ListHeader } from '../ui/ListHeader';
import { PagedResult } from '../ui/PagedResult';
import { PAGE_SIZE, useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { useQueue } from './api';
import { RecordTable } from './RegistryListPage';
import { isOperator, RegistryNav } from './RegistryNav';

const NO_FILTERS: readonly never[] = [];

/** Submitted applications of the operator's country, oldest first. */
export function QueuePage() {
  return (
    <RequireUser>
      <Queue />
    </RequireUser>
  );
}

function Queue() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('registry.queue.title'));
  const user = useCurrentUser();
  const list = useListParams(NO_FILTERS, NO_FILTERS);
  const allowed = isOperator(user);
  const query = useQueue(list.page, PAGE_SIZE);
  return (
    <Stack gap="md">
      <RegistryNav />
      <ListHeader title={t('registry.queue.title')} total={allowed ? query.data?.total : undefined} testId="queue-total" />
      {!allowed ? (
        <Alert color="yellow">{t('registry.queue.operatorsOnly')}</Alert>
      ) : (
        <>
          <Text c="dimmed" size="sm">
            {user?.operatorCountry ? t('registry.queue.intro', { country: format.country(user.operatorCountry) }) : t('registry.queue.introAll')}
          </Text>
          <PagedResult query={query} page={list.page} onPage={list.setPage} emptyText={t('registry.queue.empty')}>
            {(items) => <RecordTable items={items} showState />}
          </PagedResult>
        </>
      )}
    </Stack>
  );
}
