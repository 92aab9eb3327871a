import { Group, Text, Title } from '@mantine/core';
import { useFormat, useT } from '../i18n';

/** Page title with the total count of the current list. */
export function ListHeader({ title, total, testId }: { title: string; total: number | undefined; testId?: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <Group justify="space-between" align="baseline">
      <Title order={1}>{title}</Title>
      {total !== undefined && (
        <Text c="dimmed" data-testid={testId}>
          {t('common.found', { count: format.number(total) })}
        </Text>
      )}
    </Group>
  );
}
