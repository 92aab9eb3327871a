import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AnalogTypeBadge, StatusBadge, VerifiedBadge } from '../catalogue/Badges';
import type { ForeignPartHit, OrganizationHit, ProductTypeHit, SearchAnalog, SearchKind, SearchNote, SearchResponse } from '../http/types';
import { useFormat, useT, type MessageKey } from '../i18n';
import { DIFFERENCE_NOTES, noteText } from './labels';
import { TierBadge, TierWithHint } from './TierBadge';
import { RegistryRefBadge } from './RegistryBadge';

type Section = Exclude<SearchKind, 'all'>;
const SECTIONS: { kind: Section; title: MessageKey; testId: string }[] = [
  { kind: 'productTypes', title: 'search.kind.productTypes', testId: 'search-section-product-types' },
  { kind: 'foreignParts', title: 'search.kind.foreignParts', testId: 'search-section-foreign-parts' },
  { kind: 'organizations', title: 'search.kind.organizations', testId: 'search-section-organizations' },
];

type SearchResultsProps = {
  data: SearchResponse;
  kind: SearchKind;
  /** Open one section with more hits. */
  onShowAll: (kind: Section, total: number) => void;
};

/** Product types, foreign parts (with their domestic analogs) and organizations, each hit with its tier. */
export function SearchResults({ data, kind, onShowAll }: SearchResultsProps) {
  const t = useT();
  const format = useFormat();
  const sections = SECTIONS.filter((section) => (kind === 'all' ? data[section.kind].total > 0 : section.kind === kind));
  const empty = sections.every((section) => data[section.kind].items.length === 0);

  return (
    <Stack gap="xl" data-testid="search-results">
      {empty && (
        <Stack gap={4} py="lg" data-testid="empty">
          <Text>{t('common.nothingFound')}</Text>
          <Text size="sm" c="dimmed">
            {t('search.emptyHint')}
          </Text>
        </Stack>
      )}
      {!empty &&
        sections.map((section) => {
          const { total, items } = data[section.kind];
          return (
            <Stack key={section.kind} gap="sm" component="section" data-testid={section.testId}>
              <Group gap="xs">
                <Title order={2} size="h4">
                  {t(section.title)}
                </Title>
                <Badge variant="light" color="gray">
                  {format.number(total)}
                </Badge>
              </Group>
              {items.map((item) => {
                if (section.kind === 'productTypes') return <ProductHitCard key={item.id} hit={item as ProductTypeHit} />;
                if (section.kind === 'foreignParts') return <ForeignPartHitCard key={item.id} hit={item as ForeignPartHit} />;
                return <OrganizationHitCard key={item.id} hit={item as OrganizationHit} />;
              })}
              {items.length < total &&
                (kind === 'all' ? (
                  <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onShowAll(section.kind, total)} data-testid="show-all">
                    {t('search.showAll', { count: format.number(total) })}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('search.shownOf', { shown: format.number(items.length), total: format.number(total) })}
                  </Text>
                ))}
            </Stack>
          );
        })}
    </Stack>
  );
}

function HitCard({ testId, hit, children }: { testId: string; hit: { id: number; tier: string }; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId} data-id={hit.id} data-tier={hit.tier}>
      <Stack gap={6}>{children}</Stack>
    </Paper>
  );
}

/** Notes that say the hit differs from what was asked for are worth a second look. */
function HitNotes({ notes }: { notes: SearchNote[] | undefined }) {
  const t = useT();
  if (!notes || notes.length === 0) return null;
  return (
    <Group gap="xs" data-testid="hit-notes">
      {notes.map((note, index) => (
        <Text key={index} size="xs" c={DIFFERENCE_NOTES.has(note.code) ? 'orange.9' : 'dimmed'} data-testid="hit-note" data-code={note.code}>
          {noteText(t, note)}
        </Text>
      ))}
    </Group>
  );
}

function Separated({ children }: { children: ReactNode[] }) {
  const parts = children.filter(Boolean);
  return (
    <Group gap={6} wrap="wrap">
      {parts.map((part, index) => (
        <Group key={index} gap={6} wrap="nowrap">
          {index > 0 && (
            <Text span size="sm" c="dimmed" aria-hidden="true">
              ·
            </Text>
          )}
          {part}
        </Group>
      ))}
    </Group>
  );
}

