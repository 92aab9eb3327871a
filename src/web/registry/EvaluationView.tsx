import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useLocale, useT } from '../i18n';
import { useRuleSets } from './api';
import { localText, OUTCOME_COLORS, OUTCOME_KEYS } from './labels';
import type { EvaluationCondition, EvaluationResult } from './types';

const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

/** Every rule set's outcome, level/points and each condition met (✓), missing (✗) or unknown (?). */
export function EvaluationView({ results, testId = 'evaluation' }: { results: EvaluationResult[]; testId?: string }) {
  const t = useT();
  if (results.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid={`${testId}-empty`}>
        {t('registry.evaluation.none')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid={testId}>
      {results.map((result) => (
        <ResultCard key={`${result.ruleSet.code}@${result.ruleSet.version}`} result={result} />
      ))}
    </Stack>
  );
}

function ResultCard({ result }: { result: EvaluationResult }) {
  const t = useT();
  const { locale } = useLocale();
  const ruleSets = useRuleSets();
  const ruleSet = ruleSets.data?.find((r) => r.code === result.ruleSet.code && r.version === result.ruleSet.version);
  const recognitions = result.appliedRecognitions
    .map((ref) => ruleSets.data?.find((r) => r.code === ref.code && r.version === ref.version))
    .map((r, i) => (r ? localText(r.title, locale) : result.appliedRecognitions[i].code));
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="evaluation-result"
      data-rule-set={result.ruleSet.code}
      data-outcome={result.outcome}
      data-level={result.level ?? ''}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Title order={3} size="h5">
              {ruleSet ? localText(ruleSet.title, locale) : result.ruleSet.code}
            </Title>
            <Text size="xs" c="dimmed">
              {t('registry.ruleSet.version', { code: result.ruleSet.code, version: result.ruleSet.version })}
              {ruleSet?.status === 'draft' ? ` · ${t('registry.ruleSet.status.draft')}` : ''}
            </Text>
          </div>
          <Group gap={6}>
            {result.level !== null && (
              <Badge color="blue" variant="filled" styles={NO_TRUNCATION} style={{ textTransform: 'none' }} data-testid="evaluation-level">
                {t('registry.levelN', { level: result.level })}
              </Badge>
            )}
            {result.points !== null && (
              <Badge color="blue" variant="light" styles={NO_TRUNCATION} style={{ textTransform: 'none' }}>
                {t('registry.pointsN', { points: result.points })}
              </Badge>
            )}
            <Badge
              color={OUTCOME_COLORS[result.outcome] ?? 'gray'}
              variant="light"
              styles={NO_TRUNCATION}
              style={{ textTransform: 'none' }}
              data-testid="evaluation-outcome"
            >
              {OUTCOME_KEYS[result.outcome] ? t(OUTCOME_KEYS[result.outcome]) : result.outcome}
            </Badge>
          </Group>
        </Group>
        <List spacing={4} size="sm" center={false} listStyleType="none" ms={0} ps={0}>
          {result.conditions.map((condition, index) => (
            <ConditionItem key={`${condition.code}-${index}`} condition={condition} />
          ))}
        </List>
        {recognitions.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('registry.evaluation.recognitions', { list: recognitions.join('; ') })}
          </Text>
        )}
        {result.gaps.length > 0 && (
          <Text size="xs" c="yellow.9" data-testid="evaluation-gaps">
            {t('registry.evaluation.gaps', { list: result.gaps.join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function ConditionItem({ condition }: { condition: EvaluationCondition }) {
  const t = useT();
  const { locale } = useLocale();
  const state = condition.met === true ? 'met' : condition.met === false ? 'missing' : 'unknown';
  const mark = { met: '✓', missing: '✗', unknown: '?' }[state];
  const color = { met: 'green', missing: 'red', unknown: 'yellow' }[state];
  return (
    <List.Item
      data-testid="evaluation-condition"
      data-met={state}
      icon={
        <ThemeIcon color={color} size={20} radius="xl" variant="light" aria-label={t(`registry.condition.${state}`)} title={t(`registry.condition.${state}`)}>
          <span aria-hidden>{mark}</span>
        </ThemeIcon>
      }
    >
      <Text size="sm">{localText(condition.text, locale)}</Text>
    </List.Item>
  );
}
