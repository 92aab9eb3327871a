import { Alert, Anchor, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../auth/api';
import { AnalogTypeBadge } from '../catalogue/Badges';
import { useProductTypes } from '../catalogue/api';
import type { AnalogType, SearchTier, User } from '../http/types';
import { useFormat, useT } from '../i18n';
import { TierBadge } from '../search/TierBadge';
import { DetailList } from '../ui/DetailList';
import { NotFound } from '../ui/NotFound';
import { ErrorAlert, QueryContent } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { useCloseDemand, useCreateOffer, useDecideOffer, useDemand, useDemandOffers } from './api';
import { DemandStatusBadge, DemoBadge, OfferStatusBadge, VisibilityBadge } from './Badges';
import { ExchangeNav } from './ExchangeNav';
import { CURRENCIES, demandItem, money, todayIso } from './labels';
import { BuyerName, OrganizationLink } from './Parties';
import type { Contract, DemandDetail, Offer } from './types';

/** `/exchange/demands/:id`: the demand, its matches (all for the buyer, its own for a producer), offers and the offer form. */
export function DemandPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useDemand(id);
  usePageTitle(query.data ? demandItem(query.data) : t('exchange.demand.title'));
  return (
    <Stack gap="md">
      <ExchangeNav />
      <QueryContent query={query} notFound={<NotFound message={t('exchange.demand.notFound')} />}>
        {(demand) => <DemandView demand={demand} />}
      </QueryContent>
    </Stack>
  );
}

function DemandView({ demand }: { demand: DemandDetail }) {
  const t = useT();
  const format = useFormat();
  const user = useCurrentUser();
  const close = useCloseDemand(demand.id);
  const offers = useDemandOffers(String(demand.id), user !== null);
  const producerOrgs = user ? user.memberships.filter((m) => m.organizationId !== demand.buyer?.id) : [];
  const canOffer = !demand.mine && demand.status === 'open' && producerOrgs.length > 0;

  return (
    <Stack gap="lg" data-testid="demand" data-id={demand.id} data-status={demand.status}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Title order={1} style={{ overflowWrap: 'anywhere' }} data-testid="demand-item">
            {demandItem(demand)}
          </Title>
          {demand.mine && demand.status === 'open' && (
            <Group gap="xs" data-print="hide">
              <Button component={Link} to={`/exchange/demands/${demand.id}/edit`} variant="default" data-testid="demand-edit">
                {t('exchange.demand.edit')}
              </Button>
              <Button color="red" variant="light" onClick={() => close.mutate()} loading={close.isPending} data-testid="demand-close">
                {t('exchange.demand.close')}
              </Button>
            </Group>
          )}
        </Group>
        <Group gap="xs">
          <DemandStatusBadge status={demand.status} />
          <VisibilityBadge visibility={demand.visibility} />
          {demand.demo && <DemoBadge />}
        </Group>
      </Stack>
      {close.isError && <ErrorAlert error={close.error} />}
      <DetailList
        items={[
          { label: t('exchange.demand.buyer'), value: <BuyerName demand={demand} /> },
          { label: t('exchange.demand.partNumber'), value: demand.partNumber, testId: 'demand-part-number' },
          { label: t('exchange.demand.description'), value: demand.description },
          { label: t('exchange.demand.category'), value: demand.categoryCode },
          { label: t('exchange.demand.quantityPerYear'), value: format.number(demand.quantityPerYear), testId: 'demand-quantity' },
          { label: t('exchange.demand.neededBy'), value: format.date(demand.neededBy) },
          { label: t('exchange.demand.region'), value: demand.region },
          { label: t('exchange.demand.posted'), value: format.dateTime(demand.createdAt) },
          { label: t('exchange.demand.matchedAt'), value: format.dateTime(demand.matchedAt) },
          {
            label: t('exchange.demand.bomSource'),
            value: demand.bomSource && (
              <Anchor component={Link} to={`/bom/${demand.bomSource.analysisId}`}>
                {t('exchange.demand.bomLine', { position: demand.bomSource.position })}
              </Anchor>
            ),
          },
        ]}
      />

      <Matches demand={demand} />

      {user ? (
        <Stack gap="sm" component="section" aria-labelledby="offers-title">
          <Title order={2} size="h3" id="offers-title">
            {demand.mine ? t('exchange.offers.title') : t('exchange.offers.mine')}
          </Title>
          <QueryContent query={offers}>{(items) => <OfferTable offers={items} demand={demand} user={user} />}</QueryContent>
          {canOffer && <OfferForm demand={demand} user={user} />}
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          <Anchor component={Link} to={`/login?next=${encodeURIComponent(`/exchange/demands/${demand.id}`)}`}>
            {t('auth.signIn')}
          </Anchor>{' '}
          {t('exchange.offers.signIn')}
        </Text>
      )}
    </Stack>
  );
}

