import { describe, expect, it } from "vitest";

import { broadcastFilter } from "./Broadcast";
import { byConcern } from "./CarrierHealth";
import { canClose, canMarkReceived, needsSettling, nextAction, outcomesInput, returnFilterInput } from "./returns";

describe("nextAction", () => {
  it("follows the return's steps to the refund", () => {
    expect(nextAction("REQUESTED")).toBe("decide");
    expect(nextAction("APPROVED")).toBe("waitParcel");
    expect(nextAction("SHIPPED_BACK")).toBe("receive");
    expect(nextAction("RECEIVED")).toBe("inspect");
    expect(nextAction("INSPECTED")).toBe("refund");
    expect(nextAction("INSPECTED", "FAILED")).toBe("settle");
    expect(nextAction("INSPECTED", "UNKNOWN")).toBe("settle");
    expect(nextAction("REFUND_REQUESTED")).toBe("waitPayment");
    expect(nextAction("REFUNDED")).toBe("none");
    expect(nextAction("CLOSED")).toBe("none");
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

describe("staff's ways out", () => {
  it("settles by hand only refunds that failed or whose answer was lost", () => {
    expect(needsSettling("FAILED")).toBe(true);
    expect(needsSettling("UNKNOWN")).toBe(true);
    expect(needsSettling("REQUESTED")).toBe(false);
    expect(needsSettling("SUCCEEDED")).toBe(false);
    expect(needsSettling(undefined)).toBe(false);
  });

  it("closes returns whose parcel never came, or whose items all went missing", () => {
    expect(canClose({ status: "SHIPPED_BACK", refundAmount: null })).toBe(true);
    expect(canClose({ status: "INSPECTED", refundAmount: "0.00" })).toBe(true);
    expect(canClose({ status: "INSPECTED", refundAmount: "12.00" })).toBe(false);
    expect(canClose({ status: "APPROVED", refundAmount: null })).toBe(false);
  });

  it("sends a split without the outcomes that count no item", () => {
    expect(outcomesInput({ DAMAGED: 1, RESELLABLE: 1, MISSING: 0 })).toEqual([
      { outcome: "RESELLABLE", quantity: 1 },
      { outcome: "DAMAGED", quantity: 1 },
    ]);
  });
});
