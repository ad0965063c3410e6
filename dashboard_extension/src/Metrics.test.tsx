import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";
import { MetricsPage } from "./Metrics";

afterEach(cleanup);

function renderMetrics(request: Request) {
  return render(
    <DashboardProvider value={{ request, language: "tr", t: translator("tr") }}>
      <MetricsPage />
    </DashboardProvider>,
  );
}

describe("MetricsPage", () => {
  it("shows each figure with the previous period and a trend, and delays by cause", async () => {
    const request = vi.fn(async () => ({
      postPurchaseMetrics: {
        figures: [{ code: "csat", value: 0.75, comparison: 0.5 }],
        series: [
          { start: "2026-01-05", figures: [{ code: "csat", value: 0.5 }] },
          { start: "2026-01-12", figures: [{ code: "csat", value: 1 }] },
        ],
        delaysByCause: [{ cause: "no_scan", count: 3 }],
        csvUrl: "/csv",
      },
    })) as unknown as Request;
    renderMetrics(request);

    const card = await screen.findByTestId("figure-csat");
    expect(card.textContent).toContain("Memnuniyet (4 ve 5 oranı)");
    expect(card.querySelector("[data-testid=figure-value]")!.textContent).toMatch(/75/);
    expect(card.querySelectorAll("circle")).toHaveLength(2);
    expect(screen.getByRole("img", { name: "Kargo hareketi yok: 3" })).toBeTruthy();
  });

  it("says so when the period has no data", async () => {
    const request = vi.fn(async () => ({
      postPurchaseMetrics: {
        figures: [{ code: "csat", value: null, comparison: null }],
        series: [],
        delaysByCause: [],
        csvUrl: "/csv",
      },
    })) as unknown as Request;
    renderMetrics(request);

    expect((await screen.findByTestId("empty")).textContent).toBe("Bu dönemde veri yok.");
  });
});
