import { Anchor, Group, Paper, Pill, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { qualityLabel } from '../catalogue/labels';
import { statusLabel } from '../registry/labels';
import type { SearchFacets as Facets } from '../http/types';
import { useFormat, useT, type Formatters, type MessageKey, type Translate } from '../i18n';
import { FACET_NAMES, type FacetName } from './useSearchState';

const FACET_TITLES: Record<FacetName, MessageKey> = {
  category: 'search.facet.category',
  country: 'search.facet.country',
  maker: 'search.facet.maker',
  package: 'search.facet.package',
  qualityLevel: 'search.facet.qualityLevel',
  registryStatus: 'search.facet.registryStatus',
};

const VISIBLE_OPTIONS = 6;

type FacetOption = { value: string; label: string; count: number | null };

/** Options of one facet with localized labels; the active value is kept even when the server no longer counts it. */
function facetOptions(name: FacetName, facets: Facets | undefined, active: string, t: Translate, format: Formatters): FacetOption[] {
  const options: FacetOption[] = (facets?.[name] ?? []).map((option) => ({
    value: String(option.value),
    label: optionLabel(name, String(option.value), facets, t, format),
    count: option.count,
  }));
  if (active && !options.some((option) => option.value === active)) {
    options.unshift({ value: active, label: optionLabel(name, active, facets, t, format), count: null });
  }
  return options;
}

/** Text for a facet value: category name in the interface language, country name, maker name, quality level. */
export function optionLabel(name: FacetName, value: string, facets: Facets | undefined, t: Translate, format: Formatters): string {
  switch (name) {
    case 'category': {
      const category = facets?.category.find((option) => option.value === value);
      return category ? format.name(category) : value;
    }
    case 'country':
      return format.country(value);
    case 'maker':
      return facets?.maker.find((option) => String(option.value) === value)?.label ?? `#${value}`;
    case 'qualityLevel':
      return qualityLabel(t, value);
    case 'registryStatus':
      return statusLabel(t, value);
    default:
      return value;
  }
}

type SearchFacetsProps = {
  facets: Facets | undefined;
  filters: Record<FacetName, string>;
  onChange: (name: FacetName, value: string | null) => void;
};

/** Side panel: every facet with its counts; a click sets the filter, a click on the active value removes it. */
export function SearchFacets({ facets, filters, onChange }: SearchFacetsProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Stack gap="md" data-testid="search-facets">
      {FACET_NAMES.map((name) => {
        const options = facetOptions(name, facets, filters[name], t, format);
        if (options.length === 0) return null;
        return (
          <Facet key={name} name={name} title={t(FACET_TITLES[name])} options={options} active={filters[name]} onChange={(value) => onChange(name, value)} />
        );
      })}
    </Stack>
  );
}

type FacetProps = { name: FacetName; title: string; options: FacetOption[]; active: string; onChange: (value: string | null) => void };

function Facet({ name, title, options, active, onChange }: FacetProps) {
  const t = useT();
  const format = useFormat();
  const [expanded, setExpanded] = useState(false);
  const activeIndex = options.findIndex((option) => option.value === active);
  const shown = expanded || options.length <= VISIBLE_OPTIONS + 1 ? options : options.slice(0, VISIBLE_OPTIONS);
  // The active value stays visible when the list is folded.
  if (activeIndex >= shown.length) shown.push(options[activeIndex]);
  const hidden = options.length - shown.length;

  return (
    <Stack gap={4} data-testid={`facet-${name}`} role="group" aria-label={title}>
      <Title order={3} size="h6" c="dimmed" tt="uppercase" fz="xs" style={{ letterSpacing: 0.4 }}>
        {title}
      </Title>
      {shown.map((option) => {
        const isActive = option.value === active;
        return (
          <UnstyledButton
            key={option.value}
            onClick={() => onChange(isActive ? null : option.value)}
            aria-pressed={isActive}
            aria-label={isActive ? t('search.facet.remove', { label: option.label }) : undefined}
            data-testid="facet-option"
            data-value={option.value}
            data-active={isActive || undefined}
            px={6}
            py={3}
            style={{ borderRadius: 4, background: isActive ? 'var(--mantine-color-blue-light)' : undefined }}
          >
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" fw={isActive ? 600 : 400} c={isActive ? 'blue.8' : undefined} lineClamp={2}>
                {option.label}
              </Text>
              {isActive ? (
                <Text size="sm" c="blue.8" aria-hidden="true">
                  ×
                </Text>
              ) : (
                option.count !== null && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {format.number(option.count)}
                  </Text>
                )
              )}
            </Group>
          </UnstyledButton>
        );
      })}
      {(hidden > 0 || expanded) && options.length > VISIBLE_OPTIONS + 1 && (
        <Anchor component="button" type="button" size="xs" ta="left" px={6} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('search.facet.less') : t('search.facet.more', { count: hidden })}
        </Anchor>
      )}
    </Stack>
  );
}

type ActiveFiltersProps = SearchFacetsProps & { onClear: () => void };

/** The facet filters in force, each removable. */
export function ActiveFilters({ facets, filters, onChange, onClear }: ActiveFiltersProps) {
  const t = useT();
  const format = useFormat();
  const active = FACET_NAMES.filter((name) => filters[name]);
  if (active.length === 0) return null;
  return (
    <Paper withBorder={false} data-testid="active-filters">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('search.activeFilters')}:
        </Text>
        {active.map((name) => {
          const label = optionLabel(name, filters[name], facets, t, format);
          return (
            <Pill
              key={name}
              size="md"
              withRemoveButton
              onRemove={() => onChange(name, null)}
              removeButtonProps={{ 'aria-label': t('search.facet.remove', { label }) }}
              data-testid="active-filter"
              data-name={name}
            >
              {t(FACET_TITLES[name])}: {label}
            </Pill>
          );
        })}
        <Anchor component="button" type="button" size="sm" onClick={onClear} data-testid="clear-filters">
          {t('common.resetFilters')}
        </Anchor>
      </Group>
    </Paper>
  );
}
