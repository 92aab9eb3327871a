import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProductTypeSummary, SortOrder } from '../http/types';
import { useFormat, useT } from '../i18n';
import { Dash } from '../ui/SourceText';
import { SortableTh } from '../ui/SortableTh';
import type { ProductSortField } from './api';
import { StatusBadge } from './Badges';

type Sorting = { sort: ProductSortField | undefined; order: SortOrder | undefined; onSort: (field: ProductSortField) => void };

type ProductTableProps = {
  items: ProductTypeSummary[];
  /** Column-header sorting; plain headers without it. */
  sorting?: Sorting;
  /** Leave out the maker column (e.g. on the maker's own page). */
  hideMaker?: boolean;
};

export function ProductTable({ items, sorting, hideMaker }: ProductTableProps) {
  const t = useT();
  const header = (field: ProductSortField, label: string) => (sorting ? <SortableTh field={field} label={label} {...sorting} /> : <Table.Th>{label}</Table.Th>);

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="product-table">
        <Table.Thead>
          <Table.Tr>
            {header('designation', t('product.designation'))}
            <Table.Th>{t('product.designationLatin')}</Table.Th>
            <Table.Th>{t('product.category')}</Table.Th>
            <Table.Th>{t('product.function')}</Table.Th>
            {!hideMaker && <Table.Th>{t('product.maker')}</Table.Th>}
            <Table.Th>{t('product.status')}</Table.Th>
            <Table.Th ta="right">{t('product.analogCount')}</Table.Th>
            {header('updatedAt', t('product.updatedAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <ProductRow key={item.id} item={item} hideMaker={hideMaker} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProductRow({ item, hideMaker }: { item: ProductTypeSummary; hideMaker?: boolean }) {
  const format = useFormat();
  const navigate = useNavigate();
  const href = `/products/${item.id}`;
  // The whole row opens the product page; links inside it keep their own target.
  const openRow = (event: MouseEvent<HTMLTableRowElement>) => {
    if ((event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    navigate(href);
  };
  const fn = format.fn(item);

  return (
    <Table.Tr data-testid="product-row" onClick={openRow} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Anchor component={Link} to={href} fw={600} data-testid="product-row-link">
          {item.designation}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {item.designationLatin ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>{item.category ? <Text size="sm">{format.name(item.category)}</Text> : <Dash />}</Table.Td>
      <Table.Td maw={320}>
        {fn ? (
          <Text size="sm" lineClamp={2} fs={item.functionDerived ? 'italic' : undefined}>
            {fn}
          </Text>
        ) : (
          <Dash />
        )}
      </Table.Td>
      {!hideMaker && (
        <Table.Td>
          {item.maker ? (
            <Anchor component={Link} to={`/organizations/${item.maker.id}`} size="sm">
              {item.maker.name}
            </Anchor>
          ) : (
            <Dash />
          )}
        </Table.Td>
      )}
      <Table.Td>{item.status ? <StatusBadge status={item.status} /> : <Dash />}</Table.Td>
      <Table.Td ta="right">
        <Badge variant={item.analogCount > 0 ? 'light' : 'default'} color={item.analogCount > 0 ? 'blue' : 'gray'}>
          {format.number(item.analogCount)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {format.date(item.updatedAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
