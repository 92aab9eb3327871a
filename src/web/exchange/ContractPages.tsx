import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { RequireUser } from '../auth/RequireUser';
import { useFormat, useT } from '../i18n';
import { DetailList } from '../ui/DetailList';
import { NotFound } from '../ui/NotFound';
import { PagedResult } from '../ui/PagedResult';
import { QueryContent } from '../ui/QueryStates';
import { PAGE_SIZE } from '../ui/useListParams';
import { usePageTitle } from '../ui/usePageTitle';
import { useContract, useContracts } from './api';
import { ExchangeNav } from './ExchangeNav';
import { money } from './labels';
import { OrganizationLink } from './Parties';
import type { Contract } from './types';

/** `/exchange/contracts`: contracts of the user's organizations (operators: of their country; admins: all). */
export function ContractListPage() {
  const t = useT();
  usePageTitle(t('exchange.contracts.title'));
  const [page, setPage] = useState(1);
  return (
    <RequireUser>
      <Stack gap="md">
        <ExchangeNav />
        <Title order={1}>{t('exchange.contracts.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('exchange.contracts.intro')}
        </Text>
        <ContractList page={page} onPage={setPage} />
      </Stack>
    </RequireUser>
  );
}

function ContractList({ page, onPage }: { page: number; onPage: (page: number) => void }) {
  const t = useT();
  const format = useFormat();
  const query = useContracts(page, PAGE_SIZE);
  return (
    <PagedResult query={query} page={page} onPage={onPage} emptyText={t('exchange.contracts.empty')}>
      {(items: Contract[]) => (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="contract-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exchange.contract.number')}</Table.Th>
                <Table.Th>{t('exchange.contract.date')}</Table.Th>
                <Table.Th>{t('exchange.contract.buyer')}</Table.Th>
                <Table.Th>{t('exchange.contract.producer')}</Table.Th>
                <Table.Th>{t('exchange.contract.substitution')}</Table.Th>
                <Table.Th ta="right">{t('exchange.offer.volume')}</Table.Th>
                <Table.Th ta="right">{t('exchange.contract.sum')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="contract-row" data-id={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/exchange/contracts/${c.id}`} data-testid="contract-row-link">
                      {t('exchange.contract.n', { id: c.id })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{format.date(c.contractDate)}</Table.Td>
                  <Table.Td>{c.buyer.name}</Table.Td>
                  <Table.Td>{c.producer.name}</Table.Td>
                  <Table.Td>
                    {c.substitution?.foreignPartNumber ?? c.substitution?.itemDescription ?? '—'} → {c.productType.designation}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(c.volume)}</Table.Td>
                  <Table.Td ta="right">{money(format.intl, c.sum, c.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </PagedResult>
  );
}

/** `/exchange/contracts/:id`: parties, product, volume, price and sum, and the substitution it records. */
export function ContractPage() {
  const t = useT();
  const { id = '' } = useParams();
  usePageTitle(t('exchange.contract.n', { id }));
  const query = useContract(id);
  return (
    <RequireUser>
      <Stack gap="md">
        <ExchangeNav />
        <QueryContent query={query} notFound={<NotFound message={t('exchange.contract.notFound')} />}>
          {(c) => <ContractView contract={c} />}
        </QueryContent>
      </Stack>
    </RequireUser>
  );
}

function ContractView({ contract: c }: { contract: Contract }) {
  const t = useT();
  const format = useFormat();
  const s = c.substitution;
  return (
    <Stack gap="lg" data-testid="contract" data-id={c.id}>
      <Title order={1}>{t('exchange.contract.n', { id: c.id })}</Title>
      <DetailList
        items={[
          { label: t('exchange.contract.date'), value: format.date(c.contractDate) },
          { label: t('exchange.contract.buyer'), value: <OrganizationLink organization={c.buyer} testId="contract-buyer" /> },
          { label: t('exchange.contract.producer'), value: <OrganizationLink organization={c.producer} testId="contract-producer" /> },
          {
            label: t('exchange.offer.productType'),
            value: (
              <Anchor component={Link} to={`/products/${c.productType.id}`}>
                {c.productType.designation}
              </Anchor>
            ),
          },
          { label: t('exchange.offer.volume'), value: format.number(c.volume) },
          { label: t('exchange.offer.price'), value: money(format.intl, c.price, c.currency) },
          { label: t('exchange.contract.sum'), value: money(format.intl, c.sum, c.currency), testId: 'contract-sum' },
          {
            label: t('exchange.contract.demand'),
            value: (
              <Anchor component={Link} to={`/exchange/demands/${c.demandId}`}>
                {t('exchange.demand.n', { id: c.demandId })}
              </Anchor>
            ),
          },
        ]}
      />
      <Stack gap="xs" component="section" aria-labelledby="substitution-title" data-testid="contract-substitution">
        <Title order={2} size="h3" id="substitution-title">
          {t('exchange.contract.substitution')}
        </Title>
        {s ? (
          <Text>
            {t('exchange.contract.substitutionText', {
              foreign: s.foreignPartNumber ?? s.itemDescription ?? '—',
              domestic: c.productType.designation,
              buyer: c.buyer.name,
              producer: c.producer.name,
            })}
            {s.foreignPartId !== null && (
              <>
                {' '}
                <Anchor component={Link} to={`/foreign-parts/${s.foreignPartId}`}>
                  {t('exchange.contract.foreignPart')}
                </Anchor>
              </>
            )}
          </Text>
        ) : (
          <Text c="dimmed">{t('exchange.contract.noSubstitution')}</Text>
        )}
      </Stack>
    </Stack>
  );
}
