import { Anchor, Button, Chip, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useFormat, useT } from '../i18n';
import { Dash } from '../ui/SourceText';
import { BomStatusBadge, CandidateCard } from './BomBadges';
import { genericText, STATUS_META, statusText, warningText } from './labels';
import { ANALYSIS_STATUSES, type AnalysisStatus, type BomAnalysis, type BomAnalysisLine } from './types';

export type StatusFilter = AnalysisStatus | 'all';

export const isStatusFilter = (value: string | null): value is StatusFilter => value === 'all' || ANALYSIS_STATUSES.includes(value as AnalysisStatus);

const PAGE = 200;
const DESIGNATORS_SHOWN = 6;

/** Text a line is found by in the filter box. */
function haystack(line: BomAnalysisLine): string {
  return [
    String(line.sourceLine),
    line.partNumber,
    line.value,
    line.manufacturer,
    line.designators.join(' '),
    ...line.candidates.slice(0, 3).flatMap((c) => [c.designation, c.designationLatin, c.maker?.name]),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

type BomLinesTableProps = {
  analysis: BomAnalysis;
  status: StatusFilter;
  onStatus: (status: StatusFilter) => void;
  text: string;
  onText: (text: string) => void;
  /** Every line, every designator: for printing. */
  printing: boolean;
};

/** The lines with their verdict and best domestic candidate; status chips and a text filter above. */
export function BomLinesTable({ analysis, status, onStatus, text, onText, printing }: BomLinesTableProps) {
  const t = useT();
  const format = useFormat();
  const [limit, setLimit] = useState(PAGE);
  const deferredText = useDeferredValue(text);

  const counts = useMemo(() => {
    const result: Record<StatusFilter, number> = {
      all: analysis.lines.length,
      covered: 0,
      functional: 0,
      not_covered: 0,
      generic: 0,
      unreadable: 0,
      excluded: 0,
    };
    for (const line of analysis.lines) result[line.status] += 1;
    return result;
  }, [analysis.lines]);
  const texts = useMemo(() => analysis.lines.map(haystack), [analysis.lines]);

  const filtered = useMemo(() => {
    const needle = deferredText.trim().toLowerCase();
    return analysis.lines.filter((line, index) => (status === 'all' || line.status === status) && (!needle || texts[index].includes(needle)));
  }, [analysis.lines, texts, status, deferredText]);
  const shown = printing ? filtered : filtered.slice(0, limit);

  return (
    <Stack gap="sm" component="section" aria-labelledby="bom-lines-title">
      <Title order={2} size="h3" id="bom-lines-title">
        {t('bom.lines.title')}
      </Title>
      <Stack gap="xs" data-print="hide">
        <Chip.Group
          multiple={false}
          value={status}
          onChange={(value) => {
            if (isStatusFilter(value)) {
              setLimit(PAGE);
              onStatus(value);
            }
          }}
        >
          <Group gap={6} role="group" aria-label={t('bom.lines.statusFilter')} data-testid="bom-status-filter">
            {(['all', ...ANALYSIS_STATUSES] as StatusFilter[]).map((value) => (
              <Chip
                key={value}
                value={value}
                size="sm"
                variant="light"
                color={value === 'all' ? 'blue' : STATUS_META[value].color}
                disabled={value !== 'all' && value !== status && counts[value] === 0}
                wrapperProps={{ 'data-testid': 'bom-status-chip', 'data-status': value }}
              >
                {value === 'all' ? t('common.all') : statusText(t, value)} · {format.number(counts[value])}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <TextInput
          type="search"
          aria-label={t('bom.lines.filter')}
          placeholder={t('bom.lines.filterPlaceholder')}
          value={text}
          onChange={(event) => {
            setLimit(PAGE);
            onText(event.currentTarget.value);
          }}
          maw={420}
          data-testid="bom-text-filter"
        />
      </Stack>

      {filtered.length === 0 ? (
        <Text c="dimmed" py="md" data-testid="bom-lines-empty">
          {t('bom.lines.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1100} data-print="fit">
          <Table verticalSpacing="xs" fz="sm" withTableBorder data-testid="bom-lines" style={{ opacity: deferredText !== text ? 0.7 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60} ta="right">
                  {t('bom.col.line')}
                </Table.Th>
                <Table.Th w={150}>{t('bom.col.designators')}</Table.Th>
                <Table.Th>{t('bom.col.part')}</Table.Th>
                <Table.Th w={150}>{t('bom.col.manufacturer')}</Table.Th>
                <Table.Th w={60} ta="right">
                  {t('bom.col.quantity')}
                </Table.Th>
                <Table.Th w={170}>{t('bom.col.status')}</Table.Th>
                <Table.Th w={320}>{t('bom.col.analog')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((line) => (
                <LineRow key={line.position} line={line} printing={printing} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {!printing && filtered.length > shown.length && (
        <Group gap="sm" data-print="hide">
          <Text size="sm" c="dimmed" data-testid="bom-lines-shown">
            {t('bom.lines.shown', { shown: format.number(shown.length), total: format.number(filtered.length) })}
          </Text>
          <Button size="xs" variant="light" onClick={() => setLimit(limit + PAGE)}>
            {t('bom.lines.showMore', { count: format.number(Math.min(PAGE, filtered.length - shown.length)) })}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setLimit(filtered.length)}>
            {t('bom.lines.showAll')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** One line; memoised, as a BOM may have thousands and filtering re-renders the table. */
const LineRow = memo(function LineRow({ line, printing }: { line: BomAnalysisLine; printing: boolean }) {
  const t = useT();
  const format = useFormat();
  const changed = line.previousStatus !== null && line.previousStatus !== line.status;
  const [best, ...others] = line.candidates;
  return (
    <Table.Tr
      id={`line-${line.position}`}
      data-testid="bom-line"
      data-status={line.status}
      data-position={line.position}
      data-changed={changed || undefined}
      style={{ verticalAlign: 'top', background: changed ? 'var(--mantine-color-yellow-0)' : undefined }}
    >
      <Table.Td ta="right" c="dimmed">
        {line.sourceLine}
      </Table.Td>
      <Table.Td>
        <Designators designators={line.designators} printing={printing} />
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {line.partNumber && (
            <Text size="sm" fw={600} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {line.partNumber}
            </Text>
          )}
          {line.value && line.value !== line.partNumber && (
            <Text
              size={line.partNumber ? 'xs' : 'sm'}
              fw={line.partNumber ? undefined : 600}
              c={line.partNumber ? 'dimmed' : undefined}
              style={{ overflowWrap: 'anywhere' }}
            >
              {line.partNumber ? t('bom.line.value', { value: line.value }) : line.value}
            </Text>
          )}
          {!line.partNumber && !line.value && <Dash />}
          {line.generic && (
            <Text size="xs" c="dimmed">
              {genericText(t, line.generic)}
            </Text>
          )}
          {line.warnings.map((warning, index) => (
            <Text key={index} size="xs" c="orange.8" data-testid="bom-warning">
              ⚠ {warningText(t, warning)}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{line.manufacturer ?? <Dash />}</Table.Td>
      <Table.Td ta="right">{line.quantity === null ? <Dash /> : format.number(line.quantity)}</Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <BomStatusBadge status={line.status} />
          {changed && line.previousStatus && (
            <Text size="xs" c="dimmed" data-testid="bom-line-was" data-status={line.previousStatus}>
              {t('bom.line.was', { status: statusText(t, line.previousStatus) })}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {best ? (
          <Stack gap={6}>
            <CandidateCard candidate={best} />
            {others.length > 0 && <OtherCandidates candidates={others} printing={printing} />}
          </Stack>
        ) : (
          <Dash />
        )}
      </Table.Td>
    </Table.Tr>
  );
});

function OtherCandidates({ candidates, printing }: { candidates: BomAnalysisLine['candidates']; printing: boolean }) {
  const t = useT();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={6}>
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        data-testid="bom-more-candidates"
        data-print="hide"
        style={{ alignSelf: 'flex-start' }}
      >
        {open ? t('bom.expand.less') : t('bom.expand.more', { count: format.number(candidates.length) })}
      </Anchor>
      {(open || printing) && (
        <Stack gap={8} pl="xs" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }} aria-label={t('bom.candidate.others')}>
          {candidates.map((candidate, index) => (
            <CandidateCard key={`${candidate.productTypeId}-${index}`} candidate={candidate} compact />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Designators({ designators, printing }: { designators: string[]; printing: boolean }) {
  const t = useT();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  if (designators.length === 0) return <Dash />;
  const long = designators.length > DESIGNATORS_SHOWN;
  const shown = long && !open && !printing ? designators.slice(0, DESIGNATORS_SHOWN - 1) : designators;
  return (
    <Text
      size="sm"
      style={{ overflowWrap: 'anywhere' }}
      title={long ? designators.join(', ') : undefined}
      data-testid="bom-designators"
      data-count={designators.length}
    >
      {shown.join(', ')}
      {long && !printing && (
        <>
          {open ? ' ' : ' … '}
          <Anchor component="button" type="button" size="xs" onClick={() => setOpen(!open)} aria-expanded={open} data-print="hide">
            {open ? t('bom.expand.less') : t('bom.expand.more', { count: format.number(designators.length - shown.length) })}
          </Anchor>
        </>
      )}
    </Text>
  );
}
