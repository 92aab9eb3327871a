import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DomesticAnalog } from '../http/types';
import { useFormat, useT } from '../i18n';
import { Dash } from '../ui/SourceText';
import { AnalogTypeBadge, VerifiedBadge } from './Badges';
import { SourceCell } from './SourceCell';

/** Domestic product types that replace one foreign part. */
export function DomesticAnalogsTable({ analogs }: { analogs: DomesticAnalog[] }) {
  const t = useT();
  const format = useFormat();
  if (analogs.length === 0) return <Text c="dimmed">{t('foreignPart.noAnalogs')}</Text>;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped withTableBorder data-testid="analogs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('product.designation')}</Table.Th>
            <Table.Th>{t('product.maker')}</Table.Th>
            <Table.Th>{t('analog.country')}</Table.Th>
            <Table.Th>{t('product.category')}</Table.Th>
            <Table.Th>{t('analog.type')}</Table.Th>
            <Table.Th>{t('analog.verification')}</Table.Th>
            <Table.Th>{t('analog.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analogs.map((analog) => {
            const product = analog.productType;
            return (
              <Table.Tr key={analog.id} data-testid="analog-row">
                <Table.Td>
                  <Anchor component={Link} to={`/products/${product.id}`} fw={600}>
                    {product.designation}
                  </Anchor>
                  {product.designationLatin && product.designationLatin !== product.designation && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {product.designationLatin}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {product.maker ? (
                    <Anchor component={Link} to={`/organizations/${product.maker.id}`} size="sm">
                      {product.maker.name}
                    </Anchor>
                  ) : (
                    <Dash />
                  )}
                </Table.Td>
                <Table.Td>{product.maker?.country ? format.country(product.maker.country) : <Dash />}</Table.Td>
                <Table.Td>{product.category ? format.name(product.category) : <Dash />}</Table.Td>
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
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
