import { Alert, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { ApiError } from '../http/client';
import { useFormat, useT, type MessageKey } from '../i18n';
import { percent } from './labels';
import type { UploadProgress } from './upload';

function errorTitle(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'common.error';
  if (error.status === 0) return 'bom.error.network';
  if (error.status === 413) return 'bom.error.tooLarge';
  if (error.status === 415) return 'bom.error.unsupported';
  if (error.status === 422) return 'bom.error.unreadable';
  if (error.status === 400) return 'bom.error.invalid';
  return 'common.error';
}

/** The server's message about an upload or an analysis (413 too large, 415 legacy .xls, 422 no header …). */
export function BomError({ error, onClose, color = 'red' }: { error: unknown; onClose?: () => void; color?: string }) {
  const t = useT();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      color={color}
      variant="light"
      title={t(errorTitle(error))}
      role="alert"
      data-testid="bom-error"
      data-status={error instanceof ApiError ? error.status : undefined}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {message}
      </Text>
    </Alert>
  );
}

type BomProgressProps = {
  /** Upload progress of a file; null for pasted text (sent at once). */
  progress: UploadProgress | null;
  /** What the server does once everything is sent. */
  step: 'preview' | 'analyse';
  onCancel?: () => void;
};

/** Upload bar while the file is sent, then a working bar while the server reads and matches it. */
export function BomProgress({ progress, step, onCancel }: BomProgressProps) {
  const t = useT();
  const format = useFormat();
  const uploading = progress !== null && !progress.sent;
  const label = uploading
    ? t('bom.progress.uploading', { percent: percent(format.intl, progress.fraction) })
    : step === 'preview'
      ? t('bom.progress.reading')
      : t('bom.progress.analysing');
  return (
    <Stack gap={6} data-testid="bom-progress" data-print="hide" aria-live="polite">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          {!uploading && <Loader size="xs" />}
          <Text size="sm">{label}</Text>
        </Group>
        {onCancel && (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onCancel}>
            {t('bom.progress.cancel')}
          </Button>
        )}
      </Group>
      <Progress
        value={uploading ? Math.round(progress.fraction * 100) : 100}
        striped={!uploading}
        animated={!uploading}
        size="sm"
        aria-label={label}
        transitionDuration={150}
      />
    </Stack>
  );
}
