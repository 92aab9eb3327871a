import { Alert, Button, Code, CopyButton, Group, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { RequireUser } from '../auth/RequireUser';
import { useCurrentUser } from '../auth/api';
import { useFormat, useT } from '../i18n';
import { PagedResult } from '../ui/PagedResult';
import { ErrorAlert, QueryContent } from '../ui/QueryStates';
import { PAGE_SIZE } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { useDeliveries, useSaveWebhook, useWebhook } from './api';
import { DeliveryStatusBadge } from './Badges';
import { ExchangeNav } from './ExchangeNav';
import { useFoundOrganizations } from './found';
import { DELIVERY_STATUSES, deliveryStatusLabel, managedOrganizations, mergeOptions } from './labels';
import type { Webhook } from './types';

/** A random HMAC key (32 bytes, hex) made in the browser, for "new secret". */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `/exchange/webhooks`: an organization's webhook (URL, secret shown once) and its delivery log, for its managers. */
export function WebhookPage() {
  const t = useT();
  usePageTitle(t('exchange.webhook.title'));
  return (
    <RequireUser>
      <Stack gap="md">
        <ExchangeNav />
        <Title order={1}>{t('exchange.webhook.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('exchange.webhook.intro')}
        </Text>
        <WebhookSettings />
      </Stack>
    </RequireUser>
  );
}

function WebhookSettings() {
  const t = useT();
  const user = useCurrentUser();
  const admin = user?.role === 'admin';
  const managed = managedOrganizations(user).map((m) => ({ value: String(m.organizationId), label: m.organizationName }));
  const [org, setOrg] = useState<string | null>(managed[0]?.value ?? null);
  // administrators set any organization's webhook: they search the organizations by name
  const [search, setSearch] = useState('');
  const found = useFoundOrganizations(search);
  const options = admin
    ? mergeOptions(
        managed,
        found.map((o) => ({ value: String(o.id), label: o.name })),
      )
    : managed;
  const organizationId = org ? Number(org) : null;
  const hook = useWebhook(organizationId);
  if (!admin && managed.length === 0) return <Alert color="yellow">{t('exchange.webhook.notManager')}</Alert>;
  return (
    <Stack gap="md">
      {(admin || managed.length > 1) && (
        <Select
          label={t('exchange.webhook.organization')}
          data={options}
          value={org}
          onChange={setOrg}
          searchable={admin}
          searchValue={admin ? search : undefined}
          onSearchChange={admin ? setSearch : undefined}
          nothingFoundMessage={t('common.nothingFound')}
          allowDeselect={false}
          maw={420}
          data-testid="webhook-organization"
        />
      )}
      {organizationId !== null && <QueryContent query={hook}>{(h) => <WebhookForm key={h.organizationId} hook={h} />}</QueryContent>}
      {organizationId !== null && hook.data?.configured && <Deliveries organizationId={organizationId} />}
    </Stack>
  );
}

function WebhookForm({ hook }: { hook: Webhook }) {
  const t = useT();
  const format = useFormat();
  const save = useSaveWebhook(hook.organizationId);
  const [url, setUrl] = useState(hook.url ?? '');
  const [active, setActive] = useState(hook.configured ? hook.active : true);
  const [shownSecret, setShownSecret] = useState<string | null>(null);
  useEffect(() => setShownSecret(null), [hook.organizationId]);

  const submit = (event: FormEvent, secret?: string) => {
    event.preventDefault();
    save.mutate({ url: url.trim(), active, ...(secret ? { secret } : {}) }, { onSuccess: (saved) => setShownSecret(secret ?? saved.secret ?? null) });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack component="form" gap="sm" onSubmit={(e: FormEvent) => submit(e)} data-testid="webhook-form" data-configured={hook.configured}>
        <TextInput
          label={t('exchange.webhook.url')}
          description={t('exchange.webhook.urlHint')}
          placeholder="https://erp.example.by/hooks/reestr"
          required
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          maxLength={2000}
          data-testid="webhook-url"
        />
        <Switch label={t('exchange.webhook.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="webhook-active" />
        {hook.configured && (
          <Text size="sm" c="dimmed" data-testid="webhook-secret-hint">
            {t('exchange.webhook.secretHint', { hint: hook.secretHint ?? '', date: format.dateTime(hook.updatedAt) })}
          </Text>
        )}
        {shownSecret && (
          <Alert color="yellow" title={t('exchange.webhook.secretOnce')} data-testid="webhook-secret">
            <Group gap="xs">
              <Code style={{ overflowWrap: 'anywhere' }} data-testid="webhook-secret-value">
                {shownSecret}
              </Code>
              <CopyButton value={shownSecret}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" onClick={copy}>
                    {copied ? t('bom.action.copied') : t('exchange.webhook.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="webhook-save">
            {t('exchange.webhook.save')}
          </Button>
          {hook.configured && (
            <Button variant="default" loading={save.isPending} onClick={(e) => submit(e, randomSecret())} data-testid="webhook-rotate">
              {t('exchange.webhook.rotate')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('exchange.webhook.signature')}
        </Text>
      </Stack>
    </Paper>
  );
}

function Deliveries({ organizationId }: { organizationId: number }) {
  const t = useT();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | null>(null);
  const query = useDeliveries(organizationId, page, PAGE_SIZE, status ?? '');
  return (
    <Stack gap="sm" component="section" aria-labelledby="deliveries-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="deliveries-title">
          {t('exchange.webhook.deliveries')}
        </Title>
        <Select
          placeholder={t('common.all')}
          clearable
          data={DELIVERY_STATUSES.map((value) => ({ value, label: deliveryStatusLabel(t, value) }))}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          w={200}
          data-testid="deliveries-filter"
        />
      </Group>
      <PagedResult query={query} page={page} onPage={setPage} emptyText={t('exchange.webhook.noDeliveries')}>
        {(items) => (
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="delivery-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('exchange.webhook.event')}</Table.Th>
                  <Table.Th>{t('exchange.offer.status')}</Table.Th>
                  <Table.Th ta="right">{t('exchange.webhook.attempts')}</Table.Th>
                  <Table.Th>{t('exchange.webhook.lastAttempt')}</Table.Th>
                  <Table.Th>{t('exchange.webhook.next')}</Table.Th>
                  <Table.Th>{t('exchange.webhook.answer')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                    <Table.Td>
                      <Text size="sm">{d.event}</Text>
                      <Text size="xs" c="dimmed">
                        {format.dateTime(d.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DeliveryStatusBadge status={d.status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {d.attempts} / {d.maxAttempts}
                    </Table.Td>
                    <Table.Td>{format.dateTime(d.lastAttemptAt)}</Table.Td>
                    <Table.Td>{format.dateTime(d.nextAttemptAt)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                        {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : ''} {d.lastError ?? ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedResult>
    </Stack>
  );
}
