import { Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../http/client';
import { useFormat, useT } from '../i18n';
import { eventLabel } from './labels';
import { leafHash, verifyCheckpointSignature, verifyInclusion } from './merkle';
import type { LogKey, RecordLog } from './types';

type EntryCheck = { seq: number; kind: string; at: string; leafHash: string; leafOk: boolean; proofOk: boolean | null };
type LogCheck = { entries: EntryCheck[]; ok: boolean; signature: boolean | null };

function entryKind(entry: string): string {
  try {
    const kind = (JSON.parse(entry) as { kind?: unknown }).kind;
    return typeof kind === 'string' ? kind : '';
  } catch {
    return '';
  }
}

/**
 * Everything checked here, in the browser: each entry's leaf hash from its canonical JSON, its inclusion proof
 * up to the checkpoint root (RFC 9162), and the checkpoint's Ed25519 signature when WebCrypto has Ed25519.
 */
async function checkLog(log: RecordLog, key: LogKey | null): Promise<LogCheck> {
  const cp = log.checkpoint;
  const entries: EntryCheck[] = [];
  for (const e of log.entries) {
    const leafOk = (await leafHash(e.entry)) === e.leafHash.toLowerCase();
    const proofOk = cp && e.proof ? await verifyInclusion(e.seq, cp.treeSize, e.leafHash, e.proof, cp.rootHash) : null;
    entries.push({ seq: e.seq, kind: entryKind(e.entry), at: e.at, leafHash: e.leafHash, leafOk, proofOk });
  }
  const signature = cp && key && key.keyId === cp.keyId ? await verifyCheckpointSignature(key.publicKeyPem, cp) : cp && key ? false : null;
  const proven = entries.filter((e) => e.proofOk !== null);
  const ok = proven.length > 0 && entries.every((e) => e.leafOk && e.proofOk !== false) && signature !== false;
  return { entries, ok, signature };
}

export function LogProof({ recordId }: { recordId: number }) {
  const t = useT();
  const format = useFormat();
  const log = useQuery({
    queryKey: ['registry', 'log', recordId],
    queryFn: ({ signal }) => api<RecordLog>(`/api/registry/records/${recordId}/log`, { signal }),
  });
  const key = useQuery({
    queryKey: ['registry', 'log-key'],
    queryFn: ({ signal }) => api<LogKey>('/api/registry/log/key', { signal }),
    staleTime: Infinity,
  });
  const checked = useQuery({
    queryKey: ['registry', 'log-check', recordId, log.data, key.data ?? null],
    queryFn: () => checkLog(log.data!, key.data ?? null),
    enabled: !!log.data && !key.isPending,
  });
  const cp = log.data?.checkpoint ?? null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="log-proof">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('registry.log.title')}
          </Title>
          {checked.data && (
            <Badge
              size="lg"
              color={checked.data.ok ? 'green' : 'red'}
              variant="filled"
              style={{ textTransform: 'none' }}
              data-testid="log-verdict"
              data-ok={String(checked.data.ok)}
            >
              {checked.data.ok ? t('registry.log.proofChecks') : t('registry.log.proofFails')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('registry.log.hint')}
        </Text>
        {log.isError && (
          <Text c="red" size="sm">
            {log.error.message}
          </Text>
        )}
        {log.data && !cp && (
          <Text size="sm" c="dimmed">
            {t('registry.log.noCheckpoint')}
          </Text>
        )}
        {cp && (
          <Stack gap={4}>
            <Text size="sm" data-testid="log-checkpoint">
              {t('registry.log.checkpoint', { size: cp.treeSize, at: format.dateTime(cp.signedAt) })}
            </Text>
            <Text size="xs" style={{ wordBreak: 'break-all' }}>
              {t('registry.log.root')}: <Code>{cp.rootHash}</Code>
            </Text>
            <Text size="xs" style={{ wordBreak: 'break-all' }}>
              {t('registry.log.signature', { keyId: cp.keyId })}: <Code>{cp.signature}</Code>
            </Text>
            {checked.data && (
              <Text size="xs" c={checked.data.signature === false ? 'red' : 'dimmed'} data-testid="log-signature" data-ok={String(checked.data.signature)}>
                {checked.data.signature === true
                  ? t('registry.log.signatureOk')
                  : checked.data.signature === false
                    ? t('registry.log.signatureBad')
                    : t('registry.log.signatureUnchecked')}
              </Text>
            )}
          </Stack>
        )}
        {checked.data && checked.data.entries.length > 0 && (
          <Table.ScrollContainer minWidth={600} data-print="fit">
            <Table data-testid="log-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.log.seq')}</Table.Th>
                  <Table.Th>{t('registry.history.kind')}</Table.Th>
                  <Table.Th>{t('registry.history.at')}</Table.Th>
                  <Table.Th>{t('registry.log.leafHash')}</Table.Th>
                  <Table.Th>{t('registry.log.proof')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {checked.data.entries.map((e) => (
                  <Table.Tr key={e.seq} data-testid="log-entry" data-ok={String(e.leafOk && e.proofOk !== false)}>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td>{eventLabel(t, e.kind)}</Table.Td>
                    <Table.Td>{format.dateTime(e.at)}</Table.Td>
                    <Table.Td>
                      <Code title={e.leafHash}>{e.leafHash.slice(0, 16)}…</Code>
                      {!e.leafOk && (
                        <Text span c="red" size="xs">
                          {' '}
                          ✗
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{e.proofOk === null ? t('registry.log.pending') : e.proofOk ? '✓' : '✗'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
