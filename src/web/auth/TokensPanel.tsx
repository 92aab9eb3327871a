import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiToken, CreatedToken } from '../http/types';
import { useFormat, useT } from '../i18n';
import { ErrorAlert, QueryContent } from '../ui/QueryStates';
import { Dash } from '../ui/SourceText';
import { useRevokeToken, useTokens } from './api';
import { CreateTokenForm } from './CreateTokenForm';

/** Personal API tokens: list, create (secret shown once), revoke. */
export function TokensPanel() {
  const t = useT();
  const tokens = useTokens();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <Paper withBorder p="lg" radius="md" data-testid="tokens-panel">
      <Stack>
        <Title order={2} size="h3">
          {t('tokens.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tokens.hint')}
        </Text>
        {created && <NewTokenSecret created={created} onDone={() => setCreated(null)} />}
        <QueryContent query={tokens}>{(data) => <TokenTable tokens={data.items} />}</QueryContent>
        <CreateTokenForm onCreated={setCreated} />
      </Stack>
    </Paper>
  );
}

function NewTokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const t = useT();
  return (
    <Alert color="green" variant="light" title={t('tokens.secretTitle')} data-testid="token-secret">
      <Stack gap="xs">
        <Text size="sm">{t('tokens.secretHint')}</Text>
        <Code block data-testid="token-secret-value" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {created.token}
        </Code>
        <Group gap="xs">
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('tokens.copied') : t('tokens.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('tokens.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const t = useT();
  const revoke = useRevokeToken();
  if (tokens.length === 0) return <Text c="dimmed">{t('tokens.empty')}</Text>;
  return (
    <Stack gap="xs">
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.name')}</Table.Th>
              <Table.Th>{t('tokens.scope')}</Table.Th>
              <Table.Th>{t('tokens.prefix')}</Table.Th>
              <Table.Th>{t('tokens.createdAt')}</Table.Th>
              <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
              <Table.Th>{t('tokens.expiresAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                revoking={revoke.isPending && revoke.variables === token.id}
                onRevoke={() => {
                  if (window.confirm(t('tokens.revokeConfirm', { name: token.name }))) revoke.mutate(token.id);
                }}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function TokenRow({ token, revoking, onRevoke }: { token: ApiToken; revoking: boolean; onRevoke: () => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.Tr data-testid="token-row">
      <Table.Td>{token.name}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={token.scope === 'write' ? 'orange' : 'blue'}>
          {t(`tokens.scope.${token.scope}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{token.prefix ? <Code>{token.prefix}…</Code> : <Dash />}</Table.Td>
      <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
      <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.never')}</Table.Td>
      <Table.Td>{token.expiresAt ? format.date(token.expiresAt) : t('tokens.noExpiry')}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="subtle" color="red" loading={revoking} onClick={onRevoke}>
          {t('tokens.revoke')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