function ProductHitCard({ hit }: { hit: ProductTypeHit }) {
  const t = useT();
  const format = useFormat();
  const fn = format.fn(hit);
  return (
    <HitCard testId="result-product" hit={hit}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Group gap="xs" align="baseline">
          <Anchor component={Link} to={`/products/${hit.id}`} fw={700} size="lg" data-testid="result-link">
            {hit.designation}
          </Anchor>
          {hit.designationLatin && hit.designationLatin !== hit.designation && (
            <Text size="sm" c="dimmed" ff="monospace">
              {hit.designationLatin}
            </Text>
          )}
        </Group>
        <TierWithHint tier={hit.tier} />
      </Group>
      {(hit.category || fn) && (
        <Text size="sm" lineClamp={2}>
          {hit.category && (
            <Text span size="sm" c="dimmed">
              {format.name(hit.category)}
              {fn ? ': ' : ''}
            </Text>
          )}
          {fn && (
            <Text span size="sm" fs={hit.functionDerived ? 'italic' : undefined}>
              {fn}
            </Text>
          )}
        </Text>
      )}
      <HitNotes notes={hit.notes} />
      <Separated>
        {[
          hit.maker && (
            <Anchor component={Link} to={`/organizations/${hit.maker.id}`} size="sm">
              {hit.maker.name}
              {hit.maker.country ? ` (${format.country(hit.maker.country)})` : ''}
            </Anchor>
          ),
          hit.status && <StatusBadge status={hit.status} />,
          hit.registry && hit.registry.status !== 'not_in_registry' && <RegistryRefBadge registry={hit.registry} />,
          hit.packages.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('product.packages')}: {hit.packages.join(', ')}
            </Text>
          ),
          <Text size="sm" c={hit.analogCount > 0 ? undefined : 'dimmed'}>
            {t('search.analogCount', { count: format.number(hit.analogCount) })}
          </Text>,
        ]}
      </Separated>
    </HitCard>
  );
}

function ForeignPartHitCard({ hit }: { hit: ForeignPartHit }) {
  const t = useT();
  const format = useFormat();
  return (
    <HitCard testId="result-foreign-part" hit={hit}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Group gap="xs" align="baseline">
          <Anchor component={Link} to={`/foreign-parts/${hit.id}`} fw={700} size="lg" ff="monospace" data-testid="result-link">
            {hit.partNumber}
          </Anchor>
          {hit.manufacturer && (
            <Text size="sm" c="dimmed">
              {hit.manufacturer}
            </Text>
          )}
        </Group>
        <TierWithHint tier={hit.tier} />
      </Group>
      {hit.description && (
        <Text size="sm" lineClamp={2}>
          {hit.description}
        </Text>
      )}
      <HitNotes notes={hit.notes} />
      <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-blue-2)' }} data-testid="result-analogs">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('foreignPart.analogs')}
        </Text>
        {hit.analogs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('foreignPart.noAnalogs')}
          </Text>
        ) : (
          hit.analogs.map((analog) => <AnalogRow key={analog.id} analog={analog} />)
        )}
        {hit.analogCount !== undefined && hit.analogCount > hit.analogs.length && (
          <Anchor component={Link} to={`/foreign-parts/${hit.id}`} size="sm" data-testid="result-analogs-more">
            {t('search.analogsMore', { count: format.number(hit.analogCount - hit.analogs.length) })}
          </Anchor>
        )}
      </Stack>
    </HitCard>
  );
}

function AnalogRow({ analog }: { analog: SearchAnalog }) {
  const format = useFormat();
  const product = analog.productType;
  return (
    <Group gap="xs" wrap="wrap" data-testid="result-analog">
      <Anchor component={Link} to={`/products/${product.id}`} fw={600}>
        {product.designation}
      </Anchor>
      {product.designationLatin && product.designationLatin !== product.designation && (
        <Text span size="xs" c="dimmed" ff="monospace">
          {product.designationLatin}
        </Text>
      )}
      <AnalogTypeBadge type={analog.type} />
      <VerifiedBadge verified={analog.verified} verifiedAt={null} />
      <RegistryRefBadge registry={product.registry} size="xs" />
      {product.maker && (
        <Anchor component={Link} to={`/organizations/${product.maker.id}`} size="sm">
          {product.maker.name}
          {product.maker.country ? ` (${format.country(product.maker.country)})` : ''}
        </Anchor>
      )}
      {product.category && (
        <Text span size="xs" c="dimmed">
          {format.name(product.category)}
        </Text>
      )}
    </Group>
  );
}

function OrganizationHitCard({ hit }: { hit: OrganizationHit }) {
  const format = useFormat();
  return (
    <HitCard testId="result-organization" hit={hit}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Anchor component={Link} to={`/organizations/${hit.id}`} fw={700} data-testid="result-link">
            {hit.shortName || hit.name}
          </Anchor>
          {hit.shortName && hit.shortName !== hit.name && (
            <Text size="xs" c="dimmed">
              {hit.name}
            </Text>
          )}
        </div>
        {/* The "check the parameters" reminder is about parts; an organization only shows how it was found. */}
        <TierBadge tier={hit.tier} />
      </Group>
      <HitNotes notes={hit.notes} />
      <Text size="sm" c="dimmed">
        {[format.country(hit.country), hit.region].filter(Boolean).join(', ')}
      </Text>
    </HitCard>
  );
}