function Matches({ demand }: { demand: DemandDetail }) {
  const t = useT();
  if (!demand.partNumber)
    return (
      <Text size="sm" c="dimmed">
        {t('exchange.matches.noPartNumber')}
      </Text>
    );
  return (
    <Stack gap="sm" component="section" aria-labelledby="matches-title">
      <Title order={2} size="h3" id="matches-title">
        {t('exchange.matches.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {demand.mine ? t('exchange.matches.introBuyer') : t('exchange.matches.introOthers')}
      </Text>
      {demand.matches.length === 0 ? (
        <Text c="dimmed" data-testid="matches-empty">
          {t('exchange.matches.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table data-testid="match-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exchange.matches.producer')}</Table.Th>
                <Table.Th>{t('exchange.matches.productType')}</Table.Th>
                <Table.Th>{t('exchange.matches.tier')}</Table.Th>
                <Table.Th>{t('exchange.matches.analogType')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {demand.matches.map((m) => (
                <Table.Tr key={`${m.organization.id}-${m.productType.id}`} data-testid="match-row" data-organization={m.organization.id}>
                  <Table.Td>
                    <OrganizationLink organization={m.organization} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/products/${m.productType.id}`}>
                      {m.productType.designation}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <TierBadge tier={m.tier as SearchTier} />
                  </Table.Td>
                  <Table.Td>{m.analogType && <AnalogTypeBadge type={m.analogType as AnalogType} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function OfferTable({ offers, demand, user }: { offers: Offer[]; demand: DemandDetail; user: User }) {
  const t = useT();
  const format = useFormat();
  const decide = useDecideOffer();
  const [accepting, setAccepting] = useState<Offer | null>(null);
  const [declining, setDeclining] = useState<Offer | null>(null);
  const mine = new Set(user.memberships.map((m) => m.organizationId));
  if (offers.length === 0)
    return (
      <Text c="dimmed" data-testid="offers-empty">
        {t('exchange.offers.none')}
      </Text>
    );
  return (
    <>
      {decide.isError && <ErrorAlert error={decide.error} />}
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="offer-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.offer.producer')}</Table.Th>
              <Table.Th>{t('exchange.offer.productType')}</Table.Th>
              <Table.Th ta="right">{t('exchange.offer.price')}</Table.Th>
              <Table.Th ta="right">{t('exchange.offer.volume')}</Table.Th>
              <Table.Th ta="right">{t('exchange.offer.leadTime')}</Table.Th>
              <Table.Th>{t('exchange.offer.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offers.map((o) => (
              <Table.Tr key={o.id} data-testid="offer-row" data-id={o.id} data-status={o.status}>
                <Table.Td>
                  <OrganizationLink organization={o.producer} />
                  <Text size="xs" c="dimmed">
                    {format.dateTime(o.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/products/${o.productType.id}`}>
                    {o.productType.designation}
                  </Anchor>
                  {o.note && (
                    <Text size="xs" c="dimmed">
                      {o.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{money(format.intl, o.price, o.currency)}</Table.Td>
                <Table.Td ta="right">{format.number(o.volume)}</Table.Td>
                <Table.Td ta="right">{t('exchange.offer.days', { days: format.number(o.leadTimeDays) })}</Table.Td>
                <Table.Td>
                  <OfferStatusBadge status={o.status} />
                  {o.decisionNote && (
                    <Text size="xs" c="dimmed">
                      {o.decisionNote}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {o.status === 'open' && demand.mine && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" onClick={() => setAccepting(o)} data-testid="offer-accept">
                        {t('exchange.offer.accept')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setDeclining(o)} data-testid="offer-decline">
                        {t('exchange.offer.decline')}
                      </Button>
                    </Group>
                  )}
                  {o.status === 'open' && mine.has(o.producer.id) && (
                    <Button
                      size="xs"
                      variant="default"
                      loading={decide.isPending}
                      onClick={() => decide.mutate({ offerId: o.id, action: 'withdraw' })}
                      data-testid="offer-withdraw"
                    >
                      {t('exchange.offer.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {accepting && <AcceptDialog offer={accepting} onClose={() => setAccepting(null)} />}
      {declining && <DeclineDialog offer={declining} onClose={() => setDeclining(null)} />}
    </>
  );
}

function AcceptDialog({ offer, onClose }: { offer: Offer; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const decide = useDecideOffer();
  const [volume, setVolume] = useState<number | string>(offer.volume);
  const [sum, setSum] = useState<number | string>('');
  const [date, setDate] = useState(todayIso());
  const volumeValue = typeof volume === 'number' && volume > 0 ? volume : offer.volume;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate(
      {
        offerId: offer.id,
        action: 'accept',
        volume: volumeValue,
        sum: typeof sum === 'number' ? sum : undefined,
        contractDate: date || undefined,
      },
      { onSuccess: (contract) => navigate(`/exchange/contracts/${(contract as Contract).id}`) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('exchange.accept.title')} size="lg">
      <Stack component="form" onSubmit={submit} gap="sm" data-testid="accept-form">
        <Text size="sm">{t('exchange.accept.intro', { producer: offer.producer.name, product: offer.productType.designation })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput label={t('exchange.offer.volume')} min={0} thousandSeparator=" " value={volume} onChange={setVolume} data-testid="accept-volume" />
          <NumberInput
            label={t('exchange.contract.sum')}
            description={t('exchange.accept.sumHint', { sum: money(format.intl, offer.price * volumeValue, offer.currency) })}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            value={sum}
            onChange={setSum}
            data-testid="accept-sum"
          />
          <TextInput type="date" label={t('exchange.contract.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="accept-date" />
        </SimpleGrid>
        {decide.isError && <ErrorAlert error={decide.error} />}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={decide.isPending} data-testid="accept-submit">
            {t('exchange.accept.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeclineDialog({ offer, onClose }: { offer: Offer; onClose: () => void }) {
  const t = useT();
  const decide = useDecideOffer();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('exchange.decline.title')}>
      <Stack
        component="form"
        gap="sm"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          decide.mutate({ offerId: offer.id, action: 'decline', reason: reason.trim() || undefined }, { onSuccess: onClose });
        }}
      >
        <Textarea
          label={t('exchange.decline.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={2000}
          data-testid="decline-reason"
        />
        {decide.isError && <ErrorAlert error={decide.error} />}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={decide.isPending} data-testid="decline-submit">
            {t('exchange.offer.decline')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A producer's offer: one of its own product types (the matched ones first), price, currency, lead time, volume. */
function OfferForm({ demand, user }: { demand: DemandDetail; user: User }) {
  const t = useT();
  const create = useCreateOffer(demand.id);
  const [opened, form] = useDisclosure(demand.matches.length > 0);
  const orgs = user.memberships.filter((m) => m.organizationId !== demand.buyer?.id);
  const matchedOrg = demand.matches.find((m) => orgs.some((o) => o.organizationId === m.organization.id))?.organization.id;
  const [org, setOrg] = useState<string | null>(String(matchedOrg ?? orgs[0]?.organizationId ?? ''));
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const products = useProductTypes({ maker: org ?? undefined, q: debounced || undefined, page: 1, pageSize: 50 });
  const matched = demand.matches.filter((m) => String(m.organization.id) === org);
  const [productType, setProductType] = useState<string | null>(matched[0] ? String(matched[0].productType.id) : null);
  const [price, setPrice] = useState<number | string>('');
  const [currency, setCurrency] = useState<string | null>('BYN');
  const [lead, setLead] = useState<number | string>(30);
  const [volume, setVolume] = useState<number | string>(demand.quantityPerYear);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);

  const options = useMemo(() => {
    const seen = new Set<string>();
    const all = [
      ...matched.map((m) => ({ value: String(m.productType.id), label: `${m.productType.designation} — ${t('exchange.offer.matched')}` })),
      ...(products.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.designation })),
    ];
    return all.filter((o) => !seen.has(o.value) && seen.add(o.value));
  }, [matched, products.data, t]);

  if (!opened)
    return (
      <Group>
        <Button variant="light" onClick={form.open} data-testid="offer-open">
          {t('exchange.offer.make')}
        </Button>
      </Group>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!productType || typeof price !== 'number' || typeof lead !== 'number' || typeof volume !== 'number' || !currency) return;
    create.mutate(
      { productTypeId: Number(productType), price, currency, leadTimeDays: lead, volume, note: note.trim() || null },
      { onSuccess: () => setSent(true) },
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack component="form" onSubmit={submit} gap="sm" data-testid="offer-form">
        <Title order={3} size="h4">
          {t('exchange.offer.make')}
        </Title>
        {sent && !create.isPending && (
          <Alert color="green" data-testid="offer-sent">
            {t('exchange.offer.sent')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {orgs.length > 1 && (
            <Select
              label={t('exchange.offer.producer')}
              data={orgs.map((m) => ({ value: String(m.organizationId), label: m.organizationName }))}
              value={org}
              onChange={(value) => {
                setOrg(value);
                setProductType(null);
              }}
              allowDeselect={false}
              data-testid="offer-organization"
            />
          )}
          <Select
            label={t('exchange.offer.productType')}
            description={t('exchange.offer.productTypeHint')}
            required
            searchable
            data={options}
            value={productType}
            onChange={setProductType}
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage={t('common.nothingFound')}
            data-testid="offer-product-type"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <NumberInput
            label={t('exchange.offer.price')}
            required
            min={0}
            decimalScale={4}
            thousandSeparator=" "
            value={price}
            onChange={setPrice}
            data-testid="offer-price"
          />
          <Select
            label={t('exchange.offer.currency')}
            required
            data={CURRENCIES}
            value={currency}
            onChange={setCurrency}
            allowDeselect={false}
            data-testid="offer-currency"
          />
          <NumberInput label={t('exchange.offer.leadTimeDays')} required min={0} max={3650} value={lead} onChange={setLead} data-testid="offer-lead-time" />
          <NumberInput
            label={t('exchange.offer.volume')}
            required
            min={0}
            thousandSeparator=" "
            value={volume}
            onChange={setVolume}
            data-testid="offer-volume"
          />
        </SimpleGrid>
        <Textarea
          label={t('exchange.offer.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          data-testid="offer-note"
        />
        {create.isError && <ErrorAlert error={create.error} />}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!productType || price === '' || volume === ''} data-testid="offer-submit">
            {t('exchange.offer.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
