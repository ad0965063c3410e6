import { describe, expect, it } from "vitest";

import { linePoints } from "./charts";
import { formatFigure, periodBounds } from "./Metrics";

describe("linePoints", () => {
  it("scales values into the chart, highest at the top, skipping unknown buckets", () => {
    const points = linePoints(
      [
        { x: "a", y: 0 },
        { x: "b", y: null },
        { x: "c", y: 10 },
      ],
      100,
      50,
    );
    expect(points).toBe("6.0,44.0 94.0,6.0");
  });

  it("draws nothing without data", () => {
    expect(linePoints([{ x: "a", y: null }])).toBe("");
  });
});

describe("formatFigure", () => {
  it("shows rates as percentages and other figures as numbers", () => {
    expect(formatFigure("en", "csat", 0.8)).toBe("80%");
    expect(formatFigure("tr", "return_rate", 0.125)).toMatch(/12,5/);
    expect(formatFigure("en", "return_duration_median_days", 3.25)).toBe("3.3");
    expect(formatFigure("en", "feedback_count", null)).toBe("—");
  });
});

describe("periodBounds", () => {
  it("ends at the start of tomorrow so today counts", () => {
    expect(periodBounds(30, new Date("2028-02-29T15:00:00Z"))).toEqual({
      from: "2028-01-31T00:00:00.000Z",
      to: "2028-03-01T00:00:00.000Z",
    });
  });
});
