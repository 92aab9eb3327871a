import { BarChart } from '@mantine/charts';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useCategories } from '../catalogue/api';
import { useFormat, useT } from '../i18n';
import { QueryContent } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { dashboardExportUrl, useDashboard, type DashboardFilters } from './api';
import { ExchangeNav } from './ExchangeNav';
import { CURRENCIES, money } from './labels';
import type { Dashboard, DashboardGroup } from './types';

const COUNTRIES = ['BY', 'RU'];

/** `/exchange/dashboard`: public aggregates of the exchange (no contract details), with charts and downloads. */
export function DashboardPage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('exchange.dashboard.title'));
  const [params, setParams] = useSearchParams();
  const filters: DashboardFilters = {
    year: params.get('year') || undefined,
    country: params.get('country') || undefined,
    currency: params.get('currency') || undefined,
  };
  const query = useDashboard(filters);
  const set = (name: keyof DashboardFilters, value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i));

  return (
    <Stack gap="md">
      <ExchangeNav />
      <Title order={1}>{t('exchange.dashboard.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('exchange.dashboard.intro')}
      </Text>
      <Group justify="space-between" align="flex-end">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" w={{ base: '100%', sm: 640 }}>
          <Select
            label={t('exchange.programmes.year')}
            placeholder={t('common.all')}
            clearable
            data={years}
            value={filters.year ?? null}
            onChange={(value) => set('year', value)}
            data-testid="dashboard-year"
          />
          <Select
            label={t('exchange.cooperation.country')}
            placeholder={t('common.all')}
            clearable
            data={COUNTRIES.map((value) => ({ value, label: format.country(value) }))}
            value={filters.country ?? null}
            onChange={(value) => set('country', value)}
            data-testid="dashboard-country"
          />
          <Select
            label={t('exchange.dashboard.currency')}
            data={CURRENCIES}
            value={filters.currency ?? query.data?.currency ?? 'RUB'}
            onChange={(value) => set('currency', value)}
            allowDeselect={false}
            data-testid="dashboard-currency"
          />
        </SimpleGrid>
        <Group gap="xs" data-print="hide">
          <Button component="a" href={dashboardExportUrl(filters, 'xlsx')} download variant="default" data-testid="dashboard-xlsx">
            XLSX
          </Button>
          <Button component="a" href={dashboardExportUrl(filters, 'csv')} download variant="default" data-testid="dashboard-csv">
            CSV
          </Button>
        </Group>
      </Group>
      <QueryContent query={query}>{(dashboard) => <DashboardView dashboard={dashboard} />}</QueryContent>
    </Stack>
  );
}

function Figure({ label, value, testId, note }: { label: string; value: string; testId: string; note?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const format = useFormat();
  const { totals, currency } = dashboard;
  const notConverted = totals.converted.notConverted;
  return (
    <Stack gap="lg" data-testid="dashboard" data-currency={currency}>
      {dashboard.demoMode && (totals.demo.contracts > 0 || totals.demo.demands > 0) && (
        <Alert color="yellow" variant="light" data-testid="dashboard-demo">
          {t('exchange.dashboard.demo', { contracts: format.number(totals.demo.contracts), demands: format.number(totals.demo.demands) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <Figure label={t('exchange.dashboard.substituted')} value={format.number(totals.substitutedTypes)} testId="dashboard-substituted" />
        <Figure label={t('exchange.dashboard.contracts')} value={format.number(totals.contracts)} testId="dashboard-contracts" />
        <Figure
          label={t('exchange.dashboard.sum', { currency })}
          value={money(format.intl, totals.converted.sum, currency)}
          testId="dashboard-sum"
          note={
            notConverted.length
              ? t('exchange.dashboard.notConvertedShort', { count: format.number(notConverted.reduce((n, c) => n + c.contracts, 0)) })
              : undefined
          }
        />
        <Figure label={t('exchange.dashboard.cooperating')} value={format.number(totals.cooperatingOrganizations)} testId="dashboard-cooperating" />
        <Figure label={t('exchange.dashboard.demand')} value={format.number(totals.demand.entries)} testId="dashboard-demand" />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <GroupChart title={t('exchange.dashboard.byYear')} groups={dashboard.groups.year} kind="year" currency={currency} />
        <GroupChart title={t('exchange.dashboard.byCountry')} groups={dashboard.groups.country} kind="country" currency={currency} />
        <GroupChart title={t('exchange.dashboard.byRegion')} groups={dashboard.groups.region} kind="region" currency={currency} />
        <GroupChart title={t('exchange.dashboard.byCategory')} groups={dashboard.groups.category} kind="category" currency={currency} />
      </SimpleGrid>

      <SumsTable dashboard={dashboard} />
    </Stack>
  );
}

type GroupKind = 'year' | 'country' | 'region' | 'category';

/** One grouping as bars: types substituted and contracts (and demand entries), the converted sum in the table below it. */
function GroupChart({ title, groups, kind, currency }: { title: string; groups: DashboardGroup[]; kind: GroupKind; currency: string }) {
  const t = useT();
  const format = useFormat();
  const categories = useCategories();
  const categoryNames = new Map((categories.data?.items ?? []).map((c) => [c.code, format.name(c)]));
  const label = (key: string | null) => {
    if (key === null) return t('exchange.dashboard.unknown');
    if (kind === 'country') return format.country(key);
    if (kind === 'category') return categoryNames.get(key) ?? key;
    return key;
  };
  const rows = groups.slice(0, 12).map((g) => ({
    label: label(g.key),
    substituted: g.substitutedTypes,
    contracts: g.contracts,
    demand: g.demand.entries,
    sum: g.converted.sum,
  }));
  return (
    <Paper withBorder radius="md" p="md" component="section" data-testid={`dashboard-chart-${kind}`} data-groups={groups.length}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('exchange.dashboard.noData')}
          </Text>
        ) : (
          <>
            <BarChart
              h={220}
              data={rows}
              dataKey="label"
              withLegend
              series={[
                { name: 'substituted', label: t('exchange.dashboard.substituted'), color: 'teal.6' },
                { name: 'contracts', label: t('exchange.dashboard.contracts'), color: 'blue.6' },
                { name: 'demand', label: t('exchange.dashboard.demand'), color: 'gray.5' },
              ]}
              valueFormatter={(value) => format.number(value)}
              yAxisProps={{ allowDecimals: false }}
            />
            <Table fz="xs" withRowBorders={false}>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.label}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td ta="right">{money(format.intl, r.sum, currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Sums per currency as entered, what could not be converted (no rate on or before the date) and the rates used. */
function SumsTable({ dashboard }: { dashboard: Dashboard }) {
  const t = useT();
  const format = useFormat();
  const { totals } = dashboard;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('exchange.dashboard.asEntered')}
        </Title>
        {totals.sums.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('exchange.dashboard.noData')}
          </Text>
        ) : (
          <Table data-testid="dashboard-sums">
            <Table.Tbody>
              {totals.sums.map((s) => (
                <Table.Tr key={s.currency}>
                  <Table.Td>{s.currency}</Table.Td>
                  <Table.Td ta="right">{money(format.intl, s.sum, s.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {totals.converted.notConverted.length > 0 && (
          <Alert color="orange" variant="light" data-testid="dashboard-not-converted">
            {t('exchange.dashboard.notConverted', {
              list: totals.converted.notConverted.map((c) => `${money(format.intl, c.sum, c.currency)} (${format.number(c.contracts)})`).join(', '),
              currency: dashboard.currency,
            })}
          </Alert>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('exchange.dashboard.ratesUsed')}
        </Title>
        {dashboard.ratesUsed.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('exchange.dashboard.noRates')}
          </Text>
        ) : (
          <Table data-testid="dashboard-rates">
            <Table.Tbody>
              {dashboard.ratesUsed.map((r) => (
                <Table.Tr key={`${r.currency}-${r.toCurrency}-${r.date}`}>
                  <Table.Td>
                    1 {r.currency} = {format.number(r.rate)} {r.toCurrency}
                  </Table.Td>
                  <Table.Td>{format.date(r.date)}</Table.Td>
                  <Table.Td ta="right">{t('exchange.graph.contracts', { count: format.number(r.contracts) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SimpleGrid>
  );
}
