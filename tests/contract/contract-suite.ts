// The contract tests: the same behaviour asserted through every transport (in-process, HTTP + SSE,
// Electron IPC), each over real services on a real LanceDB library in a temp folder. The cases live
// in one file per feature (*.cases.ts); they run in this order because later ones build on the
// library the earlier ones left. The last case fails when a contract method has no case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import { METHOD_NAMES } from '@shared/api/contract';
import { annotationCases } from './annotations.cases';
import { graphCases, graphEngineCases } from './graph.cases';
import { exportJobCases, importCancelCases } from './jobs.cases';
import { libraryCases } from './library.cases';
import { mapCases } from './map.cases';
import { modelCases } from './models.cases';
import { notebookCases, notebookDocumentCases } from './notebooks.cases';
import { embeddingCases, searchCases } from './search.cases';
import { recordingClient } from './suite-support';
import { taggingCases } from './tagging.cases';

export { EXPORT_CHUNK_FOR_TESTS } from './contract-services';

export type ContractSetup = () => Promise<{ api: Api; close(): Promise<void> }>;

export function describeContract(name: string, setup: ContractSetup): void {
  describe(`contract over ${name}`, () => {
    const client = recordingClient();
    const api = client.api;
    let close: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const s = await setup();
      client.connect(s.api);
      close = s.close;
    });
    afterAll(async () => {
      await close?.();
    });

    libraryCases(api);
    modelCases(api);
    taggingCases(api);
    annotationCases(api);
    mapCases(api);
    importCancelCases(api);
    embeddingCases(api);
    searchCases(api);
    graphCases(api);
    graphEngineCases(api);
    exportJobCases(api);
    notebookCases(api);
    notebookDocumentCases(api);

    // Runs last (vitest runs a file's cases in order); skipped with the others under `-t`.
    it('every contract method has a case in this suite', () => {
      const missing = METHOD_NAMES.filter((m) => !client.called.has(m));
      expect(missing, 'contract methods no case of tests/contract/*.cases.ts called').toEqual([]);
    });
  });
}
