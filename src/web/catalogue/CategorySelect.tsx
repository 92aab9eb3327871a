import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useFormat, useT } from '../i18n';
import { useCategories } from './api';
import { flattenCategoryTree } from './categoryTree';

type CategorySelectProps = { value: string; onChange: (code: string | null) => void };

/** Category filter: the category tree as an indented, searchable list; value is the category code. */
export function CategorySelect({ value, onChange }: CategorySelectProps) {
  const t = useT();
  const format = useFormat();
  const categories = useCategories();

  const nodes = useMemo(() => flattenCategoryTree(categories.data?.items ?? []), [categories.data]);
  const depthByCode = useMemo(() => new Map(nodes.map((node) => [node.code, node.depth])), [nodes]);
  const data = useMemo(() => {
    const options = nodes.map((node) => ({
      value: node.code,
      label: `${format.name(node)} (${format.number(node.totalCount)})`,
    }));
    // Keep a category from a shared link selectable while the list loads or if it is unknown.
    if (value && !depthByCode.has(value)) options.unshift({ value, label: value });
    return options;
  }, [nodes, depthByCode, format, value]);

  return (
    <Select
      label={t('products.filter.category')}
      placeholder={t('common.all')}
      data={data}
      value={value || null}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      error={categories.isError ? categories.error.message : undefined}
      renderOption={({ option }) => <span style={{ paddingLeft: `${(depthByCode.get(option.value) ?? 0) * 14}px` }}>{option.label}</span>}
      comboboxProps={{ width: 380, position: 'bottom-start' }}
      data-testid="products-filter-category"
    />
  );
}
