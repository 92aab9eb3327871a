import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { SortOrder } from '../http/types';

type SortableThProps<S extends string> = {
  field: S;
  label: string;
  sort: S | undefined;
  order: SortOrder | undefined;
  onSort: (field: S) => void;
};

/** Column header that sorts the list when clicked; shows ▲/▼ on the active column. */
export function SortableTh<S extends string>({ field, label, sort, order, onSort }: SortableThProps<S>) {
  const active = sort === field;
  const direction = active ? (order ?? 'asc') : undefined;
  return (
    <Table.Th aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}>
      <UnstyledButton onClick={() => onSort(field)} data-testid={`sort-${field}`} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Text span c={active ? undefined : 'dimmed'} fz="xs" aria-hidden>
            {direction === 'desc' ? '▼' : direction === 'asc' ? '▲' : '↕'}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
