import { Button, Group, Select, SimpleGrid } from '@mantine/core';
import { useFormat, useT } from '../i18n';
import { CommitTextInput } from '../ui/CommitTextInput';
import { CategorySelect } from './CategorySelect';
import { MAKER_COUNTRIES, PRODUCT_STATUSES, QUALITY_LEVELS, qualityLabel, statusLabel } from './labels';

export const PRODUCT_FILTERS = ['q', 'category', 'status', 'qualityLevel', 'country', 'hasAnalogs'] as const;
export type ProductFilterName = (typeof PRODUCT_FILTERS)[number];

type ProductFiltersProps = {
  filters: Record<ProductFilterName, string>;
  onChange: (changes: Partial<Record<ProductFilterName, string | null>>) => void;
  onReset: () => void;
  hasFilters: boolean;
};

export function ProductFilters({ filters, onChange, onReset, hasFilters }: ProductFiltersProps) {
  const t = useT();
  const format = useFormat();
  const withCurrent = (values: string[], current: string) => (current && !values.includes(current) ? [...values, current] : values);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs" data-testid="products-filters">
      <CommitTextInput
        label={t('products.filter.q')}
        placeholder={t('products.filter.qPlaceholder')}
        value={filters.q}
        onCommit={(q) => onChange({ q })}
        data-testid="products-filter-q"
      />
      <CategorySelect value={filters.category} onChange={(category) => onChange({ category })} />
      <Select
        label={t('products.filter.status')}
        placeholder={t('common.all')}
        clearable
        data={withCurrent(PRODUCT_STATUSES, filters.status).map((value) => ({ value, label: statusLabel(t, value) }))}
        value={filters.status || null}
        onChange={(status) => onChange({ status })}
        data-testid="products-filter-status"
      />
      <Select
        label={t('products.filter.qualityLevel')}
        placeholder={t('common.all')}
        clearable
        data={withCurrent(QUALITY_LEVELS, filters.qualityLevel).map((value) => ({
          value,
          label: qualityLabel(t, value),
        }))}
        value={filters.qualityLevel || null}
        onChange={(qualityLevel) => onChange({ qualityLevel })}
        data-testid="products-filter-quality"
      />
      <Select
        label={t('products.filter.country')}
        placeholder={t('common.all')}
        clearable
        data={withCurrent(MAKER_COUNTRIES, filters.country).map((value) => ({ value, label: format.country(value) }))}
        value={filters.country || null}
        onChange={(country) => onChange({ country })}
        data-testid="products-filter-country"
      />
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Select
          label={t('products.filter.hasAnalogs')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'true', label: t('products.filter.withAnalogs') },
            { value: 'false', label: t('products.filter.withoutAnalogs') },
          ]}
          value={filters.hasAnalogs === 'true' || filters.hasAnalogs === 'false' ? filters.hasAnalogs : null}
          onChange={(hasAnalogs) => onChange({ hasAnalogs })}
          data-testid="products-filter-has-analogs"
          style={{ flex: 1 }}
        />
        {hasFilters && (
          <Button variant="subtle" onClick={onReset} data-testid="products-filter-reset">
            {t('common.resetFilters')}
          </Button>
        )}
      </Group>
    </SimpleGrid>
  );
}
