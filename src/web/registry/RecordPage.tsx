import { Anchor, Badge, Breadcrumbs, Button, Code, FileInput, Grid, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useFormat, useLocale, useT } from '../i18n';
import { DetailList } from '../ui/DetailList';
import { NotFound } from '../ui/NotFound';
import { ErrorAlert, QueryContent } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { useRecord, useSubmitApplication, useUploadDocument } from './api';
import { RegistryStatusBadge, StateBadge } from './Badges';
import { DecisionsPanel } from './DecisionsPanel';
import { EvaluationView } from './EvaluationView';
import { DOCUMENT_KINDS, documentKindLabel, eventLabel, localText, operationLabel, statusLabel, todayIso } from './labels';
import { LogProof } from './LogProof';
import { levelText } from './RegistryListPage';
import { RegistryNav } from './RegistryNav';
import type { HistoryEvent, RegistryRecord } from './types';

export function RecordPage() {
  const { id = '' } = useParams();
  const t = useT();
  const [date, setDate] = useState(todayIso());
  const query = useRecord(id, date);
  const title = query.data ? (query.data.number ?? t('registry.applicationN', { id: query.data.id })) : t('registry.list.title');
  usePageTitle(title);
  return (
    <Stack gap="md">
      <RegistryNav />
      <QueryContent query={query} notFound={<NotFound message={t('registry.record.notFound')} />}>
        {(record) => <RecordView record={record} date={date} onDate={setDate} />}
      </QueryContent>
    </Stack>
  );
}

function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group gap="xs">
        <Title order={2} size="h3">
          {title}
        </Title>
        {count !== undefined && (
          <Badge variant="light" color="gray">
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  );
}

const yesNo = (t: ReturnType<typeof useT>, v: boolean | null) => (v === null ? t('registry.facts.notStated') : v ? t('common.yes') : t('common.no'));

