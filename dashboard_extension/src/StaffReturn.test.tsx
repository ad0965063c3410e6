import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";
import { StaffReturn } from "./StaffReturn";

afterEach(cleanup);

const options = {
  returnEligibility: {
    lines: [
      { orderLineId: "T3JkZXJMaW5lOjE=", productName: "Shirt", variantName: "M", returnableQuantity: 2, notReturnableReason: null },
      { orderLineId: "T3JkZXJMaW5lOjI=", productName: "Gift card", variantName: "", returnableQuantity: 0, notReturnableReason: "NON_RETURNABLE_PRODUCT" },
    ],
  },
  returnPolicy: { reasons: [{ code: "SIZE" }, { code: "DEFECTIVE" }], resolutions: [{ code: "REFUND" }] },
};

function renderForm(request: Request, onCreated = () => {}) {
  return render(
    <DashboardProvider value={{ request, language: "tr", t: translator("tr") }}>
      <StaffReturn orderId="T3JkZXI6MQ==" onCreated={onCreated} />
    </DashboardProvider>,
  );
}

describe("StaffReturn", () => {
  it("requests a return of the chosen items for the customer, under the shop's reasons", async () => {
    const request = vi.fn(async (query: string) =>
      query.includes("requestReturn")
        ? { requestReturn: { return: { rma: "RMA-7" }, errors: [] } }
        : options,
    ) as unknown as Request;
    const onCreated = vi.fn();
    renderForm(request, onCreated);

    expect(await screen.findByText("Gift card: iade edilemez ürün")).toBeTruthy();
    const create = screen.getByRole("button", { name: "İade oluştur" }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Shirt adedi (en çok 2)"), { target: { value: "2" } });
    fireEvent.change(screen.getByLabelText("Neden"), { target: { value: "DEFECTIVE" } });
    fireEvent.click(create);

    expect((await screen.findByTestId("return-created")).textContent).toBe(
      "RMA-7 numaralı iade oluşturuldu.",
    );
    expect(onCreated).toHaveBeenCalledOnce();
    const calls = (request as unknown as { mock: { calls: [string, Record<string, unknown>][] } }).mock.calls;
    expect(calls[1][1]).toEqual({
      id: "T3JkZXI6MQ==",
      input: {
        lines: [{ orderLineId: "T3JkZXJMaW5lOjE=", quantity: 2 }],
        reason: "DEFECTIVE",
        resolution: "REFUND",
        comment: "",
      },
    });
  });

  it("shows the policy's refusal next to the form", async () => {
    const request = vi.fn(async (query: string) =>
      query.includes("requestReturn")
        ? { requestReturn: { return: null, errors: [{ field: "lines", code: "WINDOW_CLOSED", message: "The return window has closed." }] } }
        : options,
    ) as unknown as Request;
    renderForm(request);

    fireEvent.change(await screen.findByLabelText("Shirt adedi (en çok 2)"), { target: { value: "1" } });
    fireEvent.click(screen.getByRole("button", { name: "İade oluştur" }));

    expect((await screen.findByTestId("error")).textContent).toContain("The return window has closed.");
  });
});
