import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";
import { MessageTypeCard } from "./MessageTypeCard";
import type { Form } from "./SettingField";

afterEach(cleanup);

const messageType = {
  code: "shipped",
  label: "Order shipped",
  channelsField: "notify_shipped_channels",
  textTrField: "notify_shipped_text_tr",
  textEnField: "notify_shipped_text_en",
  whatsappTemplateField: "notify_shipped_whatsapp_template",
};

function form(values: Record<string, string>): Form {
  const item = (name: string) => ({ name, value: "", type: "MULTILINE", label: name, helpText: null });
  return {
    items: new Map(Object.keys(values).map((name) => [name, item(name)])),
    values,
    errors: {},
    set: () => {},
    changed: (names) =>
      names.filter((name) => values[name]).map((name) => ({ name, value: values[name] })),
  };
}

describe("MessageTypeCard", () => {
  it("previews the unsaved Turkish and English texts on a real order", async () => {
    const request = vi.fn(async () => ({
      messagePreview: {
        orderNumber: "1042",
        texts: [
          { language: "tr", subject: "Kargonuz yolda", body: "Merhaba Ahmet Yılmaz" },
          { language: "en", subject: "On its way", body: "Hello Ahmet Yılmaz" },
        ],
      },
    })) as unknown as Request;
    render(
      <DashboardProvider value={{ request, language: "en", t: translator("en") }}>
        <MessageTypeCard
          messageType={messageType}
          form={form({ notify_shipped_text_tr: "Merhaba {customer_name}", notify_shipped_text_en: "" })}
        />
      </DashboardProvider>,
    );

    fireEvent.click(screen.getByRole("button", { name: "Preview texts" }));

    expect((await screen.findByTestId("preview-tr")).textContent).toContain("Merhaba Ahmet Yılmaz");
    expect(screen.getByText("Preview on order #1042")).toBeTruthy();
    await waitFor(() => expect(request).toHaveBeenCalled());
    const calls = (request as unknown as { mock: { calls: [string, Record<string, unknown>][] } }).mock.calls;
    expect(calls[0][1]).toEqual({
      type: "shipped",
      number: null,
      configuration: [{ name: "notify_shipped_text_tr", value: "Merhaba {customer_name}" }],
    });
  });
});
