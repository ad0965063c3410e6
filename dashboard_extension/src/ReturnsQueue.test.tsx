import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";
import type { ReturnRecord } from "./returns";
import { ReturnsQueue } from "./ReturnsQueue";
import { connection } from "./connection.testing";

afterEach(cleanup);

const requested: ReturnRecord = {
  id: "UmV0dXJuOjE=",
  rma: "RMA-1",
  orderId: "T3JkZXI6MQ==",
  orderNumber: "42",
  status: "REQUESTED",
  statusLabel: "Requested",
  reason: "SIZE",
  comment: "",
  resolution: "REFUND",
  isOverdue: true,
  createdAt: "2026-03-01T10:00:00+00:00",
  decisionDueAt: "2026-03-03T10:00:00+00:00",
  refundAmount: null,
  refundedAmount: null,
  refundShortfall: null,
  closeReason: "",
  currency: "USD",
  lines: [{ id: "TGluZTox", productName: "Shirt", sku: "S1", quantity: 1, outcome: null, outcomes: [] }],
  refund: null,
};

function renderQueue(request: Request, language: "en" | "tr" = "en") {
  return render(
    <DashboardProvider value={{ request, language, t: translator(language) }}>
      <ReturnsQueue />
    </DashboardProvider>,
  );
}

describe("ReturnsQueue", () => {
  it("shows the queue and approves a return in place", async () => {
    const request = vi.fn(async (query: string) => {
      if (query.includes("returnApprove")) {
        return {
          returnApprove: {
            return: { ...requested, status: "APPROVED", statusLabel: "Approved" },
            errors: [],
          },
        };
      }
      return { returns: connection([requested]) };
    }) as unknown as Request;
    renderQueue(request);

    expect(await screen.findByText("RMA-1")).toBeTruthy();
    expect(screen.getByTestId("overdue")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Approve" }));

    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("Approved"));
    expect(screen.getByTestId("next-action").textContent).toBe("Next: wait for the parcel");
  });

  it("asks again with the status filter, from the first page", async () => {
    const request = vi.fn(async () => ({ returns: connection([]) })) as unknown as Request;
    renderQueue(request, "tr");

    expect(await screen.findByText("Bu filtrelere uyan iade yok.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Durum"), { target: { value: "RECEIVED" } });

    await waitFor(() => expect(request).toHaveBeenCalledTimes(2));
    const calls = (request as unknown as { mock: { calls: [string, Record<string, unknown>][] } }).mock
      .calls;
    expect(calls[1][1]).toEqual({ filter: { status: ["RECEIVED"] }, first: 20, after: null });
  });

  it("shows an error with a retry", async () => {
    const request = vi.fn(async () => {
      throw new Error("network down");
    }) as unknown as Request;
    renderQueue(request);

    expect((await screen.findByTestId("error")).textContent).toContain("network down");
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});

describe("RefundState", () => {
  it("shows a failed refund with its reason, and a state added later in words", async () => {
    const failed: ReturnRecord = {
      ...requested,
      id: "UmV0dXJuOjI=",
      rma: "RMA-2",
      status: "INSPECTED",
      refundAmount: "12.50",
      refund: {
        status: "FAILED",
        amount: "12.50",
        currency: "USD",
        reference: "",
        error: "Payment not charged.",
        attempts: 1,
        updatedAt: "2026-03-02T10:00:00+00:00",
      },
    };
    const later = { ...failed, id: "UmV0dXJuOjM=", rma: "RMA-3", refund: { ...failed.refund!, status: "AWAITING_BANK", error: "" } };
    renderQueue(vi.fn(async () => ({ returns: connection([failed, later]) })) as unknown as Request, "tr");

    const first = await screen.findByTestId("return-RMA-2");
    expect(first.querySelector("[data-testid=refund-status]")!.textContent).toBe("Başarısız");
    expect(first.querySelector("[data-testid=refund-error]")!.textContent).toContain("Payment not charged.");
    const second = screen.getByTestId("return-RMA-3");
    expect(second.querySelector("[data-testid=refund-status]")!.textContent).toBe("Awaiting bank");
  });
});
