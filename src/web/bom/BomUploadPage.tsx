import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/api';
import { ApiError } from '../http/client';
import { useT } from '../i18n';
import { usePageTitle } from '../ui/usePageTitle';
import { createBomAnalysis, previewBom, useRememberAnalysis, type BomSource } from './api';
import { BomDropzone } from './BomDropzone';
import { BomError, BomProgress } from './BomFeedback';
import { BomHistory } from './BomHistory';
import { assignRole, columnCount, hasKeyColumn, initialRoles, MappingStep } from './MappingStep';
import type { BomPreview, ColumnRole, RoleMapping } from './types';
import type { UploadProgress } from './upload';

type Busy = { step: 'preview' | 'analyse'; progress: UploadProgress | null } | null;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Lets the server read a table whose header it could not find; the roles are then chosen by hand. */
const PLACEHOLDER_MAPPING: RoleMapping = { '0': 'partNumber' };

function toMapping(roles: (ColumnRole | null)[]): RoleMapping {
  const mapping: RoleMapping = {};
  roles.forEach((role, index) => {
    mapping[String(index)] = role;
  });
  return mapping;
}

function resizeRoles(roles: (ColumnRole | null)[], count: number): (ColumnRole | null)[] {
  return Array.from({ length: count }, (_, index) => roles[index] ?? null);
}

/**
 * `/bom`: a file (dropped or picked) or a pasted table → the mapping step (what the server read, a role per
 * column) → the analysis, which opens at `/bom/<id>`. Signed-in users see their earlier analyses below.
 */
export function BomUploadPage() {
  const t = useT();
  usePageTitle(t('bom.title'));
  const navigate = useNavigate();
  const session = useSession();
  const remember = useRememberAnalysis();
  const user = session.data?.user ?? null;

  const [text, setText] = useState('');
  const [source, setSource] = useState<BomSource | null>(null);
  const [preview, setPreview] = useState<BomPreview | null>(null);
  const [roles, setRoles] = useState<(ColumnRole | null)[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  /** The server's reason when it found no header and the columns are mapped by hand. */
  const [manual, setManual] = useState<unknown>(null);
  /** The roles the server proposed for the header it found; null once the header row was set by hand. */
  const [detected, setDetected] = useState<(ColumnRole | null)[] | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page cancels an upload in flight.
  useEffect(() => () => controller.current?.abort(), []);

  // The server calls pasted text "pasted text"; offer the name in the interface language instead.
  const proposedName = (answer: BomPreview) => (answer.sourceKind === 'text' ? t('bom.paste.name') : answer.name);

  const start = (step: 'preview' | 'analyse') => {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    setError(null);
    setBusy({ step, progress: null });
    return next;
  };
  const onProgress = (step: 'preview' | 'analyse') => (progress: UploadProgress) => setBusy({ step, progress });
  const finish = (job: AbortController) => {
    if (controller.current === job) {
      controller.current = null;
      setBusy(null);
    }
  };

  /**
   * Reads the source. Without `headerRow` the server detects the header and the roles; when it finds none (422)
   * the table is read once more from its first row with a placeholder mapping, and the user maps it by hand.
   * With `headerRow` (the user moved the header) the roles chosen so far are kept.
   */
  const runPreview = async (next: BomSource, sheet: string | null = null, headerRow?: number) => {
    const job = start('preview');
    const progress = onProgress('preview');
    try {
      let answer: BomPreview;
      let notDetected: unknown = null;
      if (headerRow === undefined) {
        try {
          answer = await previewBom(next, { sheet }, progress, job.signal);
        } catch (cause) {
          if (!(cause instanceof ApiError && cause.status === 422)) throw cause;
          notDetected = cause;
          answer = await previewBom(next, { sheet, headerRow: 0, mapping: PLACEHOLDER_MAPPING }, progress, job.signal).catch(() => {
            throw cause;
          });
        }
      } else {
        const mapping = hasKeyColumn(roles) ? toMapping(roles) : PLACEHOLDER_MAPPING;
        answer = await previewBom(next, { sheet, headerRow, mapping }, progress, job.signal);
      }
      if (job.signal.aborted) return;
      setSource(next);
      // A name the user typed stays when the sheet or the header row changes.
      const previous = preview ? proposedName(preview) : null;
      setName((current) => (previous !== null && current !== previous ? current : proposedName(answer)));
      setPreview(answer);
      if (headerRow !== undefined) {
        setDetected(null);
        setRoles((current) => resizeRoles(current, columnCount(answer)));
      } else {
        const proposed = notDetected ? null : initialRoles(answer);
        setManual(notDetected);
        setDetected(proposed);
        setRoles(proposed ?? resizeRoles([], columnCount(answer)));
      }
    } catch (cause) {
      if (!isAbort(cause) && !job.signal.aborted) setError(cause);
    } finally {
      finish(job);
    }
  };

  const analyse = async () => {
    if (!source || !preview) return;
    const job = start('analyse');
    // The mapping is always sent, except when it has no part number or value column and is still the server's
    // own proposal: the server then detects it again and takes part numbers from distributor numbers.
    const mapping = edited || hasKeyColumn(roles) ? { mapping: toMapping(roles), headerRow: preview.headerRow } : {};
    try {
      const analysis = await createBomAnalysis(source, { ...mapping, sheet: preview.sheet, name }, onProgress('analyse'), job.signal);
      if (job.signal.aborted) return;
      remember(analysis);
      navigate(`/bom/${analysis.id}`);
    } catch (cause) {
      if (!isAbort(cause) && !job.signal.aborted) setError(cause);
    } finally {
      finish(job);
    }
  };

  const cancel = () => {
    controller.current?.abort();
    controller.current = null;
    setBusy(null);
  };

  const reset = () => {
    cancel();
    setSource(null);
    setPreview(null);
    setRoles([]);
    setName('');
    setError(null);
    setManual(null);
    setDetected(null);
  };

  const edited = detected === null || roles.some((role, index) => role !== detected[index]);

  const feedback = (
    <>
      {busy && <BomProgress progress={busy.progress} step={busy.step} onCancel={cancel} />}
      {error !== null && <BomError error={error} onClose={() => setError(null)} />}
    </>
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('bom.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('bom.intro')}
        </Text>
      </div>

      {preview ? (
        <MappingStep
          preview={preview}
          roles={roles}
          onRole={(index, role) => setRoles((current) => assignRole(current, index, role))}
          onSheet={(sheet) => source && void runPreview(source, sheet)}
          onHeaderRow={(headerRow) => source && void runPreview(source, preview.sheet, headerRow)}
          manual={manual}
          canAnalyse={hasKeyColumn(roles) || !edited}
          name={name}
          onName={setName}
          onAnalyse={() => void analyse()}
          onReset={reset}
          busy={busy !== null}
        >
          {feedback}
        </MappingStep>
      ) : (
        <Stack gap="md">
          <BomDropzone onFile={(file) => void runPreview({ kind: 'file', file })} disabled={busy !== null} />
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Textarea
                label={t('bom.paste.label')}
                placeholder={t('bom.paste.placeholder')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                autosize
                minRows={4}
                maxRows={14}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
                disabled={busy !== null}
                data-testid="bom-paste"
              />
              <Group>
                <Button
                  variant="light"
                  onClick={() => void runPreview({ kind: 'text', text })}
                  disabled={!text.trim() || busy !== null}
                  data-testid="bom-paste-submit"
                >
                  {t('bom.paste.submit')}
                </Button>
              </Group>
            </Stack>
          </Paper>
          {feedback}
        </Stack>
      )}

      <BomHistory user={user} loading={session.isPending} />
    </Stack>
  );
}
