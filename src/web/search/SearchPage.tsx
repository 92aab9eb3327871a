import { Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../http/client';
import type { SearchKind } from '../http/types';
import { useFormat, useT } from '../i18n';
import { ErrorAlert, PageLoader } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { useSearch } from './api';
import { ParamFilter } from './ParamFilter';
import { ActiveFilters, SearchFacets } from './SearchFacets';
import { SearchResults } from './SearchResults';
import { useSearchState } from './useSearchState';

const KIND_OPTIONS = ['all', 'productTypes', 'foreignParts', 'organizations'] as const;
const KIND_LABELS = {
  all: 'search.kind.all',
  productTypes: 'search.kind.productTypes',
  foreignParts: 'search.kind.foreignParts',
  organizations: 'search.kind.organizations',
} as const;

/** `/search?q=…`: everything the registry knows about a designation, with facets and a parametric filter. */
export function SearchPage() {
  const t = useT();
  const format = useFormat();
  const state = useSearchState();
  const { q, kind, limit, filters, params } = state;
  usePageTitle(q ? t('search.titleFor', { q }) : t('search.title'));

  const enabled = q !== '' || state.hasFilters;
  const query = useSearch({ q: q || undefined, kind: kind === 'all' ? undefined : kind, ...filters, param: params, limit }, enabled);
  const data = query.data;
  // A 400 while conditions are set is (nearly always) about one of them: show it at the parameter input.
  const paramError = query.isError && query.error instanceof ApiError && query.error.status === 400 && params.length > 0 ? query.error.message : null;
  const total = data ? data.productTypes.total + data.foreignParts.total + data.organizations.total : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {q ? t('search.titleFor', { q }) : t('search.title')}
        </Title>
        {data && total !== undefined && (
          <Text c="dimmed" data-testid="search-total">
            {t('common.found', { count: format.number(total) })} · {t('search.took', { ms: format.number(Math.round(data.tookMs)) })}
          </Text>
        )}
      </Group>
      {/* Scrolls sideways on a narrow screen instead of overflowing the page. */}
      <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <SegmentedControl
          value={kind}
          onChange={(value) => state.setKind(value as SearchKind)}
          data={KIND_OPTIONS.map((value) => ({ value, label: t(KIND_LABELS[value]) }))}
          aria-label={t('search.kind.label')}
          data-testid="search-kind"
        />
      </div>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg" component="aside" aria-label={t('search.facets')}>
            <ParamFilter value={params} onChange={state.setParams} parsed={data?.query.params} error={paramError} />
            <SearchFacets facets={data?.facets} filters={filters} onChange={state.setFilter} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <ActiveFilters facets={data?.facets} filters={filters} onChange={state.setFilter} onClear={state.clearFilters} />
            {!enabled ? (
              <Text c="dimmed" py="lg" data-testid="search-prompt">
                {t('search.prompt')}
              </Text>
            ) : query.isPending ? (
              <PageLoader />
            ) : query.isError ? (
              // A bad condition is already shown, in red, at the parameter input.
              !paramError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
            ) : (
              // The previous answer stays visible, dimmed, while the next one loads.
              <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
                <SearchResults data={query.data} kind={kind} onShowAll={(section, count) => state.setKind(section, Math.max(count, limit))} />
              </div>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
