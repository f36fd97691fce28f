// The app's top-level views, in sidebar order.
export const VIEWS = ['library', 'search', 'map', 'notebooks', 'tags', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_TITLES: Record<View, string> = {
  library: 'Library',
  search: 'Search',
  map: 'Map',
  notebooks: 'Notebooks',
  tags: 'Tags',
  settings: 'Settings',
};