function RecordView({ record, date, onDate }: { record: RegistryRecord; date: string; onDate: (date: string) => void }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const submit = useSubmitApplication();
  const heading = record.number ?? t('registry.applicationN', { id: record.id });
  return (
    <Stack gap="lg" data-testid="registry-record" data-id={record.id} data-state={record.state}>
      <Breadcrumbs data-print="hide">
        <Anchor component={Link} to="/registry">
          {t('registry.list.title')}
        </Anchor>
        <Text>{heading}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm" align="center">
            <Title order={1} ff="monospace" data-testid="record-number">
              {heading}
            </Title>
            {record.state !== 'included' && <StateBadge state={record.state} />}
            {record.state === 'included' && <RegistryStatusBadge status={record.status} size="lg" />}
          </Group>
          <Text c="dimmed">{record.productName}</Text>
        </div>
        <Group gap="sm" align="flex-end" data-print="hide">
          <TextInput
            type="date"
            label={t('registry.record.statusOn')}
            value={date}
            onChange={(e) => onDate(e.currentTarget.value || todayIso())}
            data-testid="record-date"
          />
          <Button variant="default" onClick={() => window.print()}>
            {t('registry.record.print')}
          </Button>
        </Group>
      </Group>
      <Text data-print="only" size="sm">
        {t('registry.record.statusOnDate', { date: format.date(date), status: statusLabel(t, record.status) })}
      </Text>

      {record.canEdit && (
        <Paper withBorder p="md" radius="md" data-print="hide" data-testid="producer-actions">
          <Stack gap="sm">
            {record.state === 'returned' && record.remarks && (
              <Text size="sm" c="orange.8">
                {t('registry.apply.returnedWith')}: {record.remarks}
              </Text>
            )}
            <Group gap="sm">
              <Button component={Link} to={`/registry/${record.id}/edit`} variant="light" data-testid="record-edit">
                {t('registry.record.edit')}
              </Button>
              <Button loading={submit.isPending} onClick={() => submit.mutate(record.id)} data-testid="record-submit">
                {t('registry.apply.submit')}
              </Button>
            </Group>
            {submit.isError && <ErrorAlert error={submit.error} />}
            <DocumentUpload recordId={record.id} />
          </Stack>
        </Paper>
      )}

      {record.canDecide && <DecisionsPanel record={record} />}

      <Paper withBorder p="lg" radius="md">
        <DetailList
          items={[
            { label: t('registry.number'), value: record.number, testId: 'record-detail-number' },
            { label: t('registry.record.primaryNumber'), value: record.primaryNumber },
            { label: t('registry.record.origin'), value: t(record.origin === 'gisp' ? 'registry.origin.gisp' : 'registry.origin.reestr') },
            { label: t('registry.record.country'), value: format.country(record.country) },
            {
              label: t('registry.maker'),
              value: (
                <Group gap="xs">
                  {record.organizationId ? (
                    <Anchor component={Link} to={`/organizations/${record.organizationId}`} data-testid="record-maker">
                      {record.makerName}
                    </Anchor>
                  ) : (
                    <Text span data-testid="record-maker">
                      {record.makerName}
                    </Text>
                  )}
                  {record.makerInn && (
                    <Text span c="dimmed" size="sm">
                      {t('org.inn')} {record.makerInn}
                    </Text>
                  )}
                </Group>
              ),
            },
            {
              label: t('registry.record.products'),
              value: record.products.length ? (
                <Group gap="xs" data-testid="record-products">
                  {record.products.map((p) => (
                    <Anchor key={p.id} component={Link} to={`/products/${p.id}`}>
                      {p.designation}
                    </Anchor>
                  ))}
                </Group>
              ) : (
                record.productName
              ),
            },
            {
              label: t('registry.ruleSet'),
              value: record.ruleSet ? `${localText(record.ruleSet.title, locale)} (v${record.ruleSet.version})` : null,
              testId: 'record-rule-set',
            },
            { label: t('registry.levelPoints'), value: levelText(t, record.level, record.points) || record.scoreDescription, testId: 'record-level' },
            {
              label: t('registry.record.statusOn'),
              value: (
                <Group gap="xs">
                  <RegistryStatusBadge status={record.status} />
                  <Text span size="sm" c="dimmed">
                    {format.date(record.statusDate)}
                  </Text>
                </Group>
              ),
            },
            {
              label: t('registry.record.validity'),
              value:
                record.period.validFrom || record.period.validTill
                  ? `${format.date(record.period.validFrom)} — ${format.date(record.period.validTill)}${record.period.endDate ? ` (${t('registry.record.endDate')} ${format.date(record.period.endDate)})` : ''}`
                  : null,
              testId: 'record-validity',
            },
            { label: t('registry.record.remarks'), value: record.remarks },
            { label: t('product.okpd2'), value: record.okpd2 },
            { label: t('product.tnved'), value: record.tnved.join(', ') },
            { label: t('registry.record.regulations'), value: record.regulations },
            {
              label: t('registry.record.basisDocument'),
              value: [
                record.basisDocument.name,
                record.basisDocument.number && `№ ${record.basisDocument.number}`,
                record.basisDocument.date && format.date(record.basisDocument.date),
              ]
                .filter(Boolean)
                .join(', '),
            },
            { label: t('registry.facts.taxResident'), value: yesNo(t, record.makerTaxResidentEaeu) },
            {
              label: t('registry.facts.designRightsYears'),
              value: record.designRightsYears === null ? t('registry.facts.notStated') : String(record.designRightsYears),
            },
            { label: t('registry.facts.foreignSolutions'), value: yesNo(t, record.usesForeignReadyMadeSolutions) },
          ]}
        />
      </Paper>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('registry.record.periods')} count={record.periods.length}>
            {record.periods.length ? (
              <Table data-testid="record-periods">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('registry.decisions.validFrom')}</Table.Th>
                    <Table.Th>{t('registry.decisions.validTill')}</Table.Th>
                    <Table.Th>{t('registry.record.docDate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {record.periods.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{format.date(p.validFrom)}</Table.Td>
                      <Table.Td>{format.date(p.validTill)}</Table.Td>
                      <Table.Td>{format.date(p.docDate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="dimmed" size="sm">
                {t('registry.record.noPeriods')}
              </Text>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('registry.record.suspensions')} count={record.suspensions.length}>
            {record.suspensions.length ? (
              <Table data-testid="record-suspensions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('registry.record.suspendedFrom')}</Table.Th>
                    <Table.Th>{t('registry.record.suspendedTill')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {record.suspensions.map((s, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{format.date(s.from)}</Table.Td>
                      <Table.Td>{s.till ? format.date(s.till) : t('registry.record.ongoing')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="dimmed" size="sm">
                {t('registry.record.noSuspensions')}
              </Text>
            )}
          </Section>
        </Grid.Col>
      </Grid>

      {record.evaluation && (
        <Section title={t('registry.record.evaluation')}>
          <EvaluationView results={record.evaluation} testId="record-evaluation" />
        </Section>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Section title={t('registry.operations.title')} count={record.operations.length}>
            {record.operations.length ? (
              <Table.ScrollContainer minWidth={500} data-print="fit">
                <Table striped data-testid="record-operations">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('registry.operations.operation')}</Table.Th>
                      <Table.Th>{t('registry.operations.country')}</Table.Th>
                      <Table.Th>{t('registry.operations.organization')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {record.operations.map((o, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{operationLabel(o.code, locale)}</Table.Td>
                        <Table.Td>{format.country(o.country)}</Table.Td>
                        <Table.Td>
                          {o.organizationId ? (
                            <Anchor component={Link} to={`/organizations/${o.organizationId}`}>
                              {o.organizationName ?? o.organizationId}
                            </Anchor>
                          ) : (
                            o.organizationName
                          )}
                          {o.note && (
                            <Text size="xs" c="dimmed">
                              {o.note}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Text c="dimmed" size="sm">
                {t('registry.record.noOperations')}
              </Text>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Section title={t('registry.shares.title')} count={record.contentShares.length}>
            {record.contentShares.length ? (
              <Table data-testid="record-shares">
                <Table.Tbody>
                  {record.contentShares.map((s) => (
                    <Table.Tr key={s.country}>
                      <Table.Td>{format.country(s.country)}</Table.Td>
                      <Table.Td ta="right">{format.number(s.percent)} %</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="dimmed" size="sm">
                {t('registry.record.noShares')}
              </Text>
            )}
          </Section>
        </Grid.Col>
      </Grid>

      <Section title={t('registry.record.documents')} count={record.documents.length}>
        {record.documents.length ? (
          <Table.ScrollContainer minWidth={600} data-print="fit">
            <Table data-testid="record-documents">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.record.documentKind')}</Table.Th>
                  <Table.Th>{t('registry.record.fileName')}</Table.Th>
                  <Table.Th>{t('registry.record.size')}</Table.Th>
                  <Table.Th>SHA-256</Table.Th>
                  <Table.Th>{t('registry.record.uploadedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.documents.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{documentKindLabel(t, d.kind)}</Table.Td>
                    <Table.Td>
                      {d.downloadable ? (
                        <Anchor href={`/api/registry/documents/${d.id}`} download={d.fileName} data-testid="document-download">
                          {d.fileName}
                        </Anchor>
                      ) : (
                        d.fileName
                      )}
                    </Table.Td>
                    <Table.Td>{format.number(Math.ceil(d.size / 1024))} KB</Table.Td>
                    <Table.Td>
                      <Code title={d.sha256}>{d.sha256.slice(0, 16)}…</Code>
                    </Table.Td>
                    <Table.Td>{format.dateTime(d.uploadedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text c="dimmed" size="sm">
            {t('registry.record.noDocuments')}
          </Text>
        )}
      </Section>

      <Section title={t('registry.record.history')} count={record.history.length} testId="record-history">
        <HistoryTable events={record.history} />
      </Section>

      <LogProof recordId={record.id} />
    </Stack>
  );
}

function HistoryTable({ events }: { events: HistoryEvent[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={700} data-print="fit">
      <Table striped data-testid="history-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('registry.history.at')}</Table.Th>
            <Table.Th>{t('registry.history.kind')}</Table.Th>
            <Table.Th>{t('registry.history.effective')}</Table.Th>
            <Table.Th>{t('registry.history.actor')}</Table.Th>
            <Table.Th>{t('registry.history.remarks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid="history-event" data-kind={e.kind}>
              <Table.Td>{format.dateTime(e.at)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {eventLabel(t, e.kind)}
                </Text>
                <FactsText facts={e.facts} />
              </Table.Td>
              <Table.Td>{format.date(e.effectiveDate)}</Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.remarks}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The facts a decision carries: number, dates, level, document. */
function FactsText({ facts }: { facts: Record<string, unknown> }) {
  const t = useT();
  const format = useFormat();
  const parts: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  if (str(facts.number)) parts.push(`№ ${str(facts.number)}`);
  if (str(facts.validFrom) || str(facts.validTill)) parts.push(`${format.date(str(facts.validFrom))} — ${format.date(str(facts.validTill))}`);
  if (str(facts.level)) parts.push(t('registry.levelN', { level: str(facts.level)! }));
  if (str(facts.points)) parts.push(t('registry.pointsN', { points: str(facts.points)! }));
  if (str(facts.from)) parts.push(format.date(str(facts.from)));
  if (str(facts.endDate)) parts.push(format.date(str(facts.endDate)));
  const doc = facts.document as { fileName?: string } | undefined;
  if (doc?.fileName) parts.push(doc.fileName);
  if (!parts.length) return null;
  return (
    <Text size="xs" c="dimmed">
      {parts.join(' · ')}
    </Text>
  );
}

function DocumentUpload({ recordId }: { recordId: number }) {
  const t = useT();
  const upload = useUploadDocument(recordId);
  const [kind, setKind] = useState<string | null>('act');
  const [file, setFile] = useState<File | null>(null);
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('registry.record.documentKind')}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: documentKindLabel(t, k) }))}
          value={kind}
          onChange={setKind}
          allowDeselect={false}
          w={260}
          data-testid="document-kind"
        />
        <FileInput
          label={t('registry.record.documentFile')}
          placeholder={t('registry.record.chooseFile')}
          value={file}
          onChange={setFile}
          clearable
          w={280}
          data-testid="document-file"
        />
        <Button
          variant="light"
          disabled={!file || !kind}
          loading={upload.isPending}
          onClick={() => file && kind && upload.mutate({ kind, file }, { onSuccess: () => setFile(null) })}
          data-testid="document-upload"
        >
          {t('registry.record.upload')}
        </Button>
      </Group>
      {upload.isError && <ErrorAlert error={upload.error} />}
    </Stack>
  );
}
