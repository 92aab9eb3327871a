import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCurrentUser } from '../auth/api';
import { RequireUser } from '../auth/RequireUser';
import { useFormat, useT } from '../i18n';
import { ErrorAlert, QueryContent } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { useDeleteRate, useRates, useRecordRate } from './api';
import { DemoBadge } from './Badges';
import { ExchangeNav } from './ExchangeNav';
import { CURRENCIES, isOperatorOrAdmin, todayIso } from './labels';
import type { Rate } from './types';

/** `/exchange/rates`: the currency rates the dashboard converts contract sums with; operators and admins record them. */
export function RatesPage() {
  const t = useT();
  usePageTitle(t('exchange.rates.title'));
  const user = useCurrentUser();
  const rates = useRates();
  return (
    <RequireUser>
      <Stack gap="md">
        <ExchangeNav />
        <Title order={1}>{t('exchange.rates.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('exchange.rates.intro')}
        </Text>
        {isOperatorOrAdmin(user) ? <RateForm /> : <Alert color="yellow">{t('exchange.rates.operatorsOnly')}</Alert>}
        <QueryContent query={rates}>{(list) => <RateTable rates={list.items} mayDelete={isOperatorOrAdmin(user)} />}</QueryContent>
      </Stack>
    </RequireUser>
  );
}

function RateForm() {
  const t = useT();
  const record = useRecordRate();
  const [currency, setCurrency] = useState<string | null>('BYN');
  const [toCurrency, setToCurrency] = useState<string | null>('RUB');
  const [rate, setRate] = useState<number | string>('');
  const [date, setDate] = useState(todayIso());
  const [source, setSource] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!currency || !toCurrency || typeof rate !== 'number' || !date) return;
    record.mutate({ currency, toCurrency, rate, date, source: source.trim() || null }, { onSuccess: () => setRate('') });
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack component="form" gap="sm" onSubmit={submit} data-testid="rate-form">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          <Select
            label={t('exchange.rates.from')}
            data={CURRENCIES}
            value={currency}
            onChange={setCurrency}
            allowDeselect={false}
            data-testid="rate-currency"
          />
          <Select label={t('exchange.rates.to')} data={CURRENCIES} value={toCurrency} onChange={setToCurrency} allowDeselect={false} data-testid="rate-to" />
          <NumberInput label={t('exchange.rates.rate')} required min={0} decimalScale={6} value={rate} onChange={setRate} data-testid="rate-value" />
          <TextInput
            type="date"
            label={t('exchange.rates.date')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="rate-date"
          />
          <TextInput
            label={t('exchange.rates.source')}
            placeholder="НБРБ, ЦБ РФ"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            maxLength={500}
          />
        </SimpleGrid>
        {record.isError && <ErrorAlert error={record.error} />}
        <Group>
          <Button type="submit" loading={record.isPending} disabled={rate === ''} data-testid="rate-submit">
            {t('exchange.rates.record')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function RateTable({ rates, mayDelete }: { rates: Rate[]; mayDelete: boolean }) {
  const t = useT();
  const format = useFormat();
  const remove = useDeleteRate();
  if (rates.length === 0) return <Text c="dimmed">{t('exchange.dashboard.noRates')}</Text>;
  return (
    <>
      {remove.isError && <ErrorAlert error={remove.error} />}
      <Table striped data-testid="rate-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.rates.rate')}</Table.Th>
            <Table.Th>{t('exchange.rates.date')}</Table.Th>
            <Table.Th>{t('exchange.rates.source')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rates.map((r) => (
            <Table.Tr key={r.id} data-testid="rate-row">
              <Table.Td>
                1 {r.currency} = {format.number(r.rate)} {r.toCurrency}
                {r.demo && ' '}
                {r.demo && <DemoBadge />}
              </Table.Td>
              <Table.Td>{format.date(r.date)}</Table.Td>
              <Table.Td>{r.source}</Table.Td>
              <Table.Td ta="right">
                {mayDelete && (
                  <Button size="compact-xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate(r.id)}>
                    {t('exchange.cooperation.remove')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
