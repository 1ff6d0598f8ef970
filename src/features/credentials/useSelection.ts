import { useState } from 'react';
import type { Credential } from '../../api/schemas';

/*
 * Which rows are selected for a bulk action. Selection belongs to the page on screen: it is kept
 * per view (search, type, folder, page, page size) and a different view starts empty, so a bulk
 * delete never reaches a credential the user cannot see. Ids no longer in the rows don't count.
 * Part of the first load: keep it small.
 */

interface State {
  view: string;
  ids: ReadonlySet<string>;
  /** The last row clicked without Shift: where a Shift-click range starts. */
  anchor?: string | undefined;
}

export interface Selection {
  ids: ReadonlySet<string>;
  /** The selected rows, in list order. */
  rows: Credential[];
  /** Toggles a row; with `range`, every row from the anchor to it takes the row's new state. */
  toggle: (id: string, range: boolean) => void;
  /** Selects every row on the page, or clears them all when all are selected. */
  toggleAll: () => void;
  remove: (ids: readonly string[]) => void;
}

export function useSelection(rows: Credential[], view: string): Selection {
  const [state, setState] = useState<State>({ view, ids: new Set() });
  // Another view starts empty, also when coming back to this one.
  if (state.view !== view) setState({ view, ids: new Set() });
  const own = state.view === view ? state : { view, ids: new Set<string>() };
  const selectedRows = rows.filter((row) => own.ids.has(row.credential_id));
  const ids = new Set(selectedRows.map((row) => row.credential_id));
  const order = rows.map((row) => row.credential_id);

  const set = (next: Set<string>, anchor?: string) =>
    setState({ view, ids: next, anchor: anchor ?? own.anchor });

  return {
    ids,
    rows: selectedRows,
    toggle(id, range) {
      const next = new Set(ids);
      const on = !ids.has(id);
      const from = own.anchor ? order.indexOf(own.anchor) : -1;
      const to = order.indexOf(id);
      const span =
        range && from >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
      for (const key of span) {
        if (on) next.add(key);
        else next.delete(key);
      }
      set(next, id);
    },
    toggleAll() {
      set(ids.size === rows.length ? new Set() : new Set(order));
    },
    remove(done) {
      const next = new Set(ids);
      for (const id of done) next.delete(id);
      set(next);
    },
  };
}
