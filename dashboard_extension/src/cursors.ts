// Staff lists answer Relay connections (as Saleor's own API does): numbered pages are read
// `after` the end cursor of the page before, remembered as pages are turned.
import { useState } from "react";

export type Connection<T> = {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** The selection of a connection whose nodes have `fields`. */
export function connectionOf(fields: string): string {
  return `edges { node { ${fields} } } pageInfo { hasNextPage endCursor }`;
}

export function nodes<T>(connection: Connection<T>): T[] {
  return connection.edges.map((edge) => edge.node);
}

export type CursorPages = ReturnType<typeof useCursorPages>;

/** The page shown, the cursor to read it after, turning pages and starting over. */
export function useCursorPages() {
  const [ends, setEnds] = useState<(string | null)[]>([]);
  const [page, setPage] = useState(0);
  return {
    page,
    after: page === 0 ? null : (ends[page - 1] ?? null),
    turn(next: number, shown: Connection<unknown>) {
      if (next > page) {
        setEnds((known) => [...known.slice(0, page), shown.pageInfo.endCursor]);
      }
      setPage(next);
    },
    reset() {
      setEnds([]);
      setPage(0);
    },
  };
}
