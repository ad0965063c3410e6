import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";
import type { RefundRecord, ReturnRecord } from "./returns";
import { ReturnCard } from "./ReturnsQueue";
import { connection } from "./connection.testing";

afterEach(cleanup);

const inspected: ReturnRecord = {
  id: "UmV0dXJuOjE=",
  rma: "RMA-1",
  orderId: "T3JkZXI6MQ==",
  orderNumber: "42",
  status: "INSPECTED",
  statusLabel: "Inspected",
  reason: "DAMAGED",
  comment: "",
  resolution: "REFUND",
  isOverdue: false,
  createdAt: "2026-03-01T10:00:00+00:00",
  decisionDueAt: "2026-03-03T10:00:00+00:00",
  refundAmount: "20.00",
  refundedAmount: null,
  refundShortfall: null,
  closeReason: "",
  currency: "USD",
  lines: [
    {
      id: "TGluZTox",
      productName: "Shirt",
      sku: "S1",
      quantity: 2,
      outcome: "RESELLABLE",
      outcomes: [{ outcome: "RESELLABLE", quantity: 2 }],
    },
  ],
  refund: null,
};

const unknownRefund: RefundRecord = {
  status: "UNKNOWN",
  amount: "20.00",
  currency: "USD",
  reference: "payment:7",
  error: "Read timed out.",
  attempts: 2,
  updatedAt: "2026-03-02T10:00:00+00:00",
};

type Calls = { mock: { calls: [string, Record<string, unknown>][] } };

