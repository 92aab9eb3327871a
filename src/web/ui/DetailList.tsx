import { DataList, useMatches } from '@mantine/core';
import type { ReactNode } from 'react';
import { Dash } from './SourceText';

export type Detail = { label: string; value: ReactNode; testId?: string };

/** Label/value pairs of a record page; empty values show a dash. */
export function DetailList({ items }: { items: Detail[] }) {
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', sm: 'horizontal' });
  return (
    <DataList orientation={orientation} labelWidth={200} gap="xs">
      {items.map((item) => (
        <DataList.Item key={item.label}>
          <DataList.ItemLabel c="dimmed">{item.label}</DataList.ItemLabel>
          <DataList.ItemValue data-testid={item.testId}>{isEmpty(item.value) ? <Dash /> : item.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function isEmpty(value: ReactNode): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
