import { DonutChart } from '@mantine/charts';
import { Anchor, Box, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormat, useT } from '../i18n';
import { percent, STATUS_META } from './labels';
import { ANALYSIS_STATUSES, type AnalysisStatus, type BomSummary as Summary } from './types';

type Basis = 'lines' | 'quantity';

/** Counts by status (lines and components), coverage shares, the make-up chart and where the analogs come from. */
export function BomSummary({ summary, onStatus }: { summary: Summary; onStatus?: (status: AnalysisStatus) => void }) {
  const t = useT();
  const format = useFormat();
  const { lines, quantity, coverage } = summary;
  const all = lines.total + lines.excluded;
  const allQuantity = quantity.total + quantity.excluded;

  return (
    <Stack gap="md" component="section" aria-labelledby="bom-summary-title" data-testid="bom-summary">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="bom-summary-title">
          {t('bom.summary.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="bom-summary-total">
          {t('bom.summary.total', { lines: format.number(all), quantity: format.number(allQuantity) })}
        </Text>
      </Group>
      {summary.registryListed && (
        <Text size="sm" data-testid="bom-registry-listed" data-count={summary.registryListed.lines}>
          {t('bom.summary.registryListed', {
            lines: format.number(summary.registryListed.lines),
            quantity: format.number(summary.registryListed.quantity),
          })}
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <CoverageCard label={t('bom.summary.coverageByLines')} full={coverage.byLines.full} any={coverage.byLines.any} testId="bom-coverage-lines" />
        <CoverageCard
          label={t('bom.summary.coverageByQuantity')}
          full={coverage.byQuantity.full}
          any={coverage.byQuantity.any}
          testId="bom-coverage-quantity"
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {ANALYSIS_STATUSES.map((status) => {
          const meta = STATUS_META[status];
          const count = lines[meta.tally];
          return (
            <Paper
              key={status}
              withBorder
              radius="md"
              p="sm"
              data-testid="bom-summary-card"
              data-status={status}
              data-count={count}
              style={{
                borderLeft: `4px solid var(--mantine-color-${meta.color}-${status === 'excluded' ? 3 : 6})`,
                cursor: onStatus && count ? 'pointer' : undefined,
              }}
              onClick={onStatus && count ? () => onStatus(status) : undefined}
            >
              <Text size="xs" c="dimmed" lh={1.3} mih={32}>
                {t(meta.label)}
              </Text>
              <Text fz={28} fw={700} lh={1.2}>
                {format.number(count)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('bom.summary.quantity', { count: format.number(quantity[meta.tally]) })}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <CoverageChart summary={summary} />
        <ByCountry summary={summary} />
        <ByMaker summary={summary} />
      </SimpleGrid>
    </Stack>
  );
}

function CoverageCard({ label, full, any, testId }: { label: string; full: number; any: number; testId: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <Tooltip label={t('bom.summary.coverageHint')} multiline w={360} withArrow>
      <Paper withBorder radius="md" p="md" data-testid={testId} data-full={full} data-any={any}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Group gap="sm" align="baseline">
          <Text fz={34} fw={800} lh={1.15} c="green.8">
            {percent(format.intl, full)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('analog.type.full')}
          </Text>
        </Group>
        <Text size="sm">{t('bom.summary.coverageAny', { percent: percent(format.intl, any) })}</Text>
        <Box mt={8} h={8} style={{ display: 'flex', borderRadius: 4, overflow: 'hidden', background: 'var(--mantine-color-red-2)' }} aria-hidden="true">
          <div style={{ width: `${full * 100}%`, background: 'var(--mantine-color-green-6)' }} />
          <div style={{ width: `${Math.max(0, any - full) * 100}%`, background: 'var(--mantine-color-yellow-5)' }} />
        </Box>
      </Paper>
    </Tooltip>
  );
}

function CoverageChart({ summary }: { summary: Summary }) {
  const t = useT();
  const format = useFormat();
  const [basis, setBasis] = useState<Basis>('lines');
  const tally = summary[basis === 'lines' ? 'lines' : 'quantity'];
  const data = ANALYSIS_STATUSES.map((status) => ({
    status,
    name: t(STATUS_META[status].label),
    value: tally[STATUS_META[status].tally],
    color: STATUS_META[status].chart,
  }));
  const shown = data.filter((cell) => cell.value > 0);
  const full = basis === 'lines' ? summary.coverage.byLines.full : summary.coverage.byQuantity.full;

  return (
    <Paper withBorder radius="md" p="md" data-testid="bom-coverage-chart" data-basis={basis}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{t('bom.chart.title')}</Text>
          <SegmentedControl
            size="xs"
            value={basis}
            onChange={(value) => setBasis(value as Basis)}
            data={[
              { value: 'lines', label: t('bom.chart.byLines') },
              { value: 'quantity', label: t('bom.chart.byQuantity') },
            ]}
            data-print="hide"
          />
        </Group>
        <Group gap="md" wrap="nowrap" align="center">
          <DonutChart
            data={shown.length ? shown : [{ name: '—', value: 1, color: 'gray.2' }]}
            size={150}
            thickness={24}
            chartLabel={percent(format.intl, full)}
            withTooltip={shown.length > 0}
            tooltipDataSource="segment"
            valueFormatter={(value) => format.number(value)}
            pieProps={{ isAnimationActive: false }}
            style={{ flexShrink: 0 }}
          />
          <Stack gap={4} style={{ minWidth: 0 }}>
            {data.map((cell) => (
              <Group key={cell.status} gap={6} wrap="nowrap" style={{ opacity: cell.value ? 1 : 0.45 }}>
                <Box w={10} h={10} style={{ borderRadius: 2, flexShrink: 0, background: `var(--mantine-color-${cell.color.replace('.', '-')})` }} />
                <Text size="xs" style={{ flex: 1 }}>
                  {cell.name}
                </Text>
                <Text size="xs" fw={600}>
                  {format.number(cell.value)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}

function ByCountry({ summary }: { summary: Summary }) {
  const t = useT();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="md" data-testid="bom-by-country">
      <Stack gap="xs">
        <Text fw={600}>{t('bom.byCountry.title')}</Text>
        {summary.byCountry.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('bom.by.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bom.by.country')}</Table.Th>
                <Table.Th ta="right">{t('bom.by.lines')}</Table.Th>
                <Table.Th ta="right">{t('bom.by.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.byCountry.map((row) => (
                <Table.Tr key={row.country} data-testid="bom-country-row" data-country={row.country}>
                  <Table.Td>{format.country(row.country) || row.country}</Table.Td>
                  <Table.Td ta="right">{format.number(row.lines)}</Table.Td>
                  <Table.Td ta="right">{format.number(row.quantity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

const MAKERS_SHOWN = 10;

function ByMaker({ summary }: { summary: Summary }) {
  const t = useT();
  const format = useFormat();
  const [expanded, setExpanded] = useState(false);
  const makers = expanded ? summary.byMaker : summary.byMaker.slice(0, MAKERS_SHOWN);
  const hidden = summary.byMaker.length - makers.length;
  return (
    <Paper withBorder radius="md" p="md" data-testid="bom-by-maker">
      <Stack gap="xs">
        <Text fw={600}>{t('bom.byMaker.title')}</Text>
        {summary.byMaker.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('bom.by.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bom.by.maker')}</Table.Th>
                <Table.Th ta="right">{t('bom.by.lines')}</Table.Th>
                <Table.Th ta="right">{t('bom.by.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {makers.map((row) => (
                <Table.Tr key={row.makerId} data-testid="bom-maker-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/organizations/${row.makerId}`} size="sm">
                      {row.name}
                    </Anchor>
                    {row.country && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({format.country(row.country)})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(row.lines)}</Table.Td>
                  <Table.Td ta="right">{format.number(row.quantity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {(hidden > 0 || expanded) && summary.byMaker.length > MAKERS_SHOWN && (
          <Anchor component="button" type="button" size="sm" onClick={() => setExpanded(!expanded)} data-print="hide">
            {expanded ? t('bom.expand.less') : t('bom.expand.more', { count: format.number(hidden) })}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
