import { describe, expect, it } from "vitest";

import { broadcastFilter } from "./Broadcast";
import { byConcern } from "./CarrierHealth";
import { canMarkReceived, nextAction, returnFilterInput } from "./returns";

describe("nextAction", () => {
  it("follows the return's steps to the refund", () => {
    expect(nextAction("REQUESTED")).toBe("decide");
    expect(nextAction("APPROVED")).toBe("waitParcel");
    expect(nextAction("SHIPPED_BACK")).toBe("receive");
    expect(nextAction("RECEIVED")).toBe("inspect");
    expect(nextAction("INSPECTED")).toBe("refund");
    expect(nextAction("REFUNDED")).toBe("none");
    expect(nextAction("REJECTED")).toBe("none");
  });

  it("lets staff mark a parcel received once approved", () => {
    expect(canMarkReceived("APPROVED")).toBe(true);
    expect(canMarkReceived("SHIPPED_BACK")).toBe(true);
    expect(canMarkReceived("REQUESTED")).toBe(false);
  });
});

describe("returnFilterInput", () => {
  it("leaves out the filters set to any", () => {
    expect(returnFilterInput({ status: "", reason: "", overdue: false })).toEqual({});
    expect(returnFilterInput({ status: "REQUESTED", reason: "SIZE", overdue: true })).toEqual({
      status: ["REQUESTED"],
      reason: ["SIZE"],
      overdue: true,
    });
  });
});

describe("broadcastFilter", () => {
  it("splits carrier codes and drops empty fields", () => {
    expect(
      broadcastFilter({ carrierCodes: " yurtici, aras ,", city: "", shippedFrom: "2026-03-01", shippedTo: "" }),
    ).toEqual({ carrierCodes: ["yurtici", "aras"], shippedFrom: "2026-03-01" });
  });
});

describe("byConcern", () => {
  it("lists paused carriers first, then failing, then healthy", () => {
    const now = new Date("2026-03-02T10:00:00Z");
    const rows = [
      { code: "aras", consecutiveFailures: 0, pausedUntil: null, lastError: null, lastSuccessAt: null },
      { code: "ups", consecutiveFailures: 2, pausedUntil: null, lastError: "x", lastSuccessAt: null },
      {
        code: "mng",
        consecutiveFailures: 5,
        pausedUntil: "2026-03-02T11:00:00Z",
        lastError: "x",
        lastSuccessAt: null,
      },
    ];
    expect(byConcern(rows, now).map((row) => row.code)).toEqual(["mng", "ups", "aras"]);
  });
});
