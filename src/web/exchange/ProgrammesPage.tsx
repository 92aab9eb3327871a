import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/api';
import { useFormat, useT } from '../i18n';
import { ListHeader } from '../ui/ListHeader';
import { ErrorAlert } from '../ui/QueryStates';
import { PagedResult } from '../ui/PagedResult';
import { PAGE_SIZE, useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { programmesExportUrl, useDeleteProgramme, useProgrammes } from './api';
import { DemoBadge } from './Badges';
import { ExchangeNav } from './ExchangeNav';
import { isOperatorOrAdmin, PROGRAMME_STATES, programmeStateLabel } from './labels';
import { ProgrammeForm } from './ProgrammeForm';
import type { Programme } from './types';

const FILTERS = ['state', 'year'] as const;
const NO_SORT: readonly never[] = [];

/** `/exchange/programmes`: state-support programmes by state and year (the yearly list of a state), downloadable. */
export function ProgrammesPage() {
  const t = useT();
  usePageTitle(t('exchange.programmes.title'));
  const list = useListParams(FILTERS, NO_SORT);
  const filters = { state: list.filters.state || undefined, year: list.filters.year || undefined };
  const query = useProgrammes(filters, list.page, PAGE_SIZE);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 16 }, (_, i) => String(thisYear + 5 - i));
  const mayManage = isOperatorOrAdmin(useCurrentUser());
  // null: closed; 'new': a new programme; else the programme being changed
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);

  return (
    <Stack gap="md">
      <ExchangeNav />
      <ListHeader title={t('exchange.programmes.title')} total={query.data?.total} testId="programmes-total" />
      <Text c="dimmed" size="sm">
        {t('exchange.programmes.intro')}
      </Text>
      <Group justify="space-between" align="flex-end">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" w={{ base: '100%', sm: 520 }}>
          <Select
            label={t('exchange.programmes.state')}
            placeholder={t('common.all')}
            clearable
            data={PROGRAMME_STATES.map((value) => ({ value, label: programmeStateLabel(t, value) }))}
            value={list.filters.state || null}
            onChange={(state) => list.setFilters({ state })}
            data-testid="programmes-filter-state"
          />
          <Select
            label={t('exchange.programmes.year')}
            placeholder={t('common.all')}
            clearable
            data={years}
            value={list.filters.year || null}
            onChange={(year) => list.setFilters({ year })}
            data-testid="programmes-filter-year"
          />
        </SimpleGrid>
        <Group gap="xs" data-print="hide">
          {mayManage && (
            <Button onClick={() => setEditing('new')} data-testid="programme-add">
              {t('exchange.programmes.add')}
            </Button>
          )}
          <Button component="a" href={programmesExportUrl(filters, 'xlsx')} download variant="default" data-testid="programmes-xlsx">
            XLSX
          </Button>
          <Button component="a" href={programmesExportUrl(filters, 'csv')} download variant="default" data-testid="programmes-csv">
            CSV
          </Button>
        </Group>
      </Group>
      <PagedResult query={query} page={list.page} onPage={list.setPage} emptyText={t('exchange.programmes.empty')}>
        {(items) => (
          <Stack gap="sm" data-testid="programme-list">
            {items.map((p) => (
              <ProgrammeCard key={p.id} programme={p} onEdit={mayManage ? () => setEditing(p) : undefined} />
            ))}
          </Stack>
        )}
      </PagedResult>
      {editing && <ProgrammeForm programme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ProgrammeCard({ programme: p, onEdit }: { programme: Programme; onEdit?: () => void }) {
  const t = useT();
  const format = useFormat();
  const remove = useDeleteProgramme();
  return (
    <Paper withBorder radius="md" p="md" data-testid="programme" data-id={p.id} data-state={p.state}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            {p.name}
          </Title>
          <Group gap={4} wrap="nowrap">
            {p.demo && <DemoBadge />}
            <Badge variant="light">{programmeStateLabel(t, p.state)}</Badge>
            <Badge variant="outline" color="gray">
              {p.yearFrom === p.yearTo ? p.yearFrom : `${p.yearFrom}–${p.yearTo}`}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {p.ownerBody}
        </Text>
        {p.description && <Text size="sm">{p.description}</Text>}
        {onEdit && (
          <Group gap="xs" data-print="hide">
            <Button size="compact-xs" variant="light" onClick={onEdit} data-testid="programme-edit">
              {t('exchange.demand.edit')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(p.id)}
              data-testid="programme-delete"
            >
              {t('exchange.cooperation.remove')}
            </Button>
          </Group>
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
        {p.organizations.length > 0 && (
          <Text size="sm">
            <Text span fw={500}>
              {t('exchange.programmes.organizations', { count: format.number(p.organizations.length) })}:{' '}
            </Text>
            {p.organizations.map((o, i) => (
              <span key={o.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/organizations/${o.id}`} size="sm">
                  {o.name}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        {p.products.length > 0 && (
          <Text size="sm">
            <Text span fw={500}>
              {t('exchange.programmes.products', { count: format.number(p.products.length) })}:{' '}
            </Text>
            {p.products.map((pt, i) => (
              <span key={pt.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/products/${pt.id}`} size="sm">
                  {pt.designation}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
