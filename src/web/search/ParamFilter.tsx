import { Group, Pill, Stack, TagsInput, Text } from '@mantine/core';
import type { ParsedParamCondition } from '../http/types';
import { useFormat, useT } from '../i18n';
import { OPERATOR_SIGNS } from './labels';

type ParamFilterProps = {
  /** Conditions as typed (from the URL). */
  value: string[];
  onChange: (value: string[]) => void;
  /** How the server read them, shown under the input. */
  parsed: ParsedParamCondition[] | undefined;
  /** The server's message when it could not read one. */
  error: string | null;
};

/**
 * Parametric filter: one condition per chip (`U_cc >= 4.5 V`, Enter adds it; a pasted list splits on lines
 * and semicolons). Commas are kept because they are decimal separators in Russian and Belarusian.
 */
export function ParamFilter({ value, onChange, parsed, error }: ParamFilterProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Stack gap={4}>
      <TagsInput
        label={t('search.params.label')}
        description={t('search.params.description')}
        placeholder={value.length === 0 ? t('search.params.placeholder') : undefined}
        value={value}
        onChange={onChange}
        splitChars={[';', '\n']}
        allowDuplicates={false}
        clearable
        error={error}
        errorProps={{ 'data-testid': 'param-error' }}
        data-testid="param-input"
      />
      {parsed && parsed.length > 0 && !error && (
        <Group gap={4} data-testid="param-parsed">
          <Text size="xs" c="dimmed">
            {t('search.params.understood')}
          </Text>
          {parsed.map((condition, index) => (
            <Pill key={index} size="xs">
              {condition.name} {OPERATOR_SIGNS[condition.op] ?? condition.op} {format.number(condition.value)}
              {condition.unit ? ` ${condition.unit}` : ''}
            </Pill>
          ))}
        </Group>
      )}
    </Stack>
  );
}
