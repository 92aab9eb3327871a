import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/client';
import type { Paginated } from '../http/types';
import type { BomAnalysis, BomAnalysisSummary, BomPreview, RoleMapping } from './types';
import { postForm, type UploadProgress } from './upload';

/** What the user gave: a file, or a table pasted as text. */
export type BomSource = { kind: 'file'; file: File } | { kind: 'text'; text: string };

export type AnalyseOptions = {
  /** Column roles and header row as the user set them; left out, the server detects them as in the preview. */
  mapping?: RoleMapping;
  headerRow?: number;
  sheet: string | null;
  name: string;
};

type Progress = (progress: UploadProgress) => void;

export const BOM_ANALYSES_PAGE_SIZE = 10;

const analysisKey = (id: string) => ['bom-analysis', id] as const;
const analysesKey = ['bom-analyses'] as const;

export type PreviewOptions = {
  sheet?: string | null;
  /** Zero-based header row chosen by the user; the server uses it only together with a mapping. */
  headerRow?: number;
  mapping?: RoleMapping;
};

/**
 * `POST /api/bom/preview`: detected encoding, separator, sheet, header and column roles, and the first rows.
 * With `headerRow` and `mapping` the server skips header detection and reads the table as told.
 */
export function previewBom(source: BomSource, options: PreviewOptions = {}, onProgress?: Progress, signal?: AbortSignal): Promise<BomPreview> {
  const { sheet, headerRow, mapping } = options;
  if (source.kind === 'text') return api<BomPreview>('/api/bom/preview', { method: 'POST', body: { text: source.text, headerRow, mapping }, signal });
  const form = new FormData();
  if (sheet) form.append('sheet', sheet);
  if (headerRow !== undefined) form.append('headerRow', String(headerRow));
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', source.file, source.file.name);
  return postForm<BomPreview>('/api/bom/preview', form, { onProgress, signal });
}

/** `POST /api/bom/analyses` with the same file (or text) and the mapping the user confirmed. */
export function createBomAnalysis(source: BomSource, options: AnalyseOptions, onProgress?: Progress, signal?: AbortSignal): Promise<BomAnalysis> {
  const name = options.name.trim() || undefined;
  if (source.kind === 'text') {
    return api<BomAnalysis>('/api/bom/analyses', {
      method: 'POST',
      body: { text: source.text, mapping: options.mapping, headerRow: options.mapping ? options.headerRow : undefined, name },
      signal,
    });
  }
  // Text fields first, the file last: the server reads the parts in order.
  const form = new FormData();
  if (options.mapping) {
    form.append('mapping', JSON.stringify(options.mapping));
    if (options.headerRow !== undefined) form.append('headerRow', String(options.headerRow));
  }
  if (options.sheet) form.append('sheet', options.sheet);
  if (name) form.append('name', name);
  form.append('file', source.file, source.file.name);
  return postForm<BomAnalysis>('/api/bom/analyses', form, { onProgress, signal });
}

/** One analysis with all its lines; public by its link. */
export function useBomAnalysis(id: string) {
  return useQuery({
    queryKey: analysisKey(id),
    queryFn: ({ signal }) => api<BomAnalysis>(`/api/bom/analyses/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The signed-in user's own analyses, newest first. */
export function useBomAnalyses(page: number, enabled: boolean) {
  return useQuery({
    queryKey: [...analysesKey, page],
    queryFn: ({ signal }) => api<Paginated<BomAnalysisSummary>>('/api/bom/analyses', { query: { page, pageSize: BOM_ANALYSES_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Remember a fresh analysis so its page opens without another request. */
export function useRememberAnalysis() {
  const client = useQueryClient();
  return (analysis: BomAnalysis) => {
    client.setQueryData(analysisKey(analysis.id), analysis);
    void client.invalidateQueries({ queryKey: analysesKey });
  };
}

/** `POST /api/bom/analyses/:id/rerun`: match again against the current catalogue. */
export function useRerunAnalysis(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<BomAnalysis>(`/api/bom/analyses/${encodeURIComponent(id)}/rerun`, { method: 'POST' }),
    onSuccess: (analysis) => {
      client.setQueryData(analysisKey(id), analysis);
      void client.invalidateQueries({ queryKey: analysesKey });
    },
  });
}

export function useDeleteAnalysis() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/bom/analyses/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: analysisKey(id) });
      void client.invalidateQueries({ queryKey: analysesKey });
    },
  });
}

export function exportUrl(id: string, format: 'xlsx' | 'csv'): string {
  return `/api/bom/analyses/${encodeURIComponent(id)}/export?format=${format}`;
}
