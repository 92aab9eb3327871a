/** Server-side searches behind the exchange forms' pickers: what the typed text finds, debounced, first 30. */
import { useDebouncedValue } from '@mantine/hooks';
import { useProductTypes } from '../catalogue/api';
import { useOrganizations } from '../organizations/api';

const PICKER_SIZE = 30;

export function useFoundOrganizations(search: string) {
  const [q] = useDebouncedValue(search, 250);
  return useOrganizations({ q: q || undefined, page: 1, pageSize: PICKER_SIZE }).data?.items ?? [];
}

export function useFoundProductTypes(search: string) {
  const [q] = useDebouncedValue(search, 250);
  return useProductTypes({ q: q || undefined, page: 1, pageSize: PICKER_SIZE }).data?.items ?? [];
}
