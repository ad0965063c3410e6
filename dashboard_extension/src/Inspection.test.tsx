import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";
import type { ReturnRecord } from "./returns";
import { ReturnCard } from "./ReturnsQueue";

afterEach(cleanup);

const received: ReturnRecord = {
  id: "UmV0dXJuOjE=",
  rma: "RMA-1",
  orderId: "T3JkZXI6MQ==",
  orderNumber: "42",
  status: "RECEIVED",
  statusLabel: "Received",
  reason: "DAMAGED",
  comment: "",
  resolution: "REFUND",
  isOverdue: false,
  createdAt: "2026-03-01T10:00:00+00:00",
  decisionDueAt: "2026-03-03T10:00:00+00:00",
  refundAmount: null,
  refundedAmount: null,
  refundShortfall: null,
  closeReason: "",
  currency: "USD",
  lines: [
    { id: "TGluZTox", productName: "Shirt", sku: "S1", quantity: 2, outcome: null, outcomes: [] },
    { id: "TGluZToy", productName: "Cap", sku: "C1", quantity: 1, outcome: null, outcomes: [] },
  ],
  refund: null,
};

type Calls = { mock: { calls: [string, Record<string, unknown>][] } };

function renderCard(request: Request, language: "en" | "tr" = "en") {
  render(
    <DashboardProvider value={{ request, language, t: translator(language) }}>
      <ReturnCard initial={received} />
    </DashboardProvider>,
  );
}

describe("the inspection", () => {
  it("splits a line's items across outcomes and sends them as `outcomes`", async () => {
    const inspected: ReturnRecord = {
      ...received,
      status: "INSPECTED",
      refundAmount: "10.00",
      lines: [
        {
          ...received.lines[0],
          outcomes: [
            { outcome: "RESELLABLE", quantity: 1 },
            { outcome: "DAMAGED", quantity: 1 },
          ],
        },
        { ...received.lines[1], outcome: "RESELLABLE", outcomes: [{ outcome: "RESELLABLE", quantity: 1 }] },
      ],
    };
    const request = vi.fn(async () => ({
      returnInspect: { return: inspected, errors: [] },
    })) as unknown as Request;
    renderCard(request);

    fireEvent.change(screen.getByLabelText("Resellable: Shirt"), { target: { value: "1" } });
    fireEvent.change(screen.getByLabelText("Damaged: Shirt"), { target: { value: "1" } });
    fireEvent.click(screen.getByRole("button", { name: "Save inspection" }));

    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("Inspected"));
    expect((request as unknown as Calls).mock.calls[0][1]).toEqual({
      id: received.id,
      lines: [
        {
          lineId: "TGluZTox",
          outcomes: [
            { outcome: "RESELLABLE", quantity: 1 },
            { outcome: "DAMAGED", quantity: 1 },
          ],
        },
        { lineId: "TGluZToy", outcomes: [{ outcome: "RESELLABLE", quantity: 1 }] },
      ],
    });
    expect(screen.getByText("2 × Shirt — 1 Resellable, 1 Damaged")).toBeTruthy();
  });

  it("refuses counts that do not add up to the items returned, saying which line, in Turkish", () => {
    const request = vi.fn() as unknown as Request;
    renderCard(request, "tr");

    fireEvent.change(screen.getByLabelText("Hasarlı: Shirt"), { target: { value: "1" } });

    expect(screen.getByTestId("split-problem").textContent).toBe(
      "Shirt: sonuçların toplamı 3, ama 2 adet iade edildi.",
    );
    const save = screen.getByRole("button", { name: "İncelemeyi kaydet" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(save);
    expect(request).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("Satılabilir: Shirt"), { target: { value: "1" } });
    expect(screen.queryByTestId("split-problem")).toBeNull();
    expect(save.disabled).toBe(false);
  });
});
