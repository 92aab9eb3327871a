import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { VerifiedBadge } from '../catalogue/Badges';
import { ANALOG_TYPE_KEYS } from '../catalogue/labels';
import { useFormat, useT } from '../i18n';
import { DIFFERENCE_NOTES, noteText } from '../search/labels';
import { TierWithHint } from '../search/TierBadge';
import { RegistryRefBadge } from '../search/RegistryBadge';
import { STATUS_META } from './labels';
import type { AnalysisStatus, Candidate, CandidateAnalogType } from './types';

const NO_TRUNCATION = { root: { textTransform: 'none' as const }, label: { overflow: 'visible' } };

/** Verdict of a line: covered green, functional yellow, not covered red, generic grey, unreadable orange, excluded grey outline. */
export function BomStatusBadge({ status, size = 'sm' }: { status: AnalysisStatus; size?: 'xs' | 'sm' | 'md' }) {
  const t = useT();
  const meta = STATUS_META[status];
  if (!meta) return <Badge variant="outline">{status}</Badge>;
  return (
    <Badge size={size} color={meta.color} variant={meta.variant} styles={NO_TRUNCATION} data-testid="bom-status" data-status={status}>
      {t(meta.label)}
    </Badge>
  );
}

/**
 * Full / functional / partial with the catalogue's labels and colours; `self` when the line already names a domestic
 * product. The hint is a native title: a BOM shows thousands of these, too many for a tooltip each.
 */
export function CandidateTypeBadge({ type }: { type: CandidateAnalogType }) {
  const t = useT();
  const keys = type === 'self' ? ({ label: 'bom.candidate.self', hint: 'bom.candidate.selfHint', color: 'teal' } as const) : ANALOG_TYPE_KEYS[type];
  if (!keys) return <Badge variant="outline">{type}</Badge>;
  return (
    <Badge color={keys.color} variant="light" styles={NO_TRUNCATION} title={t(keys.hint)} data-testid="analog-type" data-type={type}>
      {t(keys.label)}
    </Badge>
  );
}

/** A domestic product type for a line: designation, maker and country, analog type, verification, tier and why it differs. */
export function CandidateCard({ candidate, compact }: { candidate: Candidate; compact?: boolean }) {
  const t = useT();
  const format = useFormat();
  const { maker } = candidate;
  // "via {partNumber}" around a link to the foreign part.
  const via = t('bom.candidate.via', { partNumber: '\u0000' }).split('\u0000');
  return (
    <Stack gap={2} data-testid="bom-candidate" data-tier={candidate.tier} data-type={candidate.analogType}>
      <Group gap={6} align="baseline" wrap="wrap">
        <Anchor component={Link} to={`/products/${candidate.productTypeId}`} fw={700} size={compact ? 'sm' : undefined} data-testid="bom-candidate-link">
          {candidate.designation}
        </Anchor>
        {candidate.designationLatin && candidate.designationLatin !== candidate.designation && (
          <Text span size="xs" c="dimmed" ff="monospace">
            {candidate.designationLatin}
          </Text>
        )}
      </Group>
      {maker && (
        <Text size="xs">
          <Anchor component={Link} to={`/organizations/${maker.id}`} size="xs" c="inherit">
            {maker.name}
          </Anchor>
          {maker.country && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({format.country(maker.country)})
            </Text>
          )}
        </Text>
      )}
      <Group gap={4} wrap="wrap">
        <CandidateTypeBadge type={candidate.analogType} />
        {candidate.analogType !== 'self' && <VerifiedBadge verified={candidate.verified} verifiedAt={null} />}
        <RegistryRefBadge registry={candidate.registry} size="xs" />
      </Group>
      <TierWithHint tier={candidate.tier} />
      {candidate.foreignPart && (
        <Text size="xs" c="dimmed">
          {via[0]}
          <Anchor component={Link} to={`/foreign-parts/${candidate.foreignPart.id}`} size="xs" ff="monospace">
            {candidate.foreignPart.partNumber}
          </Anchor>
          {via[1]}
        </Text>
      )}
      {candidate.notes.map((note, index) => (
        <Text key={index} size="xs" c={DIFFERENCE_NOTES.has(note.code) ? 'orange.9' : 'dimmed'} data-testid="hit-note" data-code={note.code}>
          {noteText(t, note)}
        </Text>
      ))}
    </Stack>
  );
}
