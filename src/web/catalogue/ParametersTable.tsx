import { Table, Text } from '@mantine/core';
import type { Parameter } from '../http/types';
import { useFormat, useT } from '../i18n';
import { Dash } from '../ui/SourceText';
import { formatQuantity } from './formatQuantity';

export function ParametersTable({ parameters }: { parameters: Parameter[] }) {
  const t = useT();
  if (parameters.length === 0) return <Text c="dimmed">{t('product.noParameters')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder data-testid="parameters-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('param.name')}</Table.Th>
            <Table.Th ta="right">{t('param.min')}</Table.Th>
            <Table.Th ta="right">{t('param.typ')}</Table.Th>
            <Table.Th ta="right">{t('param.max')}</Table.Th>
            <Table.Th>{t('param.text')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parameters.map((parameter, index) => (
            <Table.Tr key={`${parameter.name}-${index}`} data-testid="parameter-row">
              <Table.Td>{parameter.name}</Table.Td>
              <ValueCell value={parameter.min} unit={parameter.unit} />
              <ValueCell value={parameter.typ} unit={parameter.unit} />
              <ValueCell value={parameter.max} unit={parameter.unit} />
              <Table.Td>
                {parameter.text ? (
                  <Text size="sm" c="dimmed">
                    {parameter.text}
                  </Text>
                ) : (
                  <Dash />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ValueCell({ value, unit }: { value: number | null; unit: string | null }) {
  const format = useFormat();
  return (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {value === null || value === undefined ? (
        <Dash />
      ) : (
        <>
          {formatQuantity(value, format.intl)}
          {unit ? ` ${unit}` : ''}
        </>
      )}
    </Table.Td>
  );
}
