// The import dialog's state: the chosen source and format, the stage, and preview/import runs
// that report progress and can be cancelled.
import { useRef, useState } from 'react';
import type { Progress } from '@shared/api/contract';
import {
  MAX_IMPORT_BYTES,
  PASTED_TEXT_NAME,
  type ImportFormat,
  type ImportPreview,
  type ImportResult,
  type ImportSource,
} from '@shared/api/schemas';
import { QuireError, errorMessage } from '@shared/api/errors';
import { useApi } from '../../apiContext';
import { toBase64 } from './base64';

export type Stage = 'choose' | 'previewing' | 'previewed' | 'importing' | 'done';

export function useImport(onImported: () => void) {
  const api = useApi();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [stage, setStage] = useState<Stage>('choose');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Would-be duplicates the user chose to import as their own papers (by record index). */
  const [keepSeparate, setKeepSeparate] = useState<ReadonlySet<number>>(new Set());
  const abort = useRef<AbortController | null>(null);

  const resetOutcome = () => {
    setPreview(null);
    setKeepSeparate(new Set());
    setResult(null);
    setError(null);
    setProgress(null);
    setStage('choose');
  };

  const buildSource = async (): Promise<ImportSource> => {
    if (mode === 'paste') return { kind: 'text', name: PASTED_TEXT_NAME, text };
    if (!file) throw new QuireError('invalid_input', 'Choose a file first.');
    if (file.size > MAX_IMPORT_BYTES) {
      throw new QuireError(
        'invalid_file',
        `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      );
    }
    return { kind: 'bytes', name: file.name, base64: toBase64(await file.arrayBuffer()) };
  };

  const run = async (what: 'preview' | 'import') => {
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress(null);
    setResult(null);
    setStage(what === 'preview' ? 'previewing' : 'importing');
    try {
      const source = await buildSource();
      const request = { source, ...(format ? { format } : {}) };
      const opts = { signal: controller.signal, onProgress: setProgress };
      if (what === 'preview') {
        setKeepSeparate(new Set());
        setPreview(await api.call('import:preview', request, opts));
        setStage('previewed');
      } else {
        const overrides = keepSeparate.size > 0 ? { keepSeparate: [...keepSeparate] } : {};
        const res = await api.call('import:run', { ...request, ...overrides }, opts);
        setResult(res);
        setStage('done');
        onImported();
      }
    } catch (err) {
      const cancelled = err instanceof QuireError && err.code === 'cancelled';
      if (!cancelled) setError(errorMessage(err));
      else if (what === 'import') {
        setError('Import cancelled. Papers imported before you cancelled were kept.');
        onImported();
      }
      setStage(preview && what === 'import' ? 'previewed' : 'choose');
    } finally {
      abort.current = null;
    }
  };

  const setKeep = (index: number, keep: boolean) => {
    const next = new Set(keepSeparate);
    if (keep) next.add(index);
    else next.delete(index);
    setKeepSeparate(next);
  };

  const busy = stage === 'previewing' || stage === 'importing';
  return {
    mode,
    setMode,
    file,
    setFile,
    text,
    setText,
    format,
    setFormat,
    stage,
    preview,
    result,
    progress,
    error,
    keepSeparate,
    setKeep,
    busy,
    hasSource: mode === 'file' ? file !== null : text.trim() !== '',
    toImport: preview ? preview.newCount + keepSeparate.size : 0,
    resetOutcome,
    run: (what: 'preview' | 'import') => void run(what),
    cancel: () => abort.current?.abort(),
  };
}

export type ImportModel = ReturnType<typeof useImport>;
