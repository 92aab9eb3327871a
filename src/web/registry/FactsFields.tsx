import { ActionIcon, Button, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n';
import { newKey, type FactsForm, type TriState } from './factsForm';
import { OPERATION_COUNTRIES, OPERATION_OPTIONS, operationLabel } from './labels';
import type { OperationCode } from './types';

type FactsFieldsProps = {
  value: FactsForm;
  onChange: (next: FactsForm) => void;
  /** Which parts to show (the wizard spreads them over steps). */
  parts?: ('facts' | 'operations' | 'shares')[];
};

/** Facts, technological operations and content shares of a product, as the evaluator reads them. */
export function FactsFields({ value, onChange, parts = ['facts', 'operations', 'shares'] }: FactsFieldsProps) {
  return (
    <Stack gap="lg">
      {parts.includes('facts') && <FactQuestions value={value} onChange={onChange} />}
      {parts.includes('operations') && <OperationRows value={value} onChange={onChange} />}
      {parts.includes('shares') && <ShareRows value={value} onChange={onChange} />}
    </Stack>
  );
}

function TriInput({ label, value, onChange, testId }: { label: string; value: TriState; onChange: (v: TriState) => void; testId: string }) {
  const t = useT();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={`${testId}-label`}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={`${testId}-label`}
        value={value}
        onChange={(v) => onChange(v as TriState)}
        data={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
          { value: 'unknown', label: t('registry.facts.notStated') },
        ]}
        data-testid={testId}
        style={{ alignSelf: 'flex-start' }}
      />
    </Stack>
  );
}

function FactQuestions({ value, onChange }: Omit<FactsFieldsProps, 'parts'>) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('registry.facts.title')}
      </Title>
      <TriInput
        label={t('registry.facts.taxResident')}
        value={value.makerTaxResidentEaeu}
        onChange={(makerTaxResidentEaeu) => onChange({ ...value, makerTaxResidentEaeu })}
        testId="facts-tax-resident"
      />
      <NumberInput
        label={t('registry.facts.designRightsYears')}
        description={t('registry.facts.designRightsYearsHint')}
        min={0}
        max={100}
        value={value.designRightsYears}
        onChange={(v) => onChange({ ...value, designRightsYears: typeof v === 'number' ? v : v === '' ? '' : Number(v) || '' })}
        maw={260}
        data-testid="facts-design-rights"
      />
      <TriInput
        label={t('registry.facts.foreignSolutions')}
        value={value.usesForeignReadyMadeSolutions}
        onChange={(usesForeignReadyMadeSolutions) => onChange({ ...value, usesForeignReadyMadeSolutions })}
        testId="facts-foreign-solutions"
      />
    </Stack>
  );
}

export function useCountryOptions(extra: string[] = []) {
  const format = useFormat();
  return [...new Set([...OPERATION_COUNTRIES, ...extra.filter((c) => /^[A-Z]{2}$/.test(c))])].map((code) => ({
    value: code,
    label: `${format.country(code)} (${code})`,
  }));
}

