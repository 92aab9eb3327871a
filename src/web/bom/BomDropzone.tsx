import { Button, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n';

/** What the file picker offers; anything dropped is sent and the server says what it is. Legacy .xls is offered so its message is shown. */
const ACCEPT = '.csv,.tsv,.txt,.md,.xlsx,.xls,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type BomDropzoneProps = { onFile: (file: File) => void; disabled?: boolean };

/** Drop a file on the panel, or click it (Enter/Space) to pick one. */
export function BomDropzone({ onFile, disabled }: BomDropzoneProps) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  // dragenter/dragleave also fire when the pointer moves between the panel's children.
  const depth = useRef(0);

  const pick = () => {
    if (!disabled) inputRef.current?.click();
  };
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

  return (
    <>
      <Paper
        withBorder
        radius="md"
        p="xl"
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-disabled={disabled || undefined}
        aria-label={t('bom.upload.drop')}
        data-testid="bom-dropzone"
        data-active={over || undefined}
        onClick={pick}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            pick();
          }
        }}
        onDragEnter={(event: DragEvent) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          depth.current += 1;
          if (!disabled) setOver(true);
        }}
        onDragOver={(event: DragEvent) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        }}
        onDragLeave={() => {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setOver(false);
        }}
        onDrop={(event: DragEvent) => {
          event.preventDefault();
          depth.current = 0;
          setOver(false);
          const file = event.dataTransfer.files[0];
          if (file && !disabled) onFile(file);
        }}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: over ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-4)',
          backgroundColor: over ? 'var(--mantine-color-blue-0)' : undefined,
          cursor: disabled ? 'not-allowed' : 'pointer',
          opacity: disabled ? 0.6 : 1,
          transition: 'background-color 120ms, border-color 120ms',
        }}
      >
        <Stack align="center" gap="xs">
          <UploadIcon color={over ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-5)'} />
          <Text fw={600} ta="center">
            {over ? t('bom.upload.dropHere') : t('bom.upload.drop')}
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('bom.upload.formats')}
          </Text>
          {/* Looks like a button; the whole panel is the control. */}
          <Button component="span" variant="light" size="xs" disabled={disabled} aria-hidden="true">
            {t('bom.upload.choose')}
          </Button>
        </Stack>
      </Paper>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="bom-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) is noticed.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

function UploadIcon({ color }: { color: string }) {
  return (
    <svg
      width="40"
      height="40"
      viewBox="0 0 24 24"
      fill="none"
      stroke={color}
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5" />
      <path d="M12 17v-6" />
      <path d="M9.5 13.5 12 11l2.5 2.5" />
    </svg>
  );
}
