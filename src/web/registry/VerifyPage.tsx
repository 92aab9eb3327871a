import { Alert, Anchor, Button, FileButton, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormat, useLocale, useT } from '../i18n';
import { ErrorAlert } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { parseVerifyList } from '../../domain/registry/verify-list';
import { verifyBulk, verifyOne } from './api';
import { RegistryStatusBadge } from './Badges';
import { localText, statusLabel, todayIso } from './labels';
import { levelText } from './RegistryListPage';
import { RegistryNav } from './RegistryNav';
import type { BulkVerifyResult, VerifiedRecord, VerifyResult } from './types';

/** Public verification: one number or designation on a date, or a whole list. */
export function VerifyPage() {
  const t = useT();
  usePageTitle(t('registry.verify.title'));
  return (
    <Stack gap="lg">
      <RegistryNav />
      <Title order={1}>{t('registry.verify.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('registry.verify.intro')}
      </Text>
      <SingleVerify />
      <BulkVerify />
    </Stack>
  );
}

function SingleVerify() {
  const t = useT();
  const [mode, setMode] = useState<'auto' | 'number' | 'designation'>('auto');
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIso());
  const check = useMutation({ mutationFn: (q: { number?: string; designation?: string; date: string }) => verifyOne(q) });
  const run = () => {
    const value = text.trim();
    if (!value) return;
    // "Recognise": the same reading as the bulk list (digits, or a letter prefix and digits, are a number)
    const kind = mode === 'auto' ? (safeParse(value)?.number !== undefined ? 'number' : 'designation') : mode;
    check.mutate(kind === 'number' ? { number: value, date } : { designation: value, date });
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('registry.verify.single')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
        >
          <Stack gap="sm">
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v as 'auto' | 'number' | 'designation')}
              data={[
                { value: 'auto', label: t('registry.verify.auto') },
                { value: 'number', label: t('registry.verify.byNumber') },
                { value: 'designation', label: t('registry.verify.byDesignation') },
              ]}
              style={{ alignSelf: 'flex-start' }}
              data-testid="verify-mode"
            />
            <Group gap="sm" align="flex-end">
              <TextInput
                label={mode === 'number' ? t('registry.number') : mode === 'designation' ? t('product.designation') : t('registry.verify.numberOrDesignation')}
                placeholder={mode === 'designation' ? t('registry.verify.designationPlaceholder') : t('registry.verify.numberPlaceholder')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                size="md"
                w={340}
                data-testid="verify-input"
              />
              <TextInput
                type="date"
                label={t('registry.verify.date')}
                value={date}
                onChange={(e) => setDate(e.currentTarget.value || todayIso())}
                size="md"
                data-testid="verify-date"
              />
              <Button type="submit" size="md" loading={check.isPending} disabled={!text.trim()} data-testid="verify-submit">
                {t('registry.verify.check')}
              </Button>
            </Group>
          </Stack>
        </form>
        {check.isError && <ErrorAlert error={check.error} />}
        {check.data && <Verdict result={check.data} />}
      </Stack>
    </Paper>
  );
}

function safeParse(value: string) {
  try {
    return parseVerifyList(value.replace(/[;\t,]/g, ' '))[0];
  } catch {
    return undefined;
  }
}

function Verdict({ result }: { result: VerifyResult }) {
  const t = useT();
  const format = useFormat();
  const kind = !result.found ? 'not_found' : result.validOnDate ? 'valid' : 'invalid';
  const color = { valid: 'green', invalid: 'red', not_found: 'gray' }[kind];
  const best = result.records.find((r) => r.validOnDate) ?? result.records[0];
  return (
    <Stack gap="sm" data-testid="verify-verdict" data-verdict={kind}>
      <Alert color={color} variant="filled" radius="md" p="lg">
        <Text size="xl" fw={700} data-testid="verify-verdict-text">
          {kind === 'valid' ? t('registry.verify.valid') : kind === 'invalid' ? t('registry.verify.invalid') : t('registry.verify.notFound')}
        </Text>
        <Text size="sm">
          {t('registry.verify.onDate', { date: format.date(result.date) })}
          {best && kind === 'invalid' ? ` · ${statusLabel(t, best.status)}` : ''}
        </Text>
      </Alert>
      {result.records.map((r) => (
        <VerifiedCard key={`${r.origin}-${r.recordId}`} record={r} />
      ))}
    </Stack>
  );
}

