import { Anchor, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCurrentUser } from '../auth/api';
import type { User } from '../http/types';
import { useFormat, useLocale, useT } from '../i18n';
import { QueryContent, ErrorAlert } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { useNewRuleSetVersion, useRuleSets } from './api';
import { localText, operationLabel } from './labels';
import { RegistryNav } from './RegistryNav';
import type { RuleSetVersion } from './types';

/** Every version of every rule set, with its act, dates, status and what it demands. */
export function RuleSetsPage() {
  const t = useT();
  usePageTitle(t('registry.ruleSets.title'));
  const query = useRuleSets();
  return (
    <Stack gap="md">
      <RegistryNav />
      <Title order={1}>{t('registry.ruleSets.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('registry.ruleSets.intro')}
      </Text>
      <QueryContent query={query}>
        {(items) => {
          const latest = new Map<string, number>();
          for (const r of items) latest.set(r.code, Math.max(latest.get(r.code) ?? 0, r.version));
          const sorted = [...items].sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version);
          return (
            <Stack gap="md">
              {sorted.map((r) => (
                <RuleSetCard key={r.id} ruleSet={r} isLatest={latest.get(r.code) === r.version} />
              ))}
            </Stack>
          );
        }}
      </QueryContent>
    </Stack>
  );
}

const canChange = (user: User | null, ruleSet: RuleSetVersion) =>
  !!user && (user.role === 'admin' || (user.role === 'operator' && (ruleSet.country === 'UNION' || user.operatorCountry === ruleSet.country)));

function RuleSetCard({ ruleSet, isLatest }: { ruleSet: RuleSetVersion; isLatest: boolean }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const user = useCurrentUser();
  const def = ruleSet.definition;
  const gaps =
    def.kind === 'points'
      ? Object.entries(def.points)
          .filter(([, v]) => v === null)
          .map(([k]) => k)
      : [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="rule-set" data-code={ruleSet.code} data-version={ruleSet.version}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4">
              {localText(ruleSet.title, locale)}
            </Title>
            <Text size="xs" c="dimmed">
              {t('registry.ruleSet.version', { code: ruleSet.code, version: ruleSet.version })} ·{' '}
              {ruleSet.country === 'UNION' ? t('registry.ruleSets.union') : format.country(ruleSet.country)}
            </Text>
          </div>
          <Group gap={6} wrap="nowrap">
            {!isLatest && (
              <Badge color="gray" variant="outline" style={{ textTransform: 'none' }}>
                {t('registry.ruleSets.superseded')}
              </Badge>
            )}
            <Badge color={ruleSet.status === 'in_force' ? 'green' : 'yellow'} variant="light" style={{ textTransform: 'none' }} data-testid="rule-set-status">
              {t(`registry.ruleSet.status.${ruleSet.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {ruleSet.effectiveTo
            ? t('registry.ruleSets.effective', { from: format.date(ruleSet.effectiveFrom), to: format.date(ruleSet.effectiveTo) })
            : t('registry.ruleSets.effectiveOpen', { from: format.date(ruleSet.effectiveFrom) })}
        </Text>
        <DefinitionSummary ruleSet={ruleSet} />
        <Text size="xs" c="dimmed" component="div">
          {t('registry.ruleSets.source')}: <LinkedText text={ruleSet.source} />
        </Text>
        {isLatest && gaps.length > 0 && canChange(user, ruleSet) && <FillGaps ruleSet={ruleSet} gaps={gaps} />}
      </Stack>
    </Paper>
  );
}

function DefinitionSummary({ ruleSet }: { ruleSet: RuleSetVersion }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const def = ruleSet.definition;
  const countries = (list: string[]) => list.map((c) => format.country(c)).join(', ');
  const ops = (list: string[]) => list.map((c) => operationLabel(c, locale)).join('; ');
  switch (def.kind) {
    case 'operation_levels':
      return (
        <Stack gap={4} data-testid="rule-set-summary">
          <Text size="sm">{t('registry.ruleSets.domestic', { countries: countries(def.domesticCountries) })}</Text>
          <Text size="sm">
            {[
              def.conditions.makerTaxResidentEaeu && t('registry.ruleSets.condTaxResident'),
              def.conditions.minDesignRightsYears !== null && t('registry.ruleSets.condRights', { years: def.conditions.minDesignRightsYears }),
              def.conditions.noForeignReadyMadeSolutions && t('registry.ruleSets.condNoForeign'),
            ]
              .filter(Boolean)
              .join('; ')}
          </Text>
          {def.levels.map((l) => (
            <Text size="sm" key={l.level}>
              <b>{t('registry.levelN', { level: l.level })}:</b> {ops(l.operations)}
            </Text>
          ))}
        </Stack>
      );
    case 'points':
      return (
        <Stack gap={4} data-testid="rule-set-summary">
          <Text size="sm">{t('registry.ruleSets.domestic', { countries: countries(def.domesticCountries) })}</Text>
          <Text size="sm">{def.thresholds.map((th) => t('registry.ruleSets.threshold', { level: th.level, points: th.minPoints })).join('; ')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={2}>
            {Object.entries(def.points).map(([code, value]) => (
              <Text size="xs" key={code} c={value === null ? 'yellow.9' : undefined}>
                {operationLabel(code, locale)}: {value === null ? t('registry.ruleSets.gap') : t('registry.pointsN', { points: value })}
              </Text>
            ))}
          </SimpleGrid>
          {def.mandatory.length > 0 && (
            <Text size="sm">
              {t('registry.ruleSets.mandatory')}:{' '}
              {def.mandatory
                .map((m) => `${operationLabel(m.operation, locale)}${m.from ? ` (${t('registry.ruleSets.from', { date: format.date(m.from) })})` : ''}`)
                .join('; ')}
            </Text>
          )}
        </Stack>
      );
    case 'recognition':
      return (
        <Stack gap={4} data-testid="rule-set-summary">
          <Text size="sm">{t('registry.ruleSets.recognized', { countries: countries(def.recognizedCountries) })}</Text>
          {def.appliesTo && <Text size="sm">{t('registry.ruleSets.appliesTo', { codes: def.appliesTo.join(', ') })}</Text>}
          {def.materials && (
            <Text size="sm">
              {t('registry.ruleSets.materials', {
                operations: ops(def.materials.operations),
                percent: def.materials.minSharePercent,
                country: format.country(def.materials.minShareCountry),
              })}
            </Text>
          )}
        </Stack>
      );
    case 'union_state':
      return (
        <Text size="sm" data-testid="rule-set-summary">
          {t('registry.ruleSets.unionState', { countries: countries(def.countries), joint: def.minJointPercent, each: def.minEachPercent })}
        </Text>
      );
  }
}

function FillGaps({ ruleSet, gaps }: { ruleSet: RuleSetVersion; gaps: string[] }) {
  const t = useT();
  const { locale } = useLocale();
  const create = useNewRuleSetVersion();
  const [values, setValues] = useState<Record<string, number | ''>>({});
  const filled = Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => typeof e[1] === 'number'));
  return (
    <Paper bg="gray.0" p="sm" radius="sm" data-testid="rule-set-fill" data-print="hide">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('registry.ruleSets.fillTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('registry.ruleSets.fillHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
          {gaps.map((code) => (
            <NumberInput
              key={code}
              label={operationLabel(code, locale)}
              min={0}
              max={10000}
              value={values[code] ?? ''}
              onChange={(v) => setValues((prev) => ({ ...prev, [code]: typeof v === 'number' ? v : '' }))}
              data-testid={`rule-set-points-${code}`}
            />
          ))}
        </SimpleGrid>
        {create.isError && <ErrorAlert error={create.error} />}
        {create.isSuccess && (
          <Text size="sm" c="teal">
            {t('registry.ruleSets.created', { version: create.data.version })}
          </Text>
        )}
        <Group>
          <Button
            disabled={Object.keys(filled).length === 0}
            loading={create.isPending}
            onClick={() => create.mutate({ id: ruleSet.id, points: filled })}
            data-testid="rule-set-save"
          >
            {t('registry.ruleSets.saveVersion')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Text with its web addresses as links (sources of acts often name several). */
function LinkedText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/[^\s;,]+)/).map((part, i) =>
        i % 2 === 1 ? (
          <Anchor key={i} href={part} target="_blank" rel="noopener noreferrer" size="xs" style={{ wordBreak: 'break-all' }}>
            {part}
          </Anchor>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