function OperationRows({ value, onChange }: Omit<FactsFieldsProps, 'parts'>) {
  const t = useT();
  const { locale } = useLocale();
  const [bulkCountry, setBulkCountry] = useState<string | null>('RU');
  const countries = useCountryOptions(value.operations.map((o) => o.country));
  const update = (key: number, change: Partial<FactsForm['operations'][number]>) =>
    onChange({ ...value, operations: value.operations.map((o) => (o.key === key ? { ...o, ...change } : o)) });
  const operationData = OPERATION_OPTIONS.map((code) => ({ value: code, label: operationLabel(code, locale) }));
  const addAll = () => {
    if (!bulkCountry) return;
    const present = new Set(value.operations.map((o) => o.code));
    const rows = OPERATION_OPTIONS.filter((code) => code !== 'branding' && !present.has(code)).map((code) => ({
      key: newKey(),
      code,
      country: bulkCountry,
      organizationName: '',
    }));
    onChange({ ...value, operations: [...value.operations, ...rows] });
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('registry.operations.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('registry.operations.hint')}
      </Text>
      {value.operations.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={4} data-testid="operations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registry.operations.operation')}</Table.Th>
                <Table.Th w={200}>{t('registry.operations.country')}</Table.Th>
                <Table.Th w={240}>{t('registry.operations.organization')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.operations.map((row, index) => (
                <Table.Tr key={row.key} data-testid="operation-row">
                  <Table.Td>
                    <Select
                      aria-label={t('registry.operations.operation')}
                      data={operationData}
                      value={row.code || null}
                      onChange={(code) => update(row.key, { code: (code ?? '') as OperationCode | '' })}
                      searchable
                      data-testid="operation-code"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('registry.operations.country')}
                      data={countries}
                      value={row.country || null}
                      onChange={(country) => update(row.key, { country: country ?? '' })}
                      searchable
                      data-testid="operation-country"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('registry.operations.organization')}
                      value={row.organizationName}
                      onChange={(event) => update(row.key, { organizationName: event.currentTarget.value })}
                      data-testid="operation-organization"
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('registry.operations.remove', { n: index + 1 })}
                      onClick={() => onChange({ ...value, operations: value.operations.filter((o) => o.key !== row.key) })}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="sm" align="flex-end">
        <Button
          variant="light"
          onClick={() =>
            onChange({ ...value, operations: [...value.operations, { key: newKey(), code: '', country: bulkCountry ?? 'RU', organizationName: '' }] })
          }
          data-testid="operation-add"
        >
          {t('registry.operations.add')}
        </Button>
        <Select
          label={t('registry.operations.bulkCountry')}
          data={countries}
          value={bulkCountry}
          onChange={setBulkCountry}
          searchable
          w={200}
          data-testid="operation-bulk-country"
        />
        <Button variant="default" onClick={addAll} disabled={!bulkCountry} data-testid="operation-add-all">
          {t('registry.operations.addAll')}
        </Button>
      </Group>
    </Stack>
  );
}

function ShareRows({ value, onChange }: Omit<FactsFieldsProps, 'parts'>) {
  const t = useT();
  const countries = useCountryOptions(value.contentShares.map((s) => s.country));
  const update = (key: number, change: Partial<FactsForm['contentShares'][number]>) =>
    onChange({ ...value, contentShares: value.contentShares.map((s) => (s.key === key ? { ...s, ...change } : s)) });
  const total = value.contentShares.reduce((sum, s) => sum + (s.percent === '' ? 0 : s.percent), 0);
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('registry.shares.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('registry.shares.hint')}
      </Text>
      {value.contentShares.map((row, index) => (
        <Group key={row.key} gap="sm" align="flex-end" data-testid="share-row">
          <Select
            label={index === 0 ? t('registry.shares.country') : undefined}
            aria-label={t('registry.shares.country')}
            data={countries}
            value={row.country || null}
            onChange={(country) => update(row.key, { country: country ?? '' })}
            searchable
            w={220}
            data-testid="share-country"
          />
          <NumberInput
            label={index === 0 ? t('registry.shares.percent') : undefined}
            aria-label={t('registry.shares.percent')}
            min={0}
            max={100}
            suffix=" %"
            value={row.percent}
            onChange={(v) => update(row.key, { percent: typeof v === 'number' ? v : v === '' ? '' : Number(v) || '' })}
            w={140}
            data-testid="share-percent"
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={t('registry.shares.remove', { n: index + 1 })}
            onClick={() => onChange({ ...value, contentShares: value.contentShares.filter((s) => s.key !== row.key) })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {total > 100 && (
        <Text size="sm" c="red">
          {t('registry.shares.over100', { total })}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          onClick={() => onChange({ ...value, contentShares: [...value.contentShares, { key: newKey(), country: '', percent: '' }] })}
          data-testid="share-add"
        >
          {t('registry.shares.add')}
        </Button>
      </Group>
    </Stack>
  );
}
