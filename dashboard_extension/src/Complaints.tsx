// Complaints: the most urgent first, filtered by status and lateness; assign, answer, resolve.
import { Box, Button, Chip, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { type Connection, connectionOf, useCursorPages } from "./cursors";
import { raiseMutationErrors, type MutationError } from "./api";
import { useDashboard } from "./dashboard";
import { formatDate } from "./i18n";
import { codes, label } from "./labels";
import { Async, Card, Choice, Failure, Paged, useLoad } from "./ui";

export const COMPLAINT_FIELDS = `
  id orderId orderNumber customerName email score comment topics status dueAt overdue assignee
  messages { fromCustomer body author createdAt }
`;

export type Complaint = {
  id: string;
  orderNumber: string;
  customerName: string;
  email: string;
  score: number | null;
  comment: string;
  topics: string[];
  status: string;
  dueAt: string;
  overdue: boolean;
  assignee: string | null;
  messages: { fromCustomer: boolean; body: string; author: string | null; createdAt: string }[];
};

export const COMPLAINTS = `query Complaints($filter: ComplaintFilterInput, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) { ${connectionOf(COMPLAINT_FIELDS)} }
}`;
const payload = `{ complaint { ${COMPLAINT_FIELDS} } errors { field code message } }`;
const ASSIGN = `mutation Assign($id: ID!, $assigneeId: ID) {
  complaintAssign(id: $id, assigneeId: $assigneeId) ${payload}
}`;
const REPLY = `mutation Reply($id: ID!, $message: String!) {
  complaintReply(id: $id, message: $message) ${payload}
}`;
const RESOLVE = `mutation Resolve($id: ID!) { complaintResolve(id: $id) ${payload} }`;
const PAGE_SIZE = 20;

export type ComplaintFilter = { status: string; overdue: boolean };

/** The GraphQL filter of the list's controls ("" means any status). */
export function complaintFilterInput(filter: ComplaintFilter): Record<string, unknown> {
  return {
    ...(filter.status ? { status: [filter.status] } : {}),
    ...(filter.overdue ? { overdue: true } : {}),
  };
}

export function Complaints() {
  const { request, t, language } = useDashboard();
  const [filter, setFilter] = useState<ComplaintFilter>({ status: "", overdue: false });
  const pages = useCursorPages();
  const variables = { filter: complaintFilterInput(filter), first: PAGE_SIZE, after: pages.after };
  const loaded = useLoad(
    () => request<{ complaints: Connection<Complaint> }>(COMPLAINTS, variables),
    JSON.stringify(variables),
  );
  const change = (next: Partial<ComplaintFilter>) => {
    setFilter({ ...filter, ...next });
    pages.reset();
  };
  return (
    <Box>
      <Box display="flex" gap={4} alignItems="flex-end" marginBottom={4} flexWrap="wrap">
        <Choice
          id="complaint-status"
          label={t("status")}
          value={filter.status}
          onChange={(status) => change({ status })}
          options={[{ value: "", label: t("all") }].concat(
            codes("complaintStatus").map((s) => ({
              value: s,
              label: label(language, "complaintStatus", s),
            })),
          )}
        />
        <Box as="label" display="flex" gap={2} alignItems="center">
          <input
            type="checkbox"
            checked={filter.overdue}
            onChange={(event) => change({ overdue: event.target.checked })}
          />
          <Text>{t("overdueOnly")}</Text>
        </Box>
      </Box>
      <Async t={t} loaded={loaded}>
        {({ complaints }) => (
          <Paged
            t={t}
            connection={complaints}
            pages={pages}
            empty={t("noComplaints")}
          >
            {(complaint) => <ComplaintCard key={complaint.id} initial={complaint} />}
          </Paged>
        )}
      </Async>
    </Box>
  );
}

type Payload = { complaint: Complaint | null; errors: MutationError[] };

export function ComplaintCard({ initial, actions = true }: { initial: Complaint; actions?: boolean }) {
  const { request, t, language, userId } = useDashboard();
  const [complaint, setComplaint] = useState(initial);
  const [answer, setAnswer] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const run = async (document: string, variables: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      const data = await request<Record<string, Payload>>(document, { id: complaint.id, ...variables });
      const result = Object.values(data)[0];
      raiseMutationErrors(result);
      if (result.complaint) setComplaint(result.complaint);
      return true;
    } catch (caught) {
      setError(caught as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const open = complaint.status !== "RESOLVED";
  return (
    <Card testId={`complaint-${complaint.orderNumber}`}>
      <Box display="flex" justifyContent="space-between" gap={3} flexWrap="wrap">
        <Text fontWeight="bold">
          {t("order", { number: complaint.orderNumber })} · {complaint.customerName}
        </Text>
        <Box display="flex" gap={2}>
          {complaint.overdue && (
            <Chip backgroundColor="critical1" data-testid="complaint-overdue">
              <Text size={1}>{t("overdue")}</Text>
            </Chip>
          )}
          <Chip data-testid="complaint-status">
            <Text size={1}>{label(language, "complaintStatus", complaint.status)}</Text>
          </Chip>
        </Box>
      </Box>
      <Text size={2} color="default2" display="block">
        {complaint.score !== null ? `${t("score", { score: complaint.score })} · ` : ""}
        {complaint.topics.map((topic) => label(language, "topic", topic)).join(", ")}
        {complaint.topics.length ? " · " : ""}
        {t("dueAt", { date: formatDate(language, complaint.dueAt) })} ·{" "}
        <span data-testid="complaint-assignee">
          {complaint.assignee ? t("assignedTo", { email: complaint.assignee }) : t("unassigned")}
        </span>
      </Text>
      {complaint.comment && (
        <Text display="block" marginTop={2} data-testid="complaint-comment">
          {t("customerComment", { comment: complaint.comment })}
        </Text>
      )}
      <Box as="ul" paddingLeft={4} marginY={2} data-testid="complaint-thread">
        {complaint.messages.map((message, index) => (
          <li key={index}>
            <Text size={2}>
              <strong>{message.fromCustomer ? t("fromCustomer") : (message.author ?? "—")}</strong> (
              {formatDate(language, message.createdAt)}): {message.body}
            </Text>
          </li>
        ))}
      </Box>
      {actions && open && (
        <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap">
          {userId && !complaint.assignee && (
            <Button variant="secondary" disabled={busy} onClick={() => run(ASSIGN, { assigneeId: userId })}>
              {t("assignToMe")}
            </Button>
          )}
          {complaint.assignee && (
            <Button variant="secondary" disabled={busy} onClick={() => run(ASSIGN, { assigneeId: null })}>
              {t("unassign")}
            </Button>
          )}
          <Input
            label={t("replyText")}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
            size="small"
          />
          <Button
            disabled={busy || !answer.trim()}
            onClick={async () => (await run(REPLY, { message: answer.trim() })) && setAnswer("")}
          >
            {t("reply")}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => run(RESOLVE, {})}>
            {t("resolve")}
          </Button>
        </Box>
      )}
      {error && <Failure t={t} error={error} />}
    </Card>
  );
}
