// Two large versions (~2 MB each) of one notebook, built deterministically so the SIGKILL test's
// parent and child agree on them byte for byte.
import type { Notebook } from '@shared/notebook/model';

export function bigVersion(which: 'A' | 'B'): Notebook {
  const rows: (number | string)[][] = [];
  for (let i = 0; i < 40_000; i++)
    rows.push([i, which === 'A' ? i * 0.5 : i * 1.5, `${which}-row-${i}`]);
  return {
    id: 'big',
    title: `Big notebook version ${which}`,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: which === 'A' ? 1 : 2,
    cells: [
      {
        id: 'md',
        type: 'markdown',
        source: `# Version ${which}\n` + `line of ${which} text $x^2$\n`.repeat(5_000),
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'tbl',
        type: 'table',
        data: {
          columns: [
            { name: 'i', type: 'number' },
            { name: 'v', type: 'number' },
            { name: 's', type: 'string' },
          ],
          rows,
        },
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
    ],
  };
}
