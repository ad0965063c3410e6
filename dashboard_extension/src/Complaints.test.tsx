import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Request } from "./api";
import { type Complaint, Complaints } from "./Complaints";
import { DashboardProvider } from "./dashboard";
import { translator } from "./i18n";
import { connection } from "./connection.testing";

afterEach(cleanup);

const complaint: Complaint = {
  id: "Q29tcGxhaW50OjE=",
  orderNumber: "42",
  customerName: "Ahmet Yılmaz",
  email: "ahmet@example.com",
  score: 1,
  comment: "Kutu ezik geldi.",
  topics: ["PACKAGING"],
  status: "OPEN",
  dueAt: "2026-03-02T12:00:00+00:00",
  overdue: true,
  assignee: null,
  messages: [{ fromCustomer: true, body: "Kutu ezik geldi.", author: null, createdAt: "2026-03-02T08:00:00+00:00" }],
};

type Calls = { mock: { calls: [string, Record<string, unknown>][] } };

function renderComplaints(request: Request, language: "en" | "tr" = "en") {
  return render(
    <DashboardProvider value={{ request, language, t: translator(language), userId: "VXNlcjo3" }}>
      <Complaints />
    </DashboardProvider>,
  );
}

describe("Complaints", () => {
  it("lists complaints in Turkish with their status, topic and lateness", async () => {
    renderComplaints(vi.fn(async () => ({ complaints: connection([complaint]) })) as unknown as Request, "tr");

    expect((await screen.findByTestId("complaint-status")).textContent).toBe("Açık");
    expect(screen.getByTestId("complaint-overdue").textContent).toBe("Gecikmiş");
    expect(screen.getByText(/Paketleme/)).toBeTruthy();
  });

  it("asks again with the status and overdue filters, from the first page", async () => {
    const request = vi.fn(async () => ({ complaints: connection([]) })) as unknown as Request;
    renderComplaints(request);

    await screen.findByText("No complaints match these filters.");
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "REOPENED" } });
    fireEvent.click(screen.getByLabelText("Only overdue"));

    await waitFor(() => expect(request).toHaveBeenCalledTimes(3));
    expect((request as unknown as Calls).mock.calls[2][1]).toEqual({
      filter: { status: ["REOPENED"], overdue: true },
      first: 20,
      after: null,
    });
  });

  it("assigns to the staff member in the token, then answers the customer", async () => {
    const request = vi.fn(async (query: string, variables: Record<string, unknown>) => {
      if (query.includes("complaintAssign")) {
        return { complaintAssign: { complaint: { ...complaint, assignee: "me@example.com" }, errors: [] } };
      }
      if (query.includes("complaintReply")) {
        const answered = {
          ...complaint,
          assignee: "me@example.com",
          status: "ANSWERED",
          messages: [
            ...complaint.messages,
            { fromCustomer: false, body: variables.message, author: "me@example.com", createdAt: "2026-03-02T09:00:00+00:00" },
          ],
        };
        return { complaintReply: { complaint: answered, errors: [] } };
      }
      return { complaints: connection([complaint]) };
    }) as unknown as Request;
    renderComplaints(request);

    fireEvent.click(await screen.findByRole("button", { name: "Assign to me" }));
    await waitFor(() =>
      expect(screen.getByTestId("complaint-assignee").textContent).toBe("Assigned to me@example.com"),
    );
    fireEvent.change(screen.getByLabelText("Answer to the customer"), { target: { value: "Özür dileriz." } });
    fireEvent.click(screen.getByRole("button", { name: "Send answer" }));

    await waitFor(() => expect(screen.getByTestId("complaint-status").textContent).toBe("Answered"));
    expect(screen.getByTestId("complaint-thread").textContent).toContain("Özür dileriz.");
    const calls = (request as unknown as Calls).mock.calls;
    expect(calls[1][1]).toEqual({ id: complaint.id, assigneeId: "VXNlcjo3" });
  });
});
