// A graph cell's run as a job: a library graph asks `graph:libraryPlan` first and, when the
// library's size makes it slow, holds the plan for the size warning (./SizeWarning.tsx); every run
// reports progress with Cancel (useJob), and its outputs are stored in the cell through onChange.
import { useState } from 'react';
import type { Api } from '@shared/api/client';
import { errorMessage } from '@shared/api/errors';
import type { LibraryGraphPlan } from '@shared/api/graph-contract';
import { DEFAULT_GRAPH_METRICS, type GraphCellSource } from '@shared/notebook/cells/graph';
import type { Cell, Notebook } from '@shared/notebook/model';
import { useJob, type Job } from '../../../../components/useJob';
import type { GraphCellModel } from './cellModel';
import { computeGraphOutputs, libraryInput } from './graphRun';

type LibrarySource = Extract<GraphCellSource, { kind: 'library-knn' }>;

/** The library source over all papers. */
export function withoutSample(src: LibrarySource): LibrarySource {
  const out = { ...src };
  delete out.sample;
  return out;
}

export type GraphRun = {
  job: Job;
  error: string | null;
  /** A slow library graph's plan, shown as a warning until the user picks a setting. */
  plan: LibraryGraphPlan | null;
  dismissPlan(): void;
  /** The estimate of the run under way, shown beside its progress. */
  estimate: number | undefined;
  /** Run clicked: a library graph asks for its plan first and warns when it is slow. */
  start(): Promise<void>;
  compute(override?: GraphCellSource, estimateSeconds?: number): Promise<void>;
  /** The cheaper setting: stored in the cell (so the outputs say what they show), then run. */
  runCheaper(setting: { k: number; sample: number | null }, seconds: number): void;
};

export function useGraphRun(args: {
  api: Api;
  cell: Cell;
  notebook: Notebook;
  model: GraphCellModel;
  onChange(next: Cell): void;
}): GraphRun {
  const { api, cell, notebook, model, onChange } = args;
  const { data, src } = model;
  const job = useJob();
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<LibraryGraphPlan | null>(null);
  const [estimate, setEstimate] = useState<number | undefined>(undefined);
  const metrics = () => [...(data.metrics ?? DEFAULT_GRAPH_METRICS)];

  const compute = async (override?: GraphCellSource, estimateSeconds?: number) => {
    const source = override ?? src;
    setError(null);
    setPlan(null);
    setEstimate(estimateSeconds);
    const outcome = await job
      .run(async (signal, onProgress) => {
        const ctx = { api, notebook, data, signal, onProgress };
        const outputs = await computeGraphOutputs(source, metrics(), ctx);
        if (signal.aborted) return;
        onChange({
          ...cell,
          ...(source === data.source ? {} : { data: model.dataWith({ source }) }),
          outputs,
          ranAt: new Date().toISOString(),
        });
      })
      .catch((err: unknown) => {
        setError(errorMessage(err));
        return null;
      });
    if (outcome?.cancelled) setError('Cancelled.');
  };

  const start = async () => {
    setError(null);
    setPlan(null);
    if (src.kind !== 'library-knn') return void compute();
    try {
      const p = await api.call('graph:libraryPlan', libraryInput(src, data.seed, metrics()));
      if (p.slow) setPlan(p);
      else void compute(undefined, p.seconds);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const runCheaper = (setting: { k: number; sample: number | null }, seconds: number) => {
    if (src.kind !== 'library-knn') return;
    const next = { ...withoutSample(src), k: setting.k };
    if (setting.sample !== null) next.sample = setting.sample;
    model.update({ source: next });
    void compute(next, seconds);
  };

  return {
    job,
    error,
    plan,
    dismissPlan: () => setPlan(null),
    estimate,
    start,
    compute,
    runCheaper,
  };
}
