import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useFormat, useT } from '../i18n';
import { BomError } from './BomFeedback';
import { delimiterText, ROLE_LABELS, warningText } from './labels';
import { COLUMN_ROLES, type BomPreview, type ColumnRole } from './types';

const NONE = '';

/** Number of columns of the preview: the header, the mapping and the widest sample row. */
export function columnCount(preview: BomPreview): number {
  return Math.max(preview.headers.length, ...preview.mapping.map((column) => column.index + 1), ...preview.sampleRows.map((row) => row.length), 0);
}

/** The server's proposed role of each column, by index. */
export function initialRoles(preview: BomPreview): (ColumnRole | null)[] {
  const roles: (ColumnRole | null)[] = Array.from({ length: columnCount(preview) }, () => null);
  for (const column of preview.mapping) roles[column.index] = column.role;
  return roles;
}

/** Roles after giving column `index` the role `role`: a role belongs to one column only (distributor numbers excepted). */
export function assignRole(roles: (ColumnRole | null)[], index: number, role: ColumnRole | null): (ColumnRole | null)[] {
  return roles.map((current, i) => {
    if (i === index) return role;
    if (role !== null && role !== 'distributorPartNumber' && current === role) return null;
    return current;
  });
}

export const hasKeyColumn = (roles: (ColumnRole | null)[]) => roles.includes('partNumber') || roles.includes('value');

type MappingStepProps = {
  preview: BomPreview;
  roles: (ColumnRole | null)[];
  onRole: (index: number, role: ColumnRole | null) => void;
  onSheet: (sheet: string) => void;
  /** Read the table again with another (zero-based) header row. */
  onHeaderRow: (headerRow: number) => void;
  /** Set when the server found no header: its message, and the columns are mapped by hand. */
  manual: unknown;
  /** A part number or value column is mapped (or the server's own mapping is kept). */
  canAnalyse: boolean;
  name: string;
  onName: (name: string) => void;
  onAnalyse: () => void;
  onReset: () => void;
  busy: boolean;
  /** Progress and errors, shown above the button. */
  children?: ReactNode;
};

