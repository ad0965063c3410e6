// Test helper: a list as the plugin's GraphQL answers it, a Relay connection.
import type { Connection } from "./cursors";

export function connection<T>(items: T[], endCursor: string | null = null): Connection<T> {
  return {
    edges: items.map((node) => ({ node })),
    pageInfo: { hasNextPage: endCursor !== null, endCursor },
  };
}
