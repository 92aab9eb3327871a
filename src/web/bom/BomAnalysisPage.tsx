import { Anchor, Badge, Button, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../auth/api';
import type { User } from '../http/types';
import { useFormat, useT } from '../i18n';
import { NotFound } from '../ui/NotFound';
import { QueryContent } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { exportUrl, useBomAnalysis, useRerunAnalysis } from './api';
import { BomStatusBadge } from './BomBadges';
import { BomError } from './BomFeedback';
import { BomLinesTable, isStatusFilter, type StatusFilter } from './BomLinesTable';
import { BomSummary } from './BomSummary';
import { delimiterText, warningText } from './labels';
import type { BomAnalysis } from './types';

/** `/bom/:id`: one analysis, shareable by its link and readable signed out. */
export function BomAnalysisPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useBomAnalysis(id);
  usePageTitle(query.data?.name ?? t('bom.title'));
  return (
    <QueryContent query={query} notFound={<NotFound message={t('bom.result.notFound')} />}>
      {(analysis) => <AnalysisView analysis={analysis} />}
    </QueryContent>
  );
}

/** Only the owner (or an administrator) may re-run an analysis that has an owner; anyone with the link may re-run an anonymous one. */
function mayRerun(analysis: BomAnalysis, user: User | null): boolean {
  if (analysis.owner === null) return true;
  return user !== null && (user.id === analysis.owner || user.role === 'admin');
}

/** The owner, a member of an organization, may post the not covered lines as demand on the exchange. */
function mayPostDemand(analysis: BomAnalysis, user: User | null): boolean {
  return user !== null && user.id === analysis.owner && user.memberships.length > 0 && analysis.summary.notCovered.length > 0;
}

/** Prints every line in full: the table renders all rows before the print dialog opens and after it closes goes back. */
function usePrinting() {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const print = useCallback(() => {
    flushSync(() => setPrinting(true));
    window.print();
  }, []);
  return { printing, print };
}

