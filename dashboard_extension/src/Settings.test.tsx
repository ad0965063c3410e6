import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";
import { Settings } from "./Settings";

afterEach(cleanup);

const configuration = [
  { name: "return_window_days", value: "14", type: "STRING", label: "Essentials · Return window (days)", helpText: "Days." },
  { name: "yurtici_username", value: "YK", type: "STRING", label: "Carriers · Yurtiçi user", helpText: null },
  { name: "yurtici_password", value: "****", type: "SECRET", label: "Carriers · Yurtiçi password", helpText: null },
];
const layout = {
  trackingSettingsLayout: {
    groups: [
      { title: "Returns", fields: ["return_window_days"] },
      { title: "Carriers", fields: ["yurtici_username", "yurtici_password"] },
    ],
    carriers: [{ code: "yurtici", name: "Yurtiçi Kargo", fields: ["yurtici_username", "yurtici_password"] }],
    messageTypes: [],
  },
};
const saved = { plugin: { globalConfiguration: { configuration } } };

function renderSettings(saleor: Request, request: Request, canManagePlugins = true) {
  return render(
    <DashboardProvider
      value={{ request, saleor, language: "en", t: translator("en"), canManagePlugins }}
    >
      <Settings />
    </DashboardProvider>,
  );
}

describe("Settings", () => {
  it("saves only the changed values through Saleor's pluginUpdate", async () => {
    const saleor = vi.fn(async (query: string) =>
      query.includes("pluginUpdate") ? { pluginUpdate: { plugin: saved.plugin, errors: [] } } : saved,
    ) as unknown as Request;
    const request = vi.fn(async () => layout) as unknown as Request;
    renderSettings(saleor, request);

    fireEvent.change(await screen.findByLabelText("Return window (days)"), { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    await screen.findByText("Settings saved.");
    const calls = (saleor as unknown as { mock: { calls: [string, Record<string, unknown>][] } }).mock.calls;
    expect(calls[1][1]).toEqual({
      id: "saleor_tracking_plugin",
      input: { configuration: [{ name: "return_window_days", value: "30" }] },
    });
  });

  it("shows Saleor's validation error next to its field", async () => {
    const saleor = vi.fn(async (query: string) =>
      query.includes("pluginUpdate")
        ? {
            pluginUpdate: {
              plugin: null,
              errors: [{ field: "returnWindowDays", code: "INVALID", message: "Enter a whole number." }],
            },
          }
        : saved,
    ) as unknown as Request;
    renderSettings(saleor, vi.fn(async () => layout) as unknown as Request);

    fireEvent.change(await screen.findByLabelText("Return window (days)"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect((await screen.findByTestId("error-return_window_days")).textContent).toBe(
      "Enter a whole number.",
    );
    expect(screen.getByText("Fix the marked fields (1).")).toBeTruthy();
  });

  it("tests a carrier with the credentials typed, leaving the masked secret out", async () => {
    const saleor = vi.fn(async () => saved) as unknown as Request;
    const request = vi.fn(async (query: string) =>
      query.includes("carrierCredentialsTest")
        ? {
            carrierCredentialsTest: {
              result: { severity: "OK", message: "Yurtiçi Kargo: the credentials work.", action: "" },
              errors: [],
            },
          }
        : layout,
    ) as unknown as Request;
    renderSettings(saleor, request);

    fireEvent.click(await screen.findByRole("tab", { name: "Carriers" }));
    fireEvent.change(screen.getByLabelText("Yurtiçi user"), { target: { value: "NEW" } });
    fireEvent.click(screen.getByRole("button", { name: "Test credentials" }));

    await waitFor(() => expect(screen.getByTestId("credential-result").textContent).toContain("Works"));
    const calls = (request as unknown as { mock: { calls: [string, Record<string, unknown>][] } }).mock.calls;
    expect(calls.at(-1)![1]).toEqual({
      carrier: "yurtici",
      configuration: [{ name: "yurtici_username", value: "NEW" }],
    });
  });

  it("says no permission to staff who may not manage plugins", async () => {
    const nothing = vi.fn(async () => saved) as unknown as Request;
    renderSettings(nothing, nothing, false);

    expect(await screen.findByTestId("no-permission")).toBeTruthy();
  });
});
