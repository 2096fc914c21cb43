/**
 * Where the list stands in cursor paging: the cursor of the page shown and the cursors of the pages before it
 * (newest first). The api pages one way (older), so going back to newer pages needs this trail; it lives in
 * the browser history entry, so Back, reload and "Newer" all agree.
 */
export interface PagePosition {
  readonly cursor?: string;
  readonly trail: readonly string[];
}

/** The first (newest) page. */
export const FIRST_PAGE: PagePosition = { trail: [] };

/** The 1-based number of the page shown. */
export function pageNumber(position: PagePosition): number {
  return position.cursor === undefined ? 1 : position.trail.length + 2;
}

/** The next older page, starting after `nextCursor` of the page shown. */
export function olderPage(position: PagePosition, nextCursor: string): PagePosition {
  return {
    cursor: nextCursor,
    trail: position.cursor === undefined ? [] : [...position.trail, position.cursor],
  };
}

/** The next newer page; undefined on the first page. */
export function newerPage(position: PagePosition): PagePosition | undefined {
  if (position.cursor === undefined) return undefined;
  const previous = position.trail.at(-1);
  if (previous === undefined) return FIRST_PAGE;
  return { cursor: previous, trail: position.trail.slice(0, -1) };
}

/** Reads a trail kept in a history entry's state, trusting nothing about its shape. */
export function trailFromState(state: unknown): readonly string[] {
  if (typeof state !== 'object' || state === null || !('trail' in state)) return [];
  const { trail } = state as { trail: unknown };
  return Array.isArray(trail) ? trail.filter((c): c is string => typeof c === 'string') : [];
}
