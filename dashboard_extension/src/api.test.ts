import { describe, expect, it, vi } from "vitest";

import { ApiError, createRequest, raiseMutationErrors, tokenHasPermission } from "./api";

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function tokenWith(payload: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "");
  return `${encode({ alg: "RS256" })}.${encode(payload)}.signature`;
}

describe("createRequest", () => {
  it("sends the current App Bridge token as a bearer token", async () => {
    let token = "first";
    const fetcher = vi.fn(async () => jsonResponse({ data: { ok: true } }));
    const request = createRequest(() => token, fetcher as unknown as typeof fetch, "/graphql/");

    await request("{ ok }");
    token = "refreshed";
    await request("{ ok }", { a: 1 });

    const calls = fetcher.mock.calls as unknown as [string, RequestInit][];
    expect((calls[0][1].headers as Record<string, string>).Authorization).toBe("Bearer first");
    expect((calls[1][1].headers as Record<string, string>).Authorization).toBe("Bearer refreshed");
    expect(JSON.parse(calls[1][1].body as string)).toEqual({ query: "{ ok }", variables: { a: 1 } });
  });

  it("turns the plugin's error shape into an ApiError with its code", async () => {
    const fetcher = async () =>
      jsonResponse(
        { errors: [{ message: "Invalid token.", extensions: { code: "INVALID_TOKEN" } }] },
        401,
      );
    const request = createRequest(() => "t", fetcher as typeof fetch, "/graphql/");

    await expect(request("{ ok }")).rejects.toMatchObject({
      name: "ApiError",
      code: "INVALID_TOKEN",
      message: "Invalid token.",
    });
  });
});

describe("raiseMutationErrors", () => {
  it("raises the first mutation error", () => {
    expect(() =>
      raiseMutationErrors({ errors: [{ field: "id", code: "INVALID_STATUS", message: "No." }] }),
    ).toThrow(new ApiError("INVALID_STATUS", "No."));
    expect(() => raiseMutationErrors({ errors: [] })).not.toThrow();
  });
});

describe("tokenHasPermission", () => {
  it("reads the permissions Saleor put in the token", () => {
    expect(tokenHasPermission(tokenWith({ permissions: ["MANAGE_ORDERS"] }), "MANAGE_ORDERS")).toBe(
      true,
    );
    expect(tokenHasPermission(tokenWith({ permissions: [] }), "MANAGE_ORDERS")).toBe(false);
    expect(tokenHasPermission("garbage", "MANAGE_ORDERS")).toBe(false);
    expect(tokenHasPermission(undefined, "MANAGE_ORDERS")).toBe(false);
  });
});
