import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/api';
import { useFormat, useT } from '../i18n';
import { useOrganization } from '../organizations/api';
import { NotFound } from '../ui/NotFound';
import { ErrorAlert, QueryContent } from '../ui/QueryStates';
import { CommitTextInput } from '../ui/CommitTextInput';
import { usePageTitle } from '../ui/usePageTitle';
import { useCreateTie, useDeleteTie, useOrganizationGraph, useScopeGraph, useTies } from './api';
import { CooperationGraph } from './CooperationGraph';
import { DemoBadge } from './Badges';
import { ExchangeNav } from './ExchangeNav';
import { TIE_ROLES, tieRoleLabel, todayIso, type Option } from './labels';
import { ChosenMultiSelect } from './ChosenMultiSelect';
import { useFoundOrganizations, useFoundProductTypes } from './found';
import { OrganizationLink } from './Parties';
import type { Tie, TieGraph, TieRole } from './types';

const COUNTRIES = ['BY', 'RU'];

/** `/exchange/cooperation?country=BY&region=BY-MI`: ties with an end in a country or region, as a graph. */
export function CooperationScopePage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('exchange.cooperation.title'));
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  // the API draws one country or one region at a time: Belarus until another is chosen
  const country = params.get('country') || (region ? region.slice(0, 2) : 'BY');
  const graph = useScopeGraph(region ? { region } : { country });
  const set = (name: 'region' | 'country', value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'country') next.delete('region');
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md">
      <ExchangeNav />
      <Title order={1}>{t('exchange.cooperation.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('exchange.cooperation.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" maw={800}>
        <Select
          label={t('exchange.cooperation.country')}
          data={COUNTRIES.map((value) => ({ value, label: format.country(value) }))}
          allowDeselect={false}
          value={country}
          onChange={(value) => set('country', value)}
          data-testid="cooperation-country"
        />
        <CommitTextInput
          label={t('exchange.demand.region')}
          placeholder="BY-MI, RU-MOW"
          value={region}
          onCommit={(value) => set('region', value.toUpperCase())}
          data-testid="cooperation-region"
        />
      </SimpleGrid>
      <QueryContent query={graph}>{(g) => <GraphWithList graph={g} />}</QueryContent>
    </Stack>
  );
}

function GraphWithList({ graph, centreId }: { graph: TieGraph; centreId?: number }) {
  const t = useT();
  if (graph.nodes.length === 0 || graph.edges.length === 0)
    return (
      <Text c="dimmed" data-testid="cooperation-empty">
        {t('exchange.cooperation.none')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('exchange.graph.label', { nodes: graph.nodes.length, edges: graph.edges.length })}
      </Text>
      <Paper withBorder radius="md" p="sm">
        <CooperationGraph graph={graph} centreId={centreId} />
      </Paper>
    </Stack>
  );
}

