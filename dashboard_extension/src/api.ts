// A thin client of the plugin's GraphQL endpoint, next to the extension's own files.

/** The plugin's GraphQL URL, derived from where the extension is served. */
export const GRAPHQL_URL = import.meta.env.BASE_URL.replace(/dashboard\/$/, "graphql/");

/** An error the plugin answered with: `code` is its `extensions.code` (e.g. PERMISSION_DENIED). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type MutationError = { field: string | null; code: string; message: string };

type GraphQLBody<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

export type Request = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * A request function sending the dashboard's app token with every call. The token is read
 * anew each time (App Bridge refreshes it) and lives only in memory.
 */
export function createRequest(
  getToken: () => string | undefined,
  fetcher: typeof fetch = (...args) => fetch(...args),
  url: string = GRAPHQL_URL,
): Request {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const token = getToken();
    const response = await fetcher(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    let body: GraphQLBody<T>;
    try {
      body = await response.json();
    } catch {
      throw new ApiError("BAD_RESPONSE", `HTTP ${response.status}`);
    }
    const first = body.errors?.[0];
    if (first) {
      throw new ApiError(first.extensions?.code ?? "ERROR", first.message);
    }
    if (!response.ok || !body.data) {
      throw new ApiError("BAD_RESPONSE", `HTTP ${response.status}`);
    }
    return body.data;
  };
}

/** Mutations answer `{errors: [...]}` like Saleor's: the first one becomes an ApiError. */
export function raiseMutationErrors(payload: { errors: MutationError[] }): void {
  const first = payload.errors[0];
  if (first) {
    throw new ApiError(first.code, first.message);
  }
}

/** The token's claims, read without verification (the plugin and Saleor verify it). */
function tokenClaims(token: string | undefined): Record<string, unknown> {
  if (!token) return {};
  try {
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return claims && typeof claims === "object" ? claims : {};
  } catch {
    return {};
  }
}

/** Whether the token App Bridge handed over carries a permission (for the UI only). */
export function tokenHasPermission(token: string | undefined, permission: string): boolean {
  const permissions = tokenClaims(token).permissions;
  return Array.isArray(permissions) && permissions.includes(permission);
}

/** The staff user's global ID in the token (to assign a complaint to oneself). */
export function tokenUserId(token: string | undefined): string | undefined {
  const userId = tokenClaims(token).user_id;
  return typeof userId === "string" ? userId : undefined;
}
