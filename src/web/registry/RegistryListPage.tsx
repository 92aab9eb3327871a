import { Anchor, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { CategorySelect } from '../catalogue/CategorySelect';
import { useCurrentUser } from '../auth/api';
import { useFormat, useLocale, useT } from '../i18n';
import { CommitTextInput } from '../ui/CommitTextInput';
import { ListHeader } from '../ui/ListHeader';
import { PagedResult } from '../ui/PagedResult';
import { PAGE_SIZE, useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { useRecords, useRuleSets } from './api';
import { RegistryStatusBadge, StateBadge } from './Badges';
import { APPLICATION_STATES, LEVELS, localText, REGISTRY_COUNTRIES, REGISTRY_STATUSES, stateLabel, statusLabel, todayIso } from './labels';
import { RegistryNav } from './RegistryNav';
import type { RecordSummary } from './types';

export const REGISTRY_FILTERS = ['q', 'date', 'status', 'country', 'level', 'ruleSet', 'category', 'origin', 'state'] as const;
const NO_SORT: readonly never[] = [];

export function RegistryListPage() {
  const t = useT();
  usePageTitle(t('registry.list.title'));
  const list = useListParams(REGISTRY_FILTERS, NO_SORT);
  const date = list.filters.date || todayIso();
  const query = useRecords({ ...list.filters, date, page: list.page, pageSize: PAGE_SIZE });
  const user = useCurrentUser();

  return (
    <Stack gap="md">
      <RegistryNav />
      <ListHeader title={t('registry.list.title')} total={query.data?.total} testId="registry-total" />
      <Text c="dimmed" size="sm">
        {t('registry.list.intro')}
      </Text>
      <Group justify="space-between" data-print="hide">
        {user && user.memberships.length > 0 ? (
          <Button component={Link} to="/registry/apply" data-testid="registry-apply-link">
            {t('registry.apply.start')}
          </Button>
        ) : (
          <span />
        )}
        <Anchor href="/api/registry/export/gisp.csv" download size="sm" data-testid="registry-export">
          {t('registry.list.export')}
        </Anchor>
      </Group>
      <RegistryFilters filters={list.filters} date={date} onChange={list.setFilters} onReset={list.resetFilters} hasFilters={list.hasFilters} />
      <PagedResult query={query} page={list.page} onPage={list.setPage}>
        {(items) => <RecordTable items={items} />}
      </PagedResult>
    </Stack>
  );
}

type FilterName = (typeof REGISTRY_FILTERS)[number];

function RegistryFilters({
  filters,
  date,
  onChange,
  onReset,
  hasFilters,
}: {
  filters: Record<FilterName, string>;
  date: string;
  onChange: (changes: Partial<Record<FilterName, string | null>>) => void;
  onReset: () => void;
  hasFilters: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const ruleSets = useRuleSets();
  const user = useCurrentUser();
  const codes = [...new Map((ruleSets.data ?? []).filter((r) => r.definition.kind !== 'recognition').map((r) => [r.code, r])).values()];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs" data-testid="registry-filters">
      <CommitTextInput
        label={t('registry.filter.q')}
        placeholder={t('registry.filter.qPlaceholder')}
        value={filters.q}
        onCommit={(q) => onChange({ q })}
        data-testid="registry-filter-q"
      />
      <TextInput
        type="date"
        label={t('registry.filter.date')}
        value={date}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ date: value && value !== todayIso() ? value : null });
        }}
        data-testid="registry-filter-date"
      />
      <Select
        label={t('registry.filter.status')}
        placeholder={t('common.all')}
        clearable
        data={REGISTRY_STATUSES.map((value) => ({ value, label: statusLabel(t, value) }))}
        value={filters.status || null}
        onChange={(status) => onChange({ status })}
        data-testid="registry-filter-status"
      />
      <Select
        label={t('registry.filter.country')}
        placeholder={t('common.all')}
        clearable
        data={REGISTRY_COUNTRIES.map((value) => ({ value, label: format.country(value) }))}
        value={filters.country || null}
        onChange={(country) => onChange({ country })}
        data-testid="registry-filter-country"
      />
      <Select
        label={t('registry.filter.level')}
        placeholder={t('common.all')}
        clearable
        data={LEVELS.map((value) => ({ value, label: t('registry.levelN', { level: value }) }))}
        value={filters.level || null}
        onChange={(level) => onChange({ level })}
        data-testid="registry-filter-level"
      />
      <Select
        label={t('registry.filter.ruleSet')}
        placeholder={t('common.all')}
        clearable
        data={codes.map((r) => ({ value: r.code, label: localText(r.title, locale) }))}
        value={filters.ruleSet || null}
        onChange={(ruleSet) => onChange({ ruleSet })}
        comboboxProps={{ width: 420, position: 'bottom-start' }}
        data-testid="registry-filter-rule-set"
      />
      <CategorySelect value={filters.category} onChange={(category) => onChange({ category })} />
      {user && (
        <Select
          label={t('registry.filter.state')}
          description={t('registry.filter.stateHint')}
          placeholder={t('common.all')}
          clearable
          data={APPLICATION_STATES.map((value) => ({ value, label: stateLabel(t, value) }))}
          value={filters.state || null}
          onChange={(state) => onChange({ state })}
          data-testid="registry-filter-state"
        />
      )}
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Select
          label={t('registry.filter.origin')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'reestr', label: t('registry.origin.reestr') },
            { value: 'gisp', label: t('registry.origin.gisp') },
          ]}
          value={filters.origin || null}
          onChange={(origin) => onChange({ origin })}
          data-testid="registry-filter-origin"
          style={{ flex: 1 }}
        />
        {hasFilters && (
          <Button variant="subtle" onClick={onReset} data-testid="registry-filter-reset">
            {t('common.resetFilters')}
          </Button>
        )}
      </Group>
    </SimpleGrid>
  );
}

