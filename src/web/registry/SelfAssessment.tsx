import { Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useT } from '../i18n';
import { ErrorAlert } from '../ui/QueryStates';
import { useEvaluation } from './api';
import { EvaluationView } from './EvaluationView';
import { factsToApi, type FactsForm } from './factsForm';
import type { EvaluateBody } from './types';

type SelfAssessmentProps = { makerCountry: string | null; facts: FactsForm; date?: string };

/** Live self-assessment: the server's evaluator under every rule set in force, as the form changes. */
export function SelfAssessment({ makerCountry, facts, date }: SelfAssessmentProps) {
  const t = useT();
  const body = useMemo<EvaluateBody | null>(
    () => (makerCountry ? { ...factsToApi(facts), makerCountry, ...(date ? { date } : {}), includeDrafts: true } : null),
    [makerCountry, facts, date],
  );
  const [debounced] = useDebouncedValue(body, 400);
  const query = useEvaluation(debounced);
  return (
    <Paper withBorder p="md" radius="md" data-testid="self-assessment" aria-live="polite">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('registry.selfAssessment.title')}
          </Title>
          {(query.isFetching || body !== debounced) && <Loader size="xs" aria-label={t('common.loading')} />}
        </Group>
        <Text size="xs" c="dimmed">
          {t('registry.selfAssessment.hint')}
        </Text>
        {!makerCountry ? (
          <Text size="sm" c="dimmed">
            {t('registry.selfAssessment.needMaker')}
          </Text>
        ) : query.isError ? (
          <ErrorAlert error={query.error} />
        ) : query.data ? (
          <EvaluationView results={query.data} testId="self-assessment-results" />
        ) : null}
      </Stack>
    </Paper>
  );
}
