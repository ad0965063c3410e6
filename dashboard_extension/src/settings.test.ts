import { describe, expect, it } from "vitest";

import { changes, errorsByField, initialValues, shortLabel, type SettingItem } from "./settings";

const item = (name: string, value: string | null, type = "STRING"): SettingItem => ({
  name,
  value,
  type,
  label: `Returns · ${name}`,
  helpText: null,
});

describe("settings form data", () => {
  it("starts secrets empty, so a masked secret is never saved back", () => {
    const initial = initialValues([item("return_window_days", "14"), item("yurtici_password", "****", "SECRET")]);
    expect(initial).toEqual({ return_window_days: "14", yurtici_password: "" });
  });

  it("sends only what changed, optionally among some names", () => {
    const initial = { a: "1", b: "2", c: "" };
    const edited = { a: "1", b: "3", c: "x" };
    expect(changes(initial, edited)).toEqual([
      { name: "b", value: "3" },
      { name: "c", value: "x" },
    ]);
    expect(changes(initial, edited, ["c"])).toEqual([{ name: "c", value: "x" }]);
  });

  it("maps Saleor's camelCase error fields back to the settings' names", () => {
    const errors = [{ field: "localTimezone", message: "Shop time zone: enter an IANA time zone." }];
    expect(errorsByField(errors, ["local_timezone", "return_window_days"])).toEqual({
      local_timezone: "Shop time zone: enter an IANA time zone.",
    });
  });

  it("drops the group prefix of Saleor's flat page from labels", () => {
    expect(shortLabel(item("return_window_days", "14"))).toBe("return_window_days");
  });
});
