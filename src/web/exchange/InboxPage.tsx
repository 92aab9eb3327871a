import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { RequireUser } from '../auth/RequireUser';
import { useFormat, useT, type Formatters, type Translate } from '../i18n';
import { ErrorAlert } from '../ui/QueryStates';
import { PagedResult } from '../ui/PagedResult';
import { PAGE_SIZE } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { useInbox, useMarkAllRead, useMarkRead } from './api';
import { ExchangeNav } from './ExchangeNav';
import { demandItem, kindLabel, money } from './labels';
import type { InboxNotification } from './types';

/** `/exchange/inbox`: notifications of the user's organizations, newest first; unread ones in bold. */
export function InboxPage() {
  const t = useT();
  usePageTitle(t('exchange.inbox.title'));
  return (
    <RequireUser>
      <Stack gap="md">
        <ExchangeNav />
        <Inbox />
      </Stack>
    </RequireUser>
  );
}

function Inbox() {
  const t = useT();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useInbox(page, PAGE_SIZE, unreadOnly);
  const mark = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = query.data?.unread ?? 0;

  return (
    <>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('exchange.inbox.title')}</Title>
        <Text c="dimmed" data-testid="inbox-unread" data-count={unread}>
          {t('exchange.inbox.unread', { count: format.number(unread) })}
        </Text>
      </Group>
      <Text c="dimmed" size="sm">
        {t('exchange.inbox.intro')}
      </Text>
      <Group justify="space-between">
        <SegmentedControl
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => {
            setUnreadOnly(value === 'unread');
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('exchange.inbox.all') },
            { value: 'unread', label: t('exchange.inbox.unreadOnly') },
          ]}
          data-testid="inbox-filter"
        />
        <Button variant="default" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="inbox-mark-all">
          {t('exchange.inbox.markAll')}
        </Button>
      </Group>
      {mark.isError && <ErrorAlert error={mark.error} />}
      {markAll.isError && <ErrorAlert error={markAll.error} />}
      <PagedResult query={query} page={page} onPage={setPage} emptyText={t('exchange.inbox.empty')}>
        {(items) => (
          <Table data-testid="inbox-table">
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr
                  key={n.id}
                  data-testid="inbox-item"
                  data-id={n.id}
                  data-kind={n.kind}
                  data-demand={n.demandId ?? undefined}
                  data-read={n.readAt ? 'true' : 'false'}
                >
                  <Table.Td w={12}>{!n.readAt && <Badge size="xs" circle color="blue" aria-label={t('exchange.inbox.new')} />}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text fw={n.readAt ? 400 : 700}>{kindLabel(t, n.kind)}</Text>
                        <Text size="xs" c="dimmed">
                          {n.organization.name} · {format.dateTime(n.createdAt)}
                        </Text>
                      </Group>
                      <Text size="sm">{describe(n, t, format)}</Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {n.demandId !== null && (
                        <Anchor
                          component={Link}
                          to={n.payload.contractId ? `/exchange/contracts/${n.payload.contractId}` : `/exchange/demands/${n.demandId}`}
                          onClick={() => !n.readAt && mark.mutate(n.id)}
                          size="sm"
                          data-testid="inbox-open"
                        >
                          {n.payload.contractId ? t('exchange.inbox.openContract') : t('exchange.inbox.openDemand')}
                        </Anchor>
                      )}
                      {!n.readAt && (
                        <Button size="compact-xs" variant="subtle" onClick={() => mark.mutate(n.id)} data-testid="inbox-mark-read">
                          {t('exchange.inbox.markRead')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedResult>
    </>
  );
}

/** One line saying what happened: the item and quantity, the matched product types, the offer. */
function describe(n: InboxNotification, t: Translate, format: Formatters): string {
  const { demand, productTypes, offer, reason } = n.payload;
  const parts: string[] = [];
  if (demand) parts.push(t('exchange.inbox.demandLine', { item: demandItem(demand), quantity: format.number(demand.quantityPerYear) }));
  if (demand?.buyer) parts.push(demand.buyer.name);
  if (productTypes?.length) parts.push(t('exchange.inbox.yourProducts', { list: productTypes.map((p) => p.designation).join(', ') }));
  if (offer)
    parts.push(`${offer.producer.name}: ${offer.productType.designation}, ${money(format.intl, offer.price, offer.currency)} × ${format.number(offer.volume)}`);
  if (reason) parts.push(reason);
  if (!demand && n.demandId !== null) parts.push(t('exchange.inbox.demandN', { id: n.demandId }));
  return parts.join(' · ');
}
