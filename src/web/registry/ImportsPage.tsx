import { Alert, Anchor, Button, FileInput, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { RequireUser } from '../auth/RequireUser';
import { useCurrentUser } from '../auth/api';
import { postForm, type UploadProgress } from '../bom/upload';
import { useFormat, useT } from '../i18n';
import { ErrorAlert } from '../ui/QueryStates';
import { PagedResult } from '../ui/PagedResult';
import { useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { useImports } from './api';
import { RegistryNav } from './RegistryNav';
import type { ImportSummary, RegistryImport } from './types';

const NO_FILTERS: readonly never[] = [];

/** Administrators import the Russian registry's open data (ПП 719 CSV) and see what changed. */
export function ImportsPage() {
  return (
    <RequireUser>
      <Imports />
    </RequireUser>
  );
}

function Imports() {
  const t = useT();
  usePageTitle(t('registry.imports.title'));
  const user = useCurrentUser();
  const list = useListParams(NO_FILTERS, NO_FILTERS);
  const isAdmin = user?.role === 'admin';
  const history = useImports(list.page, 20);
  return (
    <Stack gap="md">
      <RegistryNav />
      <Title order={1}>{t('registry.imports.title')}</Title>
      <Group>
        <Anchor href="/api/registry/export/gisp.csv" download data-testid="imports-export">
          {t('registry.imports.export')}
        </Anchor>
      </Group>
      {!isAdmin ? (
        <Alert color="yellow">{t('registry.imports.adminsOnly')}</Alert>
      ) : (
        <>
          <ImportUpload />
          <Title order={2} size="h3">
            {t('registry.imports.history')}
          </Title>
          <PagedResult query={history} page={list.page} onPage={list.setPage} emptyText={t('registry.imports.empty')}>
            {(items) => <ImportTable items={items} />}
          </PagedResult>
        </>
      )}
    </Stack>
  );
}

function ImportUpload() {
  const t = useT();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [result, setResult] = useState<RegistryImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  const busy = progress !== null;

  const start = async () => {
    if (!file) return;
    const form = new FormData();
    if (asOf) form.append('asOf', asOf);
    form.append('file', file);
    abort.current = new AbortController();
    setError(null);
    setResult(null);
    try {
      const imported = await postForm<RegistryImport>('/api/registry/imports/gisp', form, { onProgress: setProgress, signal: abort.current.signal });
      setResult(imported);
      setFile(null);
      void client.invalidateQueries({ queryKey: ['registry'] });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('registry.imports.upload')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('registry.imports.uploadHint')}
        </Text>
        <Group gap="sm" align="flex-end">
          <FileInput
            accept=".csv,text/csv"
            label={t('registry.imports.file')}
            placeholder={t('registry.record.chooseFile')}
            value={file}
            onChange={setFile}
            clearable
            w={320}
            disabled={busy}
            data-testid="imports-file"
          />
          <TextInput
            type="date"
            label={t('registry.imports.asOf')}
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            disabled={busy}
            data-testid="imports-as-of"
          />
          <Button disabled={!file || busy} loading={busy} onClick={() => void start()} data-testid="imports-start">
            {t('registry.imports.start')}
          </Button>
          {busy && (
            <Button variant="subtle" color="red" onClick={() => abort.current?.abort()}>
              {t('bom.progress.cancel')}
            </Button>
          )}
        </Group>
        {progress && (
          <Stack gap={4}>
            <Progress value={progress.fraction * 100} animated={progress.sent} />
            <Text size="sm" c="dimmed">
              {progress.sent ? t('registry.imports.processing') : t('bom.progress.uploading', { percent: `${Math.round(progress.fraction * 100)}%` })}
            </Text>
          </Stack>
        )}
        {error !== null && <ErrorAlert error={error} />}
        {result && <ImportSummaryView item={result} />}
      </Stack>
    </Paper>
  );
}

function ImportSummaryView({ item }: { item: RegistryImport }) {
  const t = useT();
  const format = useFormat();
  const s: ImportSummary = item.summary;
  const cells: [string, number][] = [
    [t('registry.imports.rows'), s.rows],
    [t('registry.imports.records'), s.records],
    [t('registry.imports.new'), s.new],
    [t('registry.imports.renewed'), s.renewed],
    [t('registry.imports.excluded'), s.excluded],
    [t('registry.imports.expired'), s.expired],
    [t('registry.imports.updated'), s.updated],
    [t('registry.imports.unchanged'), s.unchanged],
    [t('registry.imports.absent'), s.absent],
    [t('registry.imports.rejectedRows'), s.rejectedRows],
  ];
  return (
    <Stack gap="xs" data-testid="imports-summary">
      <Text size="sm" fw={500}>
        {t('registry.imports.summaryOf', { file: item.fileName, asOf: format.date(s.asOf) })}
        {s.previousAsOf ? ` · ${t('registry.imports.comparedWith', { date: format.date(s.previousAsOf) })}` : ''}
      </Text>
      {s.error && <Alert color="red">{s.error}</Alert>}
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        {cells.map(([label, value]) => (
          <Paper key={label} withBorder p="xs" radius="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700}>{format.number(value)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      {s.rejected.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('registry.imports.rejected')}
          </Text>
          {s.rejected.map((r) => (
            <Text size="xs" key={r.line} c="red.8">
              {t('registry.imports.line', { line: r.line })}: {r.message}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ImportTable({ items }: { items: RegistryImport[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped data-testid="imports-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('registry.imports.startedAt')}</Table.Th>
            <Table.Th>{t('registry.imports.file')}</Table.Th>
            <Table.Th>{t('registry.imports.asOf')}</Table.Th>
            <Table.Th>{t('registry.imports.records')}</Table.Th>
            <Table.Th>{t('registry.imports.new')}</Table.Th>
            <Table.Th>{t('registry.imports.renewed')}</Table.Th>
            <Table.Th>{t('registry.imports.excluded')}</Table.Th>
            <Table.Th>{t('registry.imports.expired')}</Table.Th>
            <Table.Th>{t('registry.imports.rejectedRows')}</Table.Th>
            <Table.Th>{t('registry.imports.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{format.dateTime(i.startedAt)}</Table.Td>
              <Table.Td>{i.fileName}</Table.Td>
              <Table.Td>{format.date(i.summary.asOf)}</Table.Td>
              <Table.Td>{format.number(i.summary.records)}</Table.Td>
              <Table.Td>{format.number(i.summary.new)}</Table.Td>
              <Table.Td>{format.number(i.summary.renewed)}</Table.Td>
              <Table.Td>{format.number(i.summary.excluded)}</Table.Td>
              <Table.Td>{format.number(i.summary.expired)}</Table.Td>
              <Table.Td>{format.number(i.summary.rejectedRows)}</Table.Td>
              <Table.Td>{t(`registry.imports.status.${i.summary.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
