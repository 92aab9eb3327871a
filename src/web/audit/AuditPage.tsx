import { Alert, Badge, Code, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import { changedFields } from '../../domain/audit';
import { RequireUser } from '../auth/RequireUser';
import { useCurrentUser } from '../auth/api';
import { useFormat, useT } from '../i18n';
import { PagedResult } from '../ui/PagedResult';
import { useListParams } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { useAuditFacets, useAuditTrail, type AuditEvent } from './api';

const FILTERS = ['entity', 'actorUserId', 'refused', 'from', 'to'] as const;
const NO_SORT: readonly never[] = [];

/** Administrators read who did what, when, and what it changed. */
export function AuditPage() {
  return (
    <RequireUser>
      <Audit />
    </RequireUser>
  );
}

function Audit() {
  const t = useT();
  usePageTitle(t('audit.title'));
  const user = useCurrentUser();
  const list = useListParams(FILTERS, NO_SORT);
  const facets = useAuditFacets();
  const trail = useAuditTrail(list.page, list.filters);
  if (user?.role !== 'admin') return <Alert color="yellow">{t('audit.adminsOnly')}</Alert>;
  return (
    <Stack gap="md">
      <Title order={1}>{t('audit.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('audit.intro')}
      </Text>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('audit.entity')}
          data={facets.data?.entities ?? []}
          value={list.filters.entity || null}
          onChange={(v) => list.setFilters({ entity: v })}
          clearable
          searchable
          w={220}
          data-testid="audit-entity"
        />
        <Select
          label={t('audit.actor')}
          data={(facets.data?.actors ?? []).map((a) => ({ value: String(a.id), label: a.email }))}
          value={list.filters.actorUserId || null}
          onChange={(v) => list.setFilters({ actorUserId: v })}
          clearable
          searchable
          w={240}
          data-testid="audit-actor"
        />
        <TextInput type="date" label={t('audit.from')} value={list.filters.from} onChange={(e) => list.setFilters({ from: e.currentTarget.value })} />
        <TextInput type="date" label={t('audit.to')} value={list.filters.to} onChange={(e) => list.setFilters({ to: e.currentTarget.value })} />
        <SegmentedControl
          value={list.filters.refused || 'all'}
          onChange={(v) => list.setFilters({ refused: v === 'all' ? null : v })}
          data={[
            { value: 'all', label: t('audit.all') },
            { value: 'false', label: t('audit.done') },
            { value: 'true', label: t('audit.refused') },
          ]}
          data-testid="audit-refused"
        />
      </Group>
      <PagedResult query={trail} page={list.page} onPage={list.setPage} emptyText={t('audit.empty')}>
        {(items) => <AuditTable items={items} />}
      </PagedResult>
    </Stack>
  );
}

function AuditTable({ items }: { items: AuditEvent[] }) {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Table striped highlightOnHover data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.at')}</Table.Th>
          <Table.Th>{t('audit.actor')}</Table.Th>
          <Table.Th>{t('audit.action')}</Table.Th>
          <Table.Th>{t('audit.subject')}</Table.Th>
          <Table.Th>{t('audit.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((e) => (
          <Fragment key={e.id}>
            <Table.Tr data-testid="audit-row">
              <Table.Td>
                <UnstyledButton onClick={() => setOpen(open === e.id ? null : e.id)} aria-expanded={open === e.id} data-testid="audit-open">
                  <Text size="sm" td="underline">
                    {f.dateTime(e.at)}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.actor.email ?? '—'}</Text>
                <Text size="xs" c="dimmed">
                  {[e.actor.role, e.actor.country, e.actor.via].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{e.action}</Code>
              </Table.Td>
              <Table.Td>
                {e.entity}
                {e.entityId ? ` #${e.entityId}` : ''}
              </Table.Td>
              <Table.Td>
                <Badge color={(e.statusCode ?? 0) < 400 ? 'green' : 'red'} variant="light">
                  {e.statusCode ?? '—'}
                </Badge>
              </Table.Td>
            </Table.Tr>
            {open === e.id && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <AuditDetails event={e} />
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function AuditDetails({ event }: { event: AuditEvent }) {
  const t = useT();
  const changes = changedFields(event.before ?? null, event.after ?? null);
  return (
    <Stack gap="xs" data-testid="audit-details">
      <Text size="sm">
        {t('audit.url')}: <Code>{event.url}</Code> {event.ip ? `· ${event.ip}` : ''}
      </Text>
      {event.before !== undefined && event.after !== undefined && changes.length > 0 && (
        <Table withTableBorder data-testid="audit-changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Td>
                  <Code>{c.field}</Code>
                </Table.Td>
                <Table.Td>{show(c.before)}</Table.Td>
                <Table.Td>{show(c.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {(['request', 'before', 'after'] as const).map((part) => (
          <div key={part}>
            <Text size="xs" fw={600}>
              {t(`audit.${part}`)}
            </Text>
            <Code block style={{ maxHeight: 260, overflow: 'auto' }}>
              {event[part] === undefined || event[part] === null ? '—' : JSON.stringify(event[part], null, 2)}
            </Code>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
