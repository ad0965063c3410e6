// Crisis broadcast: choose the affected parcels, preview, write, confirm, send.
import { Box, Button, Input, Text, Textarea } from "@saleor/macaw-ui";
import { useState } from "react";

import { raiseMutationErrors, type MutationError } from "./api";
import { useDashboard } from "./dashboard";
import { Card, Failure } from "./ui";

const PREVIEW = `query Preview($filter: BroadcastFilterInput!) {
  delayBroadcastPreview(filter: $filter) { count }
}`;
const CREATE = `mutation Create($filter: BroadcastFilterInput!, $message: String!) {
  delayBroadcastCreate(filter: $filter, message: $message) {
    broadcast { id recipientCount } errors { field code message }
  }
}`;
const SEND = `mutation Send($id: ID!) {
  delayBroadcastSend(id: $id) { queued broadcast { id sentAt } errors { field code message } }
}`;

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
  const [queued, setQueued] = useState<number>();
  const [error, setError] = useState<Error>();
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
        delayBroadcastSend: { queued: number | null; errors: MutationError[] };
      }>(SEND, { id });
      raiseMutationErrors(data.delayBroadcastSend);
      setQueued(data.delayBroadcastSend.queued ?? 0);
      setDraft(undefined);
    });
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
        {queued !== undefined && <Text data-testid="broadcast-result">{t("sent", { queued })}</Text>}
      </Box>
      {error && <Failure t={t} error={error} />}
    </Card>
  );
}
