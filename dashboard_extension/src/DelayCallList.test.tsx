import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { DashboardProvider } from "./dashboard";
import { type Delay, DelayCallList, DelayCard } from "./DelayCallList";
import { translator } from "./i18n";
import { connection } from "./connection.testing";

afterEach(cleanup);

const delay = (n: number): Delay => ({
  id: `RGVsYXk6${n}`,
  orderNumber: String(n),
  customerName: "Ayşe Kaya",
  phone: "+905551112233",
  email: "ayse@example.com",
  daysLate: 3,
  newEstimate: null,
  choice: "WAIT",
  chosenAt: "2026-03-02T10:00:00+00:00",
  causes: [{ cause: "no_scan", detectedAt: "2026-03-01T10:00:00+00:00", daysLate: 3 }],
  refund: null,
  calls: [],
});

type Calls = { mock: { calls: [string, Record<string, unknown>][] } };

describe("DelayCallList", () => {
  it("names causes and choices in Turkish and pages through the list", async () => {
    const request = vi.fn(async (_query: string, variables: Record<string, unknown>) => ({
      delayCallList:
        variables.after === null
          ? connection(Array.from({ length: 20 }, (_, i) => delay(i + 1)), "cursor-20")
          : connection([delay(21)]),
    })) as unknown as Request;
    render(
      <DashboardProvider value={{ request, language: "tr", t: translator("tr") }}>
        <DelayCallList />
      </DashboardProvider>,
    );

    const first = await screen.findByTestId("delay-1");
    expect(first.textContent).toContain("Kargo hareketi yok");
    expect(first.textContent).toContain("Yeni tarihi bekle");
    expect(screen.queryByTestId("delay-21")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Sonraki" }));

    expect(await screen.findByTestId("delay-21")).toBeTruthy();
    expect((request as unknown as Calls).mock.calls[1][1]).toEqual({
      cause: null,
      first: 20,
      after: "cursor-20",
    });
  });

  it("filters by cause from the first page", async () => {
    const request = vi.fn(async () => ({ delayCallList: connection([]) })) as unknown as Request;
    render(
      <DashboardProvider value={{ request, language: "en", t: translator("en") }}>
        <DelayCallList />
      </DashboardProvider>,
    );

    await screen.findByText("No late orders to call.");
    fireEvent.change(screen.getByLabelText("Reason"), { target: { value: "OUT_OF_STOCK" } });

    await waitFor(() => expect(request).toHaveBeenCalledTimes(2));
    expect((request as unknown as Calls).mock.calls[1][1]).toEqual({
      cause: "OUT_OF_STOCK",
      first: 20,
      after: null,
    });
  });
});

describe("a delay's refund that failed", () => {
  it("is settled through delayRefundSettle after confirmation", async () => {
    const failed: Delay = {
      ...delay(7),
      choice: "CANCEL",
      refund: { status: "FAILED", amount: 30, currency: "USD", detail: "Card expired." },
    };
    const request = vi.fn(async () => ({
      delayRefundSettle: {
        delay: { ...failed, refund: { ...failed.refund!, status: "SUCCEEDED", detail: "manual:BANK-9" } },
        errors: [],
      },
    })) as unknown as Request;
    render(
      <DashboardProvider value={{ request, language: "en", t: translator("en") }}>
        <DelayCard initial={failed} callable={false} />
      </DashboardProvider>,
    );

    const refund = screen.getByTestId("delay-refund");
    expect(refund.textContent).toContain("Failed");
    expect(refund.textContent).toContain("Card expired.");
    fireEvent.click(screen.getByRole("button", { name: "Mark refunded" }));
    fireEvent.change(screen.getByLabelText("Reference in the gateway or bank"), { target: { value: "BANK-9" } });
    fireEvent.click(screen.getByRole("button", { name: "Mark refunded" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, mark refunded" }));

    await waitFor(() => expect(screen.getByTestId("delay-refund").dataset.status).toBe("SUCCEEDED"));
    const [query, variables] = (request as unknown as Calls).mock.calls[0];
    expect(query).toContain("delayRefundSettle(");
    expect(variables).toEqual({ delayId: failed.id, action: "MARK_DONE", reference: "BANK-9" });
    expect(screen.queryByTestId("refund-settle")).toBeNull();
  });
});
