import { Grid, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useFormat, useT } from '../i18n';
import { usePageTitle } from '../ui/usePageTitle';
import { FactsFields } from './FactsFields';
import { EMPTY_FACTS, type FactsForm } from './factsForm';
import { REGISTRY_COUNTRIES, todayIso } from './labels';
import { RegistryNav } from './RegistryNav';
import { SelfAssessment } from './SelfAssessment';

/** The self-assessment calculator: the same evaluator as applications, nothing saved. */
export function CalculatorPage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('registry.calculator.title'));
  const [makerCountry, setMakerCountry] = useState<string | null>('RU');
  const [date, setDate] = useState(todayIso());
  const [facts, setFacts] = useState<FactsForm>(EMPTY_FACTS);
  return (
    <Stack gap="md">
      <RegistryNav />
      <Title order={1}>{t('registry.calculator.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('registry.calculator.intro')}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Group gap="sm" align="flex-end">
              <Select
                label={t('registry.calculator.makerCountry')}
                data={REGISTRY_COUNTRIES.map((value) => ({ value, label: format.country(value) }))}
                value={makerCountry}
                onChange={setMakerCountry}
                allowDeselect={false}
                w={220}
                data-testid="calculator-country"
              />
              <TextInput
                type="date"
                label={t('registry.calculator.date')}
                value={date}
                onChange={(e) => setDate(e.currentTarget.value || todayIso())}
                w={180}
                data-testid="calculator-date"
              />
            </Group>
            <FactsFields value={facts} onChange={setFacts} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <div style={{ position: 'sticky', top: 80 }}>
            <SelfAssessment makerCountry={makerCountry} facts={facts} date={date} />
          </div>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