export function RecordTable({ items, showState = false }: { items: RecordSummary[]; showState?: boolean }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="registry-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('registry.number')}</Table.Th>
            <Table.Th>{t('registry.product')}</Table.Th>
            <Table.Th>{t('registry.maker')}</Table.Th>
            <Table.Th>{t('registry.levelPoints')}</Table.Th>
            <Table.Th>{t('registry.ruleSet')}</Table.Th>
            <Table.Th>{t('registry.status')}</Table.Th>
            <Table.Th>{t('registry.validTill')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-testid="registry-row" data-id={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/registry/${r.id}`} ff="monospace" data-testid="registry-row-link">
                  {r.number ?? t('registry.applicationN', { id: r.id })}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ maxWidth: 320 }}>
                <Text size="sm" lineClamp={2}>
                  {r.productName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.makerName}</Text>
                <Text size="xs" c="dimmed">
                  {format.country(r.country)}
                  {r.makerInn ? ` · ${t('org.inn')} ${r.makerInn}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{levelText(t, r.level, r.points)}</Table.Td>
              <Table.Td style={{ maxWidth: 240 }}>
                <Text size="xs" lineClamp={2}>
                  {r.ruleSet ? localText(r.ruleSet.title, locale) : r.origin === 'gisp' ? t('registry.origin.gisp') : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {(showState || r.state !== 'included') && <StateBadge state={r.state} />}
                  {r.state === 'included' && <RegistryStatusBadge status={r.status} />}
                </Group>
              </Table.Td>
              <Table.Td>{format.date(r.endDate ?? r.validTill)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function levelText(t: ReturnType<typeof useT>, level: number | null, points: number | null): string {
  const parts: string[] = [];
  if (level !== null) parts.push(t('registry.levelN', { level }));
  if (points !== null) parts.push(t('registry.pointsN', { points }));
  return parts.join(', ');
}
