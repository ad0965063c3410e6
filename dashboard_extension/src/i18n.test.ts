import { describe, expect, it } from "vitest";

import { formatMoney, languageOf, translator } from "./i18n";

describe("languageOf", () => {
  it("picks Turkish for any Turkish dashboard locale", () => {
    expect(languageOf("tr")).toBe("tr");
    expect(languageOf("tr-TR")).toBe("tr");
    expect(languageOf("TR_tr")).toBe("tr");
  });

  it("falls back to English for other or missing locales", () => {
    expect(languageOf("de")).toBe("en");
    expect(languageOf("en-US")).toBe("en");
    expect(languageOf(undefined)).toBe("en");
  });
});

describe("translator", () => {
  it("fills placeholders in the chosen language", () => {
    expect(translator("tr")("confirmSend", { count: 12 })).toBe("12 müşteriye gönderilsin mi?");
    expect(translator("en")("confirmSend", { count: 12 })).toBe("Send to 12 customers?");
  });

  it("leaves a placeholder without a value visible", () => {
    expect(translator("en")("order", {})).toBe("Order #{number}");
  });
});

describe("formatMoney", () => {
  it("formats amounts in the dashboard's language", () => {
    expect(formatMoney("en", "12.50", "EUR")).toBe("€12.50");
    expect(formatMoney("tr", "12.50", "TRY")).toMatch(/12,50/);
    expect(formatMoney("en", null, "EUR")).toBe("—");
  });
});
