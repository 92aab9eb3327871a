import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocale, useT } from '../i18n';
import { ErrorAlert } from '../ui/QueryStates';
import { useDecide, useRuleSets } from './api';
import { allowedDecisions } from './decisions';
import { decisionLabel, localText } from './labels';
import type { DecisionBody, DecisionKind, RegistryRecord } from './types';

const REMARKS_REQUIRED: DecisionKind[] = ['return', 'reject', 'suspend', 'exclude'];

/** An operator of the record's country decides: each decision with remarks and dates. */
export function DecisionsPanel({ record }: { record: RegistryRecord }) {
  const t = useT();
  const kinds = allowedDecisions(record);
  const [kind, setKind] = useState<DecisionKind | null>(kinds[0] ?? null);
  const current = kind && kinds.includes(kind) ? kind : (kinds[0] ?? null);
  return (
    <Paper withBorder p="md" radius="md" data-testid="decisions-panel" data-print="hide">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('registry.decisions.title')}
        </Title>
        {current === null ? (
          <Text c="dimmed" size="sm" data-testid="decisions-none">
            {t('registry.decisions.none')}
          </Text>
        ) : (
          <>
            <SegmentedControl
              value={current}
              onChange={(v) => setKind(v as DecisionKind)}
              data={kinds.map((k) => ({ value: k, label: decisionLabel(t, k) }))}
              data-testid="decision-kind"
              style={{ alignSelf: 'flex-start' }}
            />
            <DecisionForm key={current} record={record} kind={current} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function DecisionForm({ record, kind }: { record: RegistryRecord; kind: DecisionKind }) {
  const t = useT();
  const { locale } = useLocale();
  const decide = useDecide(record.id);
  const ruleSets = useRuleSets();
  const [remarks, setRemarks] = useState('');
  const [number, setNumber] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTill, setValidTill] = useState('');
  const [date, setDate] = useState('');
  const [ruleSetId, setRuleSetId] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const remarksRequired = REMARKS_REQUIRED.includes(kind);
  const candidates = (ruleSets.data ?? []).filter((r) => (r.country === record.country || r.country === 'UNION') && r.definition.kind !== 'recognition');
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);

  const body = (): DecisionBody | null => {
    const r = opt(remarks);
    switch (kind) {
      case 'return':
      case 'reject':
        return r ? { kind, remarks: r } : null;
      case 'include':
        return {
          kind,
          number: opt(number),
          validFrom: opt(validFrom),
          validTill: opt(validTill),
          ruleSetId: ruleSetId ? Number(ruleSetId) : undefined,
          remarks: r,
        };
      case 'renew':
        return validTill ? { kind, validTill, validFrom: opt(validFrom), remarks: r } : null;
      case 'suspend':
      case 'exclude':
        return r ? { kind, date: opt(date), remarks: r } : null;
      case 'resume':
        return { kind, date: opt(date), remarks: r };
    }
  };
  const ready = body() !== null;

  return (
    <Stack gap="sm" data-testid="decision-form" data-kind={kind}>
      {kind === 'include' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('registry.decisions.number')}
            description={t('registry.decisions.numberHint')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            data-testid="decision-number"
          />
          <Select
            label={t('registry.decisions.ruleSet')}
            description={t('registry.decisions.ruleSetHint')}
            clearable
            data={candidates.map((r) => ({ value: String(r.id), label: `${localText(r.title, locale)} (v${r.version})` }))}
            value={ruleSetId}
            onChange={setRuleSetId}
            comboboxProps={{ width: 440 }}
            data-testid="decision-rule-set"
          />
        </SimpleGrid>
      )}
      {(kind === 'include' || kind === 'renew') && (
        <Group gap="sm">
          <TextInput
            type="date"
            label={t('registry.decisions.validFrom')}
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
            data-testid="decision-valid-from"
          />
          <TextInput
            type="date"
            label={t('registry.decisions.validTill')}
            required={kind === 'renew'}
            value={validTill}
            onChange={(e) => setValidTill(e.currentTarget.value)}
            data-testid="decision-valid-till"
          />
        </Group>
      )}
      {(kind === 'suspend' || kind === 'resume' || kind === 'exclude') && (
        <TextInput
          type="date"
          label={t('registry.decisions.date')}
          description={t('registry.decisions.dateHint')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          maw={220}
          data-testid="decision-date"
        />
      )}
      <Textarea
        label={t('registry.decisions.remarks')}
        required={remarksRequired}
        autosize
        minRows={2}
        value={remarks}
        onChange={(e) => setRemarks(e.currentTarget.value)}
        data-testid="decision-remarks"
      />
      {decide.isError && <ErrorAlert error={decide.error} />}
      {done && !decide.isError && (
        <Text size="sm" c="teal" data-testid="decision-done">
          {t('registry.decisions.done')}
        </Text>
      )}
      <Group>
        <Button
          color={kind === 'reject' || kind === 'exclude' ? 'red' : kind === 'suspend' || kind === 'return' ? 'orange' : 'blue'}
          disabled={!ready}
          loading={decide.isPending}
          onClick={() => {
            const b = body();
            if (b) decide.mutate(b, { onSuccess: () => setDone(true) });
          }}
          data-testid="decision-submit"
        >
          {decisionLabel(t, kind)}
        </Button>
      </Group>
    </Stack>
  );
}