function VerifiedCard({ record }: { record: VerifiedRecord }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  return (
    <Paper withBorder p="md" radius="md" data-testid="verify-record">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label={t('registry.number')}>
          <Anchor component={Link} to={`/registry/${record.recordId}`} ff="monospace">
            {record.number}
          </Anchor>
        </Field>
        <Field label={t('registry.status')}>
          <RegistryStatusBadge status={record.status} />
        </Field>
        <Field label={t('registry.product')}>{record.productName}</Field>
        <Field label={t('registry.levelPoints')}>{levelText(t, record.level, record.points) || '—'}</Field>
        <Field label={t('registry.maker')}>
          {record.maker.organizationId ? (
            <Anchor component={Link} to={`/organizations/${record.maker.organizationId}`}>
              {record.maker.name}
            </Anchor>
          ) : (
            record.maker.name
          )}
          {record.maker.inn ? ` · ${t('org.inn')} ${record.maker.inn}` : ''} · {format.country(record.maker.country)}
        </Field>
        <Field label={t('registry.ruleSet')}>
          {record.ruleSet ? localText(record.ruleSet.title, locale) : t(record.origin === 'gisp' ? 'registry.origin.gisp' : 'registry.origin.reestr')}
        </Field>
        <Field label={t('registry.record.validity')}>
          {format.date(record.validFrom)} — {format.date(record.validTill)}
          {record.endDate ? ` (${t('registry.record.endDate')} ${format.date(record.endDate)})` : ''}
        </Field>
      </SimpleGrid>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function BulkVerify() {
  const t = useT();
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIso());
  const [fileName, setFileName] = useState<string | null>(null);
  const check = useMutation({ mutationFn: (body: { text: string; date: string }) => verifyBulk(body) });
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('registry.verify.bulk')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('registry.verify.bulkHint')}
        </Text>
        <Textarea
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={14}
          label={t('registry.verify.list')}
          data-testid="verify-bulk-text"
        />
        <Group gap="sm" align="flex-end">
          <FileButton
            accept=".txt,.csv,text/plain,text/csv"
            onChange={(file) => {
              if (!file) return;
              setFileName(file.name);
              void file.text().then(setText);
            }}
          >
            {(props) => (
              <Button variant="default" {...props} data-testid="verify-bulk-file">
                {t('registry.verify.chooseFile')}
              </Button>
            )}
          </FileButton>
          {fileName && (
            <Text size="sm" c="dimmed">
              {fileName}
            </Text>
          )}
          <TextInput
            type="date"
            label={t('registry.verify.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value || todayIso())}
            data-testid="verify-bulk-date"
          />
          <Button loading={check.isPending} disabled={!text.trim()} onClick={() => check.mutate({ text, date })} data-testid="verify-bulk-submit">
            {t('registry.verify.checkList')}
          </Button>
        </Group>
        {check.isError && <ErrorAlert error={check.error} />}
        {check.data && <BulkResults result={check.data} />}
      </Stack>
    </Paper>
  );
}

function csvCell(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function BulkResults({ result }: { result: BulkVerifyResult }) {
  const t = useT();
  const format = useFormat();
  const download = () => {
    const header = [
      'query',
      'date',
      'found',
      'valid',
      'number',
      'status',
      'level',
      'points',
      'maker',
      'inn',
      'country',
      'validFrom',
      'validTill',
      'endDate',
      'error',
    ];
    const lines = [header.join(';')];
    for (const r of result.results) {
      const query = r.query.number ?? r.query.designation ?? '';
      const rows = r.records.length ? r.records : [null];
      for (const rec of rows) {
        lines.push(
          [
            query,
            r.date ?? '',
            r.found ? 'yes' : 'no',
            rec ? (rec.validOnDate ? 'yes' : 'no') : 'no',
            rec?.number ?? '',
            rec?.status ?? 'not_in_registry',
            rec?.level ?? '',
            rec?.points ?? '',
            rec?.maker.name ?? '',
            rec?.maker.inn ?? '',
            rec?.maker.country ?? '',
            rec?.validFrom ?? '',
            rec?.validTill ?? '',
            rec?.endDate ?? '',
            r.error ?? '',
          ]
            .map((v) => csvCell(String(v)))
            .join(';'),
        );
      }
    }
    const blob = new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'registry-verification.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Stack gap="sm" data-testid="verify-bulk-results">
      <Group justify="space-between">
        <Text size="sm" data-testid="verify-bulk-summary">
          {t('registry.verify.bulkSummary', { total: result.total, found: result.found, valid: result.valid })}
        </Text>
        <Button variant="light" onClick={download} data-testid="verify-bulk-download">
          {t('registry.verify.downloadCsv')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={700}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('registry.verify.query')}</Table.Th>
              <Table.Th>{t('registry.verify.date')}</Table.Th>
              <Table.Th>{t('registry.verify.result')}</Table.Th>
              <Table.Th>{t('registry.number')}</Table.Th>
              <Table.Th>{t('registry.maker')}</Table.Th>
              <Table.Th>{t('registry.levelPoints')}</Table.Th>
              <Table.Th>{t('registry.validTill')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.results.map((r, i) => {
              const rec = r.records.find((x) => x.validOnDate) ?? r.records[0];
              return (
                <Table.Tr key={i} data-testid="verify-bulk-row" data-valid={String(r.validOnDate)}>
                  <Table.Td ff="monospace">{r.query.number ?? r.query.designation}</Table.Td>
                  <Table.Td>{format.date(r.date)}</Table.Td>
                  <Table.Td>
                    {r.error ? (
                      <Text size="sm" c="red">
                        {r.error}
                      </Text>
                    ) : rec ? (
                      <RegistryStatusBadge status={rec.status} />
                    ) : (
                      <RegistryStatusBadge status="not_in_registry" />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {rec && (
                      <Anchor component={Link} to={`/registry/${rec.recordId}`} ff="monospace">
                        {rec.number}
                      </Anchor>
                    )}
                    {r.records.length > 1 && (
                      <Text size="xs" c="dimmed">
                        {t('registry.verify.moreRecords', { count: r.records.length - 1 })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{rec?.maker.name}</Table.Td>
                  <Table.Td>{rec ? levelText(t, rec.level, rec.points) : ''}</Table.Td>
                  <Table.Td>{format.date(rec?.endDate ?? rec?.validTill)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
