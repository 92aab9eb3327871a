import { Group, Pagination, Text } from '@mantine/core';
import { useFormat, useT } from '../i18n';

type ListFooterProps = { page: number; pageSize: number; total: number; onPage: (page: number) => void };

/** "26–50 of 1 234" and the page switcher (hidden when everything fits on one page). */
export function ListFooter({ page, pageSize, total, onPage }: ListFooterProps) {
  const t = useT();
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="list-range">
        {t('common.pageRange', { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </Text>
      {pages > 1 && <Pagination total={pages} value={Math.min(page, pages)} onChange={onPage} size="sm" />}
    </Group>
  );
}