/** What the server read (encoding, separator, sheet, header row), the first rows, and a role for each column. */
export function MappingStep({
  preview,
  roles,
  onRole,
  onSheet,
  onHeaderRow,
  manual,
  canAnalyse,
  name,
  onName,
  onAnalyse,
  onReset,
  busy,
  children,
}: MappingStepProps) {
  const t = useT();
  const format = useFormat();
  const roleOptions = [{ value: NONE, label: t('bom.role.none') }, ...COLUMN_ROLES.map((role) => ({ value: role, label: t(ROLE_LABELS[role]) }))];
  const distributors = new Map(preview.mapping.filter((column) => column.distributor).map((column) => [column.index, column.distributor]));
  const delimiter = delimiterText(t, preview.delimiter);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="bom-mapping-title" data-testid="bom-mapping">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="bom-mapping-title">
              {t('bom.mapping.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('bom.mapping.hint')}
            </Text>
          </div>
          <Button variant="subtle" onClick={onReset} disabled={busy} data-testid="bom-reset">
            {t('bom.mapping.reset')}
          </Button>
        </Group>

        <Group gap="xl" wrap="wrap" align="flex-end" data-testid="bom-detected">
          <Fact label={t('bom.mapping.source')} value={preview.name} testId="bom-source-name" />
          {preview.encoding && <Fact label={t('bom.mapping.encoding')} value={preview.encoding.toUpperCase()} testId="bom-encoding" />}
          {delimiter && <Fact label={t('bom.mapping.delimiter')} value={delimiter} testId="bom-delimiter" />}
          {preview.sheets.length > 1 ? (
            <Select
              label={t('bom.mapping.sheet')}
              data={preview.sheets}
              value={preview.sheet}
              onChange={(sheet) => sheet && sheet !== preview.sheet && onSheet(sheet)}
              allowDeselect={false}
              disabled={busy}
              w={220}
              data-testid="bom-sheet-select"
            />
          ) : (
            preview.sheet && <Fact label={t('bom.mapping.sheet')} value={preview.sheet} testId="bom-sheet" />
          )}
          <HeaderRowInput value={preview.headerRow} onChange={onHeaderRow} disabled={busy} />
          {!manual && <Fact label={t('bom.mapping.lineCount')} value={format.number(preview.lineCount)} testId="bom-line-count" />}
        </Group>

        {manual !== null && (
          <Stack gap={4}>
            <BomError error={manual} color="orange" />
            <Text size="sm" data-testid="bom-manual-hint">
              {t('bom.mapping.manual')}
            </Text>
          </Stack>
        )}

        {preview.confidence === 'low' && !manual && (
          <Alert color="yellow" variant="light" data-testid="bom-low-confidence">
            {t('bom.mapping.lowConfidence')}
          </Alert>
        )}

        {preview.skipped.length > 0 && !manual && (
          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Text span size="sm" c="dimmed">
                {t('bom.mapping.skipped', { count: format.number(preview.skipped.length) })}
              </Text>
            </summary>
            <Stack gap={2} mt={4} pl="md">
              {preview.skipped.slice(0, 50).map((skip) => (
                <Text key={skip.sourceLine} size="xs" c="dimmed">
                  {t('bom.mapping.skippedLine', { line: skip.sourceLine, reason: warningText(t, skip.reason) })}
                </Text>
              ))}
            </Stack>
          </details>
        )}

        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('bom.mapping.sample', { count: format.number(preview.sampleRows.length) })}
          </Text>
          <Table.ScrollContainer minWidth={Math.max(600, roles.length * 190)}>
            <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" data-testid="bom-preview-table">
              <Table.Thead>
                <Table.Tr>
                  {roles.map((role, index) => {
                    const header = preview.headers[index] || t('bom.mapping.column', { number: index + 1 });
                    return (
                      <Table.Th key={index} miw={180} style={{ verticalAlign: 'top', background: role ? 'var(--mantine-color-blue-0)' : undefined }}>
                        <Stack gap={4}>
                          <Group gap={4} wrap="nowrap">
                            <Text size="sm" fw={700} lineClamp={2} title={header}>
                              {header}
                            </Text>
                            {distributors.get(index) && (
                              <Badge size="xs" variant="outline" color="gray">
                                {distributors.get(index)}
                              </Badge>
                            )}
                          </Group>
                          <NativeSelect
                            size="xs"
                            data={roleOptions}
                            value={role ?? NONE}
                            onChange={(event) => onRole(index, (event.currentTarget.value || null) as ColumnRole | null)}
                            aria-label={t('bom.mapping.columnRole', { column: header })}
                            disabled={busy}
                            data-testid="bom-role-select"
                            data-column={index}
                          />
                        </Stack>
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sampleRows.map((row, rowIndex) => (
                  <Table.Tr key={rowIndex}>
                    {roles.map((role, index) => (
                      <Table.Td key={index} c={role ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {row[index] ?? ''}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>

        {children}

        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('bom.mapping.name')}
            value={name}
            onChange={(event) => onName(event.currentTarget.value)}
            maxLength={200}
            w={360}
            disabled={busy}
            data-testid="bom-name"
          />
          <Button onClick={onAnalyse} disabled={!canAnalyse || busy} loading={busy} data-testid="bom-analyse">
            {t('bom.mapping.analyse')}
          </Button>
        </Group>
        {!canAnalyse && (
          <Text size="sm" c="red" data-testid="bom-need-key">
            {t('bom.mapping.needKey', { partNumber: t('bom.role.partNumber'), value: t('bom.role.value') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="sm" lh="36px" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** The header row, 1-based as people count; a new value is applied on Enter or when the field is left. */
function HeaderRowInput({ value, onChange, disabled }: { value: number; onChange: (headerRow: number) => void; disabled: boolean }) {
  const t = useT();
  const [text, setText] = useState<string | number>(value + 1);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value + 1);
  }
  const commit = () => {
    const row = typeof text === 'number' ? text : Number.parseInt(text, 10);
    if (Number.isInteger(row) && row >= 1 && row - 1 !== value) onChange(row - 1);
    else setText(value + 1);
  };
  return (
    <NumberInput
      label={t('bom.mapping.headerRow')}
      value={text}
      onChange={setText}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      min={1}
      max={1000}
      allowDecimal={false}
      allowNegative={false}
      disabled={disabled}
      w={130}
      data-testid="bom-header-row"
    />
  );
}