/** A plugin answering every mutation with `answer` (the return after it). */
function plugin(answer: Partial<ReturnRecord>) {
  return vi.fn(async (query: string) => {
    const field = query.match(/\{\s*(\w+)\(/)![1];
    return { [field]: { return: { ...inspected, ...answer }, errors: [] } };
  }) as unknown as Request;
}

function renderCard(ret: ReturnRecord, request: Request, language: "en" | "tr" = "en") {
  render(
    <DashboardProvider value={{ request, language, t: translator(language) }}>
      <ReturnCard initial={ret} />
    </DashboardProvider>,
  );
}

describe("a refund that failed or is unknown", () => {
  it("shows why and how often Saleor was asked, and retries only after confirmation", async () => {
    const request = plugin({ status: "REFUNDED", refundedAmount: "20.00", refund: null });
    renderCard({ ...inspected, refund: unknownRefund }, request);

    expect(screen.getByTestId("refund-error").textContent).toContain("Read timed out.");
    expect(screen.getByTestId("refund-record").textContent).toContain("2 call(s) to Saleor");
    expect(screen.getByTestId("next-action").textContent).toBe(
      "Next: retry the refund or mark it refunded",
    );
    // a lost answer is settled, not refunded again nor turned into store credit
    expect(screen.queryByRole("button", { name: "Refund" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Give store credit" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Retry refund" }));
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByTestId("settle-confirm").textContent).toContain("refund again");
    fireEvent.click(screen.getByRole("button", { name: "Yes, retry" }));

    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("Refunded"));
    const [query, variables] = (request as unknown as Calls).mock.calls[0];
    expect(query).toContain("returnRefundSettle(");
    expect(variables).toEqual({ id: inspected.id, action: "RETRY" });
    expect(screen.queryByTestId("refund-settle")).toBeNull();
  });

  it("is marked refunded with a required reference and an optional amount, once confirmed", async () => {
    const request = plugin({ status: "REFUNDED", refundedAmount: "15.00", refund: null });
    renderCard({ ...inspected, refund: { ...unknownRefund, status: "FAILED" } }, request);
    // a refused refund may also become store credit
    expect(screen.getByRole("button", { name: "Give store credit" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Mark refunded" }));
    const submit = screen.getByRole("button", { name: "Mark refunded" });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Reference in the gateway or bank"), {
      target: { value: " BANK-77 " },
    });
    fireEvent.change(screen.getByLabelText("Amount refunded (empty: all that is owed)"), {
      target: { value: "-3" },
    });
    expect(screen.getByRole("alert").textContent).toBe("Give an amount above 0.");
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Amount refunded (empty: all that is owed)"), {
      target: { value: "15.00" },
    });
    fireEvent.click(submit);
    expect(screen.getByTestId("settle-confirm").textContent).toContain("BANK-77");
    fireEvent.click(screen.getByRole("button", { name: "Yes, mark refunded" }));

    await waitFor(() => expect(screen.getByTestId("refund-state").textContent).toBe("Refunded US$15.00"));
    expect((request as unknown as Calls).mock.calls[0][1]).toEqual({
      id: inspected.id,
      action: "MARK_DONE",
      reference: "BANK-77",
      amount: "15.00",
    });
  });

  it("keeps the form, shows the plugin's refusal and the return as it is now", async () => {
    const now = { ...inspected, refund: { ...unknownRefund, attempts: 3 } };
    const request = vi.fn(async (query: string) =>
      query.includes("returnRefundSettle(")
        ? {
            returnRefundSettle: {
              return: null,
              errors: [{ field: null, code: "REFUND_IN_PROGRESS", message: "A refund request is still open." }],
            },
          }
        : { returns: connection([{ ...now, id: "other" }, now]) },
    ) as unknown as Request;
    renderCard({ ...inspected, refund: unknownRefund }, request);

    fireEvent.click(screen.getByRole("button", { name: "Retry refund" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, retry" }));

    expect((await screen.findByTestId("error")).textContent).toContain("A refund request is still open.");
    await waitFor(() =>
      expect(screen.getByTestId("refund-record").textContent).toContain("3 call(s) to Saleor"),
    );
    expect((request as unknown as Calls).mock.calls[1][1]).toEqual({
      filter: { orderId: inspected.orderId },
    });
    expect(screen.getByRole("button", { name: "Yes, retry" })).toBeTruthy();
  });
});

describe("refund states", () => {
  it("says a requested refund waits for the payment app, and shows the shortfall, in Turkish", () => {
    const requested: ReturnRecord = {
      ...inspected,
      status: "REFUND_REQUESTED",
      refundShortfall: "5.00",
      refund: { ...unknownRefund, status: "REQUESTED", error: "", attempts: 1 },
    };
    renderCard(requested, vi.fn() as unknown as Request, "tr");

    expect(screen.getByTestId("status").textContent).toBe("İade istendi");
    expect(screen.getByTestId("refund-state").textContent).toContain("ödeme uygulaması bekleniyor");
    expect(screen.getByTestId("shortfall").textContent).toContain("İade edilmeyen: $5,00");
    expect(screen.getByTestId("next-action").textContent).toBe("Sıradaki: ödeme uygulamasını bekle");
    expect(screen.queryByTestId("refund-settle")).toBeNull();
  });
});

describe("closing a return whose items never arrived", () => {
  it("needs a reason and calls returnClose with it", async () => {
    const shipped = { ...inspected, status: "SHIPPED_BACK" as const, refundAmount: null };
    const request = plugin({ status: "CLOSED", closeReason: "Parcel lost by the carrier", refundAmount: null });
    renderCard(shipped, request);

    fireEvent.click(screen.getByRole("button", { name: "Close return" }));
    const close = screen.getByRole("button", { name: "Close without refund" }) as HTMLButtonElement;
    expect(close.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Why it is closed (e.g. the parcel was lost)"), {
      target: { value: "Parcel lost by the carrier" },
    });
    fireEvent.click(close);

    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("Closed"));
    expect(screen.getByTestId("close-reason").textContent).toBe(
      "Closed without refund: Parcel lost by the carrier",
    );
    expect((request as unknown as Calls).mock.calls[0]).toEqual([
      expect.stringContaining("returnClose("),
      { id: inspected.id, reason: "Parcel lost by the carrier" },
    ]);
    expect(screen.queryByRole("button", { name: "Close return" })).toBeNull();
  });

  it("is not offered for an inspected return that owes money", () => {
    renderCard(inspected, vi.fn() as unknown as Request);

    expect(screen.queryByRole("button", { name: "Close return" })).toBeNull();
  });
});

describe("marking refunded in Turkish", () => {
  it("takes an amount with a decimal comma", async () => {
    const request = plugin({ status: "REFUNDED", refundedAmount: "12.50", refund: null });
    renderCard({ ...inspected, refund: unknownRefund }, request, "tr");

    fireEvent.click(screen.getByRole("button", { name: "İade yapıldı olarak işaretle" }));
    fireEvent.change(screen.getByLabelText("Ödeme sağlayıcısındaki veya bankadaki referans"), {
      target: { value: "EFT-1" },
    });
    fireEvent.change(screen.getByLabelText("İade edilen tutar (boş: borcun tamamı)"), {
      target: { value: "12,50" },
    });
    fireEvent.click(screen.getByRole("button", { name: "İade yapıldı olarak işaretle" }));
    fireEvent.click(screen.getByRole("button", { name: "Evet, işaretle" }));

    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("Para iadesi yapıldı"));
    expect((request as unknown as Calls).mock.calls[0][1]).toMatchObject({ amount: "12.50" });
  });
});
