import { describe, expect, it } from "vitest";

import { codes, label, words } from "./labels";

describe("label", () => {
  it("names enum values in Turkish and English, whatever their case", () => {
    expect(label("tr", "returnStatus", "SHIPPED_BACK")).toBe("Geri gönderildi");
    expect(label("en", "returnStatus", "SHIPPED_BACK")).toBe("Shipped back");
    expect(label("tr", "shipmentStatus", "in_transit")).toBe("Yolda");
    expect(label("tr", "refundStatus", "REQUESTED")).toBe("İade istendi, henüz onaylanmadı");
    expect(label("tr", "returnStatus", "REFUND_REQUESTED")).toBe("İade istendi");
    expect(label("en", "returnStatus", "CLOSED")).toBe("Closed");
  });

  it("shows a value the API added later as words instead of a code", () => {
    expect(label("tr", "refundStatus", "PARTIALLY_REFUNDED")).toBe("Partially refunded");
    expect(label("en", "refundStatus", null)).toBe("—");
  });

  it("has a Turkish name for every value it knows", () => {
    for (const kind of ["returnStatus", "returnReason", "outcome", "refundStatus"] as const) {
      for (const code of codes(kind)) {
        expect(label("tr", kind, code)).not.toBe(words(code));
      }
    }
  });
});
