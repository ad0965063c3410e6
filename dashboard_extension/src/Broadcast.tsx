// Crisis broadcast: choose the affected parcels, preview, write, confirm, send, follow the
// sending (the plugin queues the messages in the background, chunk by chunk).
import { Box, Button, Input, Text, Textarea } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { raiseMutationErrors, type MutationError } from "./api";
import { useDashboard } from "./dashboard";
import type { Translate } from "./i18n";
import { Card, Failure } from "./ui";

const PREVIEW = `query Preview($filter: BroadcastFilterInput!) {
  delayBroadcastPreview(filter: $filter) { count }
}`;
const CREATE = `mutation Create($filter: BroadcastFilterInput!, $message: String!) {
  delayBroadcastCreate(filter: $filter, message: $message) {
    broadcast { id recipientCount } errors { field code message }
  }
}`;
const SENDING_FIELDS = "id status recipientCount queuedCount skippedCount sentAt";
const SEND = `mutation Send($id: ID!) {
  delayBroadcastSend(id: $id) { broadcast { ${SENDING_FIELDS} } errors { field code message } }
}`;
const PROGRESS = `query Progress($id: ID!) {
  delayBroadcast(id: $id) { ${SENDING_FIELDS} }
}`;

/** How often the screen asks how far a sending got, until the broadcast is SENT. */
export const PROGRESS_EVERY_MS = 2000;

export type Sending = {
  id: string;
  status: "DRAFT" | "SENDING" | "SENT";
  recipientCount: number;
  queuedCount: number;
  skippedCount: number;
  sentAt: string | null;
};

export type BroadcastForm = {
  carrierCodes: string;
  city: string;
  shippedFrom: string;
  shippedTo: string;
};

/** The GraphQL filter of the form: empty fields are left out, codes split on commas. */
export function broadcastFilter(form: BroadcastForm): Record<string, unknown> {
  const codes = form.carrierCodes
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean);
  return {
    ...(codes.length ? { carrierCodes: codes } : {}),
    ...(form.city.trim() ? { city: form.city.trim() } : {}),
    ...(form.shippedFrom ? { shippedFrom: form.shippedFrom } : {}),
    ...(form.shippedTo ? { shippedTo: form.shippedTo } : {}),
  };
}

type Draft = { id: string; recipientCount: number };

/** Where a sending stands: customers done out of all, and queued or skipped once it is sent. */
export function BroadcastProgress({ sending, t }: { sending: Sending; t: Translate }) {
  const done = sending.queuedCount + sending.skippedCount;
  const counts = { done, total: sending.recipientCount, queued: sending.queuedCount };
  return (
    <Box display="flex" flexDirection="column" gap={1} role="status" data-testid="broadcast-progress">
      <Text>
        {sending.status === "SENT"
          ? t("broadcastSent", { ...counts, skipped: sending.skippedCount })
          : t("broadcastSending", counts)}
      </Text>
      <progress value={done} max={Math.max(sending.recipientCount, 1)} aria-label={t("broadcastProgress")} />
    </Box>
  );
}

export function Broadcast() {
  const { request, t } = useDashboard();
  const [form, setForm] = useState<BroadcastForm>({
    carrierCodes: "",
    city: "",
    shippedFrom: "",
    shippedTo: "",
  });
  const [count, setCount] = useState<number>();
  const [message, setMessage] = useState("");
  const [draft, setDraft] = useState<Draft>();
  const [sending, setSending] = useState<Sending>();
  const [error, setError] = useState<Error>();
  const [progressError, setProgressError] = useState<Error>();
  const attempt = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const edit = (field: keyof BroadcastForm, value: string) => {
    setForm({ ...form, [field]: value });
    setCount(undefined);
    setDraft(undefined);
  };
  const preview = () =>
    attempt(async () => {
      const data = await request<{ delayBroadcastPreview: { count: number } }>(PREVIEW, {
        filter: broadcastFilter(form),
      });
      setCount(data.delayBroadcastPreview.count);
    });
  const prepare = () =>
    attempt(async () => {
      const data = await request<{
        delayBroadcastCreate: { broadcast: Draft | null; errors: MutationError[] };
      }>(CREATE, { filter: broadcastFilter(form), message });
      raiseMutationErrors(data.delayBroadcastCreate);
      setDraft(data.delayBroadcastCreate.broadcast ?? undefined);
    });
  const send = (id: string) =>
    attempt(async () => {
      const data = await request<{
        delayBroadcastSend: { broadcast: Sending | null; errors: MutationError[] };
      }>(SEND, { id });
      raiseMutationErrors(data.delayBroadcastSend);
      setSending(data.delayBroadcastSend.broadcast ?? undefined);
      setProgressError(undefined);
      setDraft(undefined);
    });
  // Its own error: a failed ask for progress is retried from the progress, not the form.
  const refresh = async (id: string) => {
    setProgressError(undefined);
    try {
      const data = await request<{ delayBroadcast: Sending | null }>(PROGRESS, { id });
      if (data.delayBroadcast) setSending(data.delayBroadcast);
    } catch (caught) {
      setProgressError(caught as Error);
    }
  };
  // Asks again after each answer while the broadcast is SENDING; a failed ask stops it and
  // offers a retry.
  useEffect(() => {
    if (!sending || sending.status === "SENT") return;
    const timer = setTimeout(() => refresh(sending.id), PROGRESS_EVERY_MS);
    return () => clearTimeout(timer);
  }, [sending]);
  const field = (name: keyof BroadcastForm, label: string, type: "text" | "date" = "text") => (
    <Input
      label={label}
      type={type}
      value={form[name]}
      onChange={(event) => edit(name, event.target.value)}
      size="small"
    />
  );
  return (
    <Card testId="broadcast">
      <Box display="grid" gridTemplateColumns={2} gap={3}>
        {field("carrierCodes", t("carrierCodes"))}
        {field("city", t("city"))}
        {field("shippedFrom", t("shippedFrom"), "date")}
        {field("shippedTo", t("shippedTo"), "date")}
      </Box>
      <Box display="flex" gap={3} alignItems="center" marginY={3}>
        <Button variant="secondary" onClick={preview}>
          {t("previewCount")}
        </Button>
        {count !== undefined && <Text data-testid="recipient-count">{t("recipients", { count })}</Text>}
      </Box>
      <Textarea
        label={t("message")}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        rows={3}
      />
      <Box display="flex" gap={3} alignItems="center" marginTop={3}>
        {!draft && (
          <Button disabled={!message.trim()} onClick={prepare}>
            {t("prepare")}
          </Button>
        )}
        {draft && (
          <Box display="flex" gap={3} alignItems="center" role="alertdialog">
            <Text fontWeight="bold">{t("confirmSend", { count: draft.recipientCount })}</Text>
            <Button variant="error" onClick={() => send(draft.id)}>
              {t("send")}
            </Button>
            <Button variant="secondary" onClick={() => setDraft(undefined)}>
              {t("cancel")}
            </Button>
          </Box>
        )}
      </Box>
      {sending && <BroadcastProgress sending={sending} t={t} />}
      {sending && progressError && (
        <Failure t={t} error={progressError} retry={() => refresh(sending.id)} />
      )}
      {error && <Failure t={t} error={error} />}
    </Card>
  );
}
