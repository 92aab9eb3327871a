import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ProductAnalog } from '../http/types';
import { useT } from '../i18n';
import { Dash } from '../ui/SourceText';
import { AnalogTypeBadge, VerifiedBadge } from './Badges';
import { SourceCell } from './SourceCell';

/** Foreign parts that a domestic product type replaces. */
export function ProductAnalogsTable({ analogs }: { analogs: ProductAnalog[] }) {
  const t = useT();
  if (analogs.length === 0) return <Text c="dimmed">{t('product.noAnalogs')}</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped withTableBorder data-testid="analogs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('analog.partNumber')}</Table.Th>
            <Table.Th>{t('analog.manufacturer')}</Table.Th>
            <Table.Th>{t('analog.type')}</Table.Th>
            <Table.Th>{t('analog.verification')}</Table.Th>
            <Table.Th>{t('analog.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analogs.map((analog) => (
            <Table.Tr key={analog.id} data-testid="analog-row">
              <Table.Td>
                <Anchor component={Link} to={`/foreign-parts/${analog.foreignPart.id}`} fw={600} ff="monospace">
                  {analog.foreignPart.partNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{analog.foreignPart.manufacturer ?? <Dash />}</Table.Td>
              <Table.Td>
                <AnalogTypeBadge type={analog.type} />
              </Table.Td>
              <Table.Td>
                <VerifiedBadge verified={analog.verified} verifiedAt={analog.verifiedAt} />
              </Table.Td>
              <Table.Td>
                <SourceCell source={analog.source} note={analog.note} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
