// Cluster colours for the map: a 12-colour qualitative palette (Tableau 10 + two) with a lighter
// variant for the dark theme, and a neutral grey for unassigned papers.
const LIGHT = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#3b8bc2',
  '#8cd17d',
  '#d37295',
];
const DARK = [
  '#7aa6d6',
  '#ffae5c',
  '#ff8587',
  '#9fd9d4',
  '#86cc7b',
  '#f5dc7a',
  '#d4a3c8',
  '#ffc2ca',
  '#c9a088',
  '#6fb4e8',
  '#b5e6a9',
  '#f0a0bd',
];

export function clusterColor(index: number, dark: boolean): string {
  if (index < 0) return dark ? '#5c636e' : '#b4bac4';
  const p = dark ? DARK : LIGHT;
  return p[index % p.length]!;
}