function AnalysisView({ analysis }: { analysis: BomAnalysis }) {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const rerun = useRerunAnalysis(analysis.id);
  const { printing, print } = usePrinting();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: StatusFilter = isStatusFilter(statusParam) ? statusParam : 'all';
  const text = params.get('q') ?? '';

  const setFilter = (name: 'status' | 'q', value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value && !(name === 'status' && value === 'all')) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const delimiter = delimiterText(t, analysis.delimiter);
  const source = [
    analysis.encoding && analysis.sourceKind !== 'xlsx' ? analysis.encoding.toUpperCase() : null,
    delimiter,
    analysis.sheet ? `${t('bom.mapping.sheet')}: ${analysis.sheet}` : null,
    `${t('bom.mapping.headerRow')}: ${format.number(analysis.headerRow + 1)}`,
  ].filter(Boolean);
  const link = typeof window === 'undefined' ? '' : `${window.location.origin}/bom/${analysis.id}`;

  return (
    <Stack gap="lg" data-testid="bom-analysis" data-id={analysis.id} data-revision={analysis.revision}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1} style={{ overflowWrap: 'anywhere' }} data-testid="bom-name">
            {analysis.name}
          </Title>
          <Group gap="xs" data-print="hide">
            {mayRerun(analysis, session.data?.user ?? null) && (
              <Tooltip label={t('bom.action.rerunHint')} withArrow>
                <Button variant="light" onClick={() => rerun.mutate()} loading={rerun.isPending} data-testid="bom-rerun">
                  {t('bom.action.rerun')}
                </Button>
              </Tooltip>
            )}
            {mayPostDemand(analysis, session.data?.user ?? null) && (
              <Button component={Link} to={`/exchange/demands/new?bom=${analysis.id}`} variant="light" data-testid="bom-post-demand">
                {t('exchange.bom.post')}
              </Button>
            )}
            <Button component="a" href={exportUrl(analysis.id, 'xlsx')} download variant="default" data-testid="bom-export-xlsx">
              {t('bom.action.exportXlsx')}
            </Button>
            <Button component="a" href={exportUrl(analysis.id, 'csv')} download variant="default" data-testid="bom-export-csv">
              {t('bom.action.exportCsv')}
            </Button>
            <Button variant="default" onClick={print} data-testid="bom-print">
              {t('bom.action.print')}
            </Button>
            <CopyButton value={link} timeout={2000}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} data-testid="bom-copy-link">
                  {copied ? t('bom.action.copied') : t('bom.action.copyLink')}
                </Button>
              )}
            </CopyButton>
            <Button component={Link} to="/bom" variant="subtle">
              {t('bom.action.new')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed" data-testid="bom-dates">
          {t('bom.result.created', { date: format.dateTime(analysis.createdAt) })}
          {analysis.revision > 1 && (
            <>
              {' · '}
              {t('bom.result.runAt', { date: format.dateTime(analysis.runAt) })}
            </>
          )}
          {' · '}
          <span data-testid="bom-revision">{t('bom.result.revision', { revision: analysis.revision })}</span>
        </Text>
        <Text size="xs" c="dimmed">
          {source.join(' · ')}
        </Text>
        <Text size="xs" c="dimmed" data-print="only">
          {link}
        </Text>
      </Stack>

      {rerun.isError && <BomError error={rerun.error} onClose={() => rerun.reset()} />}

      {analysis.changes && <Changes analysis={analysis} />}

      <BomSummary summary={analysis.summary} onStatus={(value) => setFilter('status', value)} />

      {analysis.skipped.length > 0 && (
        <details data-print="hide">
          <summary style={{ cursor: 'pointer' }}>
            <Text span size="sm" c="dimmed">
              {t('bom.result.skipped', { count: format.number(analysis.skipped.length) })}
            </Text>
          </summary>
          <Stack gap={2} mt={4} pl="md">
            {analysis.skipped.slice(0, 100).map((skip) => (
              <Text key={skip.sourceLine} size="xs" c="dimmed">
                {t('bom.mapping.skippedLine', { line: skip.sourceLine, reason: warningText(t, skip.reason) })}
              </Text>
            ))}
          </Stack>
        </details>
      )}

      <BomLinesTable
        analysis={analysis}
        status={status}
        onStatus={(value) => setFilter('status', value)}
        text={text}
        onText={(value) => setFilter('q', value)}
        printing={printing}
      />
    </Stack>
  );
}

/** What the last re-run changed, line by line. */
function Changes({ analysis }: { analysis: BomAnalysis }) {
  const t = useT();
  const changes = analysis.changes ?? [];
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="bom-no-changes">
        {t('bom.changes.none')}
      </Text>
    );
  }
  const byPosition = new Map(analysis.lines.map((line) => [line.position, line]));
  return (
    <Paper withBorder radius="md" p="md" bg="yellow.0" component="section" aria-labelledby="bom-changes-title" data-testid="bom-changes">
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="bom-changes-title">
            {t('bom.changes.title')}
          </Title>
          <Badge variant="light" color="yellow">
            {changes.length}
          </Badge>
        </Group>
        {changes.map((change) => {
          const line = byPosition.get(change.position);
          const label = line?.partNumber ?? line?.value ?? '';
          return (
            <Group key={change.position} gap="xs" wrap="wrap" data-testid="bom-change" data-from={change.from} data-to={change.to}>
              <Anchor href={`#line-${change.position}`} size="sm" c="dimmed">
                {t('bom.changes.line', { line: change.sourceLine })}
              </Anchor>
              {label && (
                <Text size="sm" fw={600} ff="monospace">
                  {label}
                </Text>
              )}
              <BomStatusBadge status={change.from} size="xs" />
              <Text span aria-hidden="true">
                →
              </Text>
              <BomStatusBadge status={change.to} size="xs" />
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