/** `/exchange/cooperation/:id`: an organization's ties as a graph and a list; its members record ties by hand. */
export function OrganizationCooperationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const organization = useOrganization(id);
  usePageTitle(organization.data ? t('exchange.cooperation.of', { name: organization.data.name }) : t('exchange.cooperation.title'));
  const graph = useOrganizationGraph(id);
  const ties = useTies(id);
  const user = useCurrentUser();
  const mayEdit = !!user && (user.role === 'admin' || user.memberships.some((m) => String(m.organizationId) === id));
  return (
    <Stack gap="md">
      <ExchangeNav />
      <QueryContent query={organization} notFound={<NotFound />}>
        {(org) => (
          <Stack gap="md" data-testid="organization-cooperation" data-id={org.id}>
            <Title order={1}>{t('exchange.cooperation.of', { name: org.name })}</Title>
            <Group gap="md">
              <Anchor component={Link} to={`/organizations/${org.id}`} size="sm">
                {t('exchange.cooperation.organizationPage')}
              </Anchor>
              {org.region && (
                <Anchor component={Link} to={`/exchange/cooperation?region=${org.region}`} size="sm" data-testid="cooperation-region-link">
                  {t('exchange.cooperation.regionGraph', { region: org.region })}
                </Anchor>
              )}
            </Group>
            <QueryContent query={graph}>{(g) => <GraphWithList graph={g} centreId={org.id} />}</QueryContent>
            <QueryContent query={ties}>{(list) => <TieTable ties={list.items} mayEdit={mayEdit} />}</QueryContent>
            {mayEdit && <TieForm organizationId={org.id} />}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}

function TieTable({ ties, mayEdit }: { ties: Tie[]; mayEdit: boolean }) {
  const t = useT();
  const format = useFormat();
  const remove = useDeleteTie();
  if (ties.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('exchange.cooperation.ties')}
      </Title>
      {remove.isError && <ErrorAlert error={remove.error} />}
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="tie-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.cooperation.partner')}</Table.Th>
              <Table.Th>{t('exchange.cooperation.role')}</Table.Th>
              <Table.Th>{t('exchange.cooperation.since')}</Table.Th>
              <Table.Th>{t('exchange.cooperation.source')}</Table.Th>
              <Table.Th ta="right">{t('exchange.cooperation.contracts')}</Table.Th>
              <Table.Th>{t('exchange.cooperation.products')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ties.map((tie) => (
              <Table.Tr key={tie.id} data-testid="tie-row" data-id={tie.id} data-kind={tie.kind} data-source={tie.source}>
                <Table.Td>
                  <OrganizationLink organization={tie.partner} />
                  {tie.demo && ' '}
                  {tie.demo && <DemoBadge />}
                </Table.Td>
                <Table.Td>{tieRoleLabel(t, tie.kind)}</Table.Td>
                <Table.Td>{format.date(tie.since)}</Table.Td>
                <Table.Td>{tie.source === 'contract' ? t('exchange.cooperation.fromContracts') : t('exchange.cooperation.manual')}</Table.Td>
                <Table.Td ta="right">{format.number(tie.contractCount)}</Table.Td>
                <Table.Td>
                  {tie.products.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ', '}
                      <Anchor component={Link} to={`/products/${p.id}`} size="sm">
                        {p.designation}
                      </Anchor>
                    </span>
                  ))}
                  {tie.note && (
                    <Text size="xs" c="dimmed">
                      {tie.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {mayEdit && tie.source === 'manual' && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending}
                      onClick={() => remove.mutate(tie.id)}
                      data-testid="tie-delete"
                    >
                      {t('exchange.cooperation.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function TieForm({ organizationId }: { organizationId: number }) {
  const t = useT();
  const create = useCreateTie();
  const [search, setSearch] = useState('');
  const organizations = useFoundOrganizations(search);
  const [partner, setPartner] = useState<string | null>(null);
  const [kind, setKind] = useState<TieRole>('supplier');
  const [since, setSince] = useState(todayIso());
  const [note, setNote] = useState('');
  const [products, setProducts] = useState<Option[]>([]);
  const [productSearch, setProductSearch] = useState('');
  const foundProducts = useFoundProductTypes(productSearch);
  const options = organizations.filter((o) => o.id !== organizationId).map((o) => ({ value: String(o.id), label: o.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!partner) return;
    create.mutate(
      {
        organizationId,
        partnerOrganizationId: Number(partner),
        kind,
        since: since || undefined,
        productTypeIds: products.map((p) => Number(p.value)),
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          setPartner(null);
          setProducts([]);
          setNote('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack component="form" gap="sm" onSubmit={submit} data-testid="tie-form">
        <Title order={3} size="h4">
          {t('exchange.cooperation.add')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('exchange.cooperation.partner')}
            required
            searchable
            data={options}
            value={partner}
            onChange={setPartner}
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage={t('common.nothingFound')}
            data-testid="tie-partner"
          />
          <Select
            label={t('exchange.cooperation.role')}
            data={TIE_ROLES.map((value) => ({ value, label: tieRoleLabel(t, value) }))}
            value={kind}
            onChange={(value) => value && setKind(value as TieRole)}
            allowDeselect={false}
            data-testid="tie-kind"
          />
          <TextInput type="date" label={t('exchange.cooperation.since')} value={since} onChange={(e) => setSince(e.currentTarget.value)} />
        </SimpleGrid>
        <ChosenMultiSelect
          label={t('exchange.cooperation.products')}
          chosen={products}
          onChosen={setProducts}
          found={foundProducts.map((p) => ({ value: String(p.id), label: p.maker ? `${p.designation} — ${p.maker.name}` : p.designation }))}
          search={productSearch}
          onSearch={setProductSearch}
          testId="tie-products"
        />
        <Textarea label={t('exchange.offer.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize />
        {create.isError && <ErrorAlert error={create.error} />}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!partner} data-testid="tie-submit">
            {t('exchange.cooperation.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
