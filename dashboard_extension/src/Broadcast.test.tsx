import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { Broadcast, PROGRESS_EVERY_MS, type Sending } from "./Broadcast";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const broadcast = (status: Sending["status"], queued: number, skipped: number): Sending => ({
  id: "RGVsYXlCcm9hZGNhc3Q6MQ==",
  status,
  recipientCount: 3,
  queuedCount: queued,
  skippedCount: skipped,
  sentAt: status === "SENT" ? "2026-11-30T10:00:00+00:00" : null,
});

/** A plugin that prepares a broadcast to 3 customers; `send` and `progress` answer in turn. */
function plugin(send: unknown, progress: Sending[]) {
  const answers = [...progress];
  return vi.fn(async (query: string) => {
    if (query.includes("delayBroadcastCreate")) {
      return {
        delayBroadcastCreate: {
          broadcast: { id: "RGVsYXlCcm9hZGNhc3Q6MQ==", recipientCount: 3 },
          errors: [],
        },
      };
    }
    if (query.includes("delayBroadcastSend")) return { delayBroadcastSend: send };
    return { delayBroadcast: answers.shift() };
  });
}

async function prepareAndSend(request: ReturnType<typeof plugin>, language: "en" | "tr" = "en") {
  const t = translator(language);
  render(
    <DashboardProvider value={{ request: request as unknown as Request, language, t }}>
      <Broadcast />
    </DashboardProvider>,
  );
  fireEvent.change(screen.getByLabelText(t("message")), { target: { value: "Grev var." } });
  fireEvent.click(screen.getByRole("button", { name: t("prepare") }));
  fireEvent.click(await screen.findByRole("button", { name: t("send") }));
}

const wait = () => act(() => vi.advanceTimersByTimeAsync(PROGRESS_EVERY_MS));
const progressQueries = (request: ReturnType<typeof plugin>) =>
  request.mock.calls.filter(([query]) => query.includes("delayBroadcast(")).length;

describe("Broadcast sending", () => {
  it("follows the sending until every customer is queued or skipped, then stops asking", async () => {
    const request = plugin({ broadcast: broadcast("SENDING", 0, 0), errors: [] }, [
      broadcast("SENDING", 1, 1),
      broadcast("SENT", 2, 1),
    ]);
    await prepareAndSend(request);

    const status = await screen.findByTestId("broadcast-progress");
    expect(status.textContent).toBe("Sending: 0 of 3 customers done…");
    await wait();
    expect(status.textContent).toBe("Sending: 2 of 3 customers done…");
    expect(status.querySelector("progress")?.value).toBe(2);
    await wait();
    expect(status.textContent).toBe(
      "Sent: 2 of 3 customers queued, 1 skipped (opted out or no address).",
    );
    await wait();
    await wait();

    expect(progressQueries(request)).toBe(2);
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("says in Turkish how far the sending got", async () => {
    const request = plugin({ broadcast: broadcast("SENDING", 1, 0), errors: [] }, []);
    await prepareAndSend(request, "tr");

    expect((await screen.findByTestId("broadcast-progress")).textContent).toBe(
      "Gönderiliyor: 3 müşteriden 1 tamamlandı…",
    );
  });

  it("shows why a send was refused and follows no sending", async () => {
    const request = plugin(
      {
        broadcast: null,
        errors: [{ field: "id", code: "ALREADY_SENT", message: "This broadcast has already been sent." }],
      },
      [],
    );
    await prepareAndSend(request);

    expect((await screen.findByRole("alert")).textContent).toContain(
      "This broadcast has already been sent.",
    );
    await wait();
    expect(screen.queryByTestId("broadcast-progress")).toBeNull();
    expect(progressQueries(request)).toBe(0);
  });

  it("offers a retry when asking for the progress failed, and goes on after it", async () => {
    const request = plugin({ broadcast: broadcast("SENDING", 0, 0), errors: [] }, []);
    await prepareAndSend(request);
    await screen.findByTestId("broadcast-progress");

    request.mockRejectedValueOnce(new Error("Network down"));
    await wait();
    const retry = await screen.findByRole("button", { name: "Try again" });
    request.mockResolvedValueOnce({ delayBroadcast: broadcast("SENT", 3, 0) });
    fireEvent.click(retry);

    expect(await screen.findByText(/^Sent: 3 of 3/)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
