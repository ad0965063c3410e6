// The delay call list: late orders to phone, their causes, choice and call log.
import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { type Connection, connectionOf, useCursorPages } from "./cursors";
import { raiseMutationErrors, type MutationError } from "./api";
import { useDashboard } from "./dashboard";
import { formatDate, formatMoney } from "./i18n";
import { codes, label } from "./labels";
import { RefundSettle, type SettleVariables } from "./RefundSettle";
import { needsSettling } from "./returns";
import { Async, Card, Choice, Failure, Paged, useLoad } from "./ui";

export const DELAY_FIELDS = `
  id orderId orderNumber customerName phone email daysLate openedAt newEstimate choice chosenAt
  causes { cause detectedAt daysLate }
  refund { status amount currency detail }
  calls { id outcome note calledBy createdAt }
`;

export type Delay = {
  id: string;
  orderNumber: string;
  customerName: string;
  phone: string;
  email: string;
  daysLate: number;
  newEstimate: string | null;
  choice: string | null;
  chosenAt: string | null;
  causes: { cause: string; detectedAt: string; daysLate: number }[];
  refund: { status: string; amount: number | null; currency: string; detail: string } | null;
  calls: { id: string; outcome: string; note: string; calledBy: string | null; createdAt: string }[];
};

const CALL_LIST = `query CallList($cause: DelayCause, $first: Int, $after: String) {
  delayCallList(cause: $cause, first: $first, after: $after) { ${connectionOf(DELAY_FIELDS)} }
}`;
const PAGE_SIZE = 20;
const LOG_CALL = `mutation Log($delayId: ID!, $outcome: DelayCallOutcome!, $note: String) {
  delayCallLog(delayId: $delayId, outcome: $outcome, note: $note) {
    delay { ${DELAY_FIELDS} } errors { field code message }
  }
}`;
const SETTLE = `mutation DelaySettle($delayId: ID!, $action: RefundSettleAction!, $reference: String, $amount: Decimal) {
  delayRefundSettle(delayId: $delayId, action: $action, reference: $reference, amount: $amount) {
    delay { ${DELAY_FIELDS} } errors { field code message }
  }
}`;
type DelayPayload = { delay: Delay | null; errors: MutationError[] };
const OUTCOMES = ["REACHED", "NO_ANSWER", "VOICEMAIL", "WRONG_NUMBER", "CALL_BACK"];

export function DelayCallList() {
  const { request, t, language } = useDashboard();
  const [cause, setCause] = useState("");
  const pages = useCursorPages();
  const variables = { cause: cause || null, first: PAGE_SIZE, after: pages.after };
  const loaded = useLoad(
    () => request<{ delayCallList: Connection<Delay> }>(CALL_LIST, variables),
    JSON.stringify(variables),
  );
  return (
    <Box>
      <Box marginBottom={4} display="flex">
        <Choice
          id="delay-cause"
          label={t("reason")}
          value={cause}
          onChange={(value) => {
            setCause(value);
            pages.reset();
          }}
          options={[{ value: "", label: t("all") }].concat(
            codes("delayCause").map((c) => ({ value: c, label: label(language, "delayCause", c) })),
          )}
        />
      </Box>
      <Async t={t} loaded={loaded}>
        {({ delayCallList }) => (
          <Paged
            t={t}
            connection={delayCallList}
            pages={pages}
            empty={t("noDelays")}
          >
            {(delay) => <DelayCard key={delay.id} initial={delay} />}
          </Paged>
        )}
      </Async>
    </Box>
  );
}

/** One late order: causes, the customer's choice and the calls; `callable` adds the log form. */
export function DelayCard({ initial, callable = true }: { initial: Delay; callable?: boolean }) {
  const { request, t, language } = useDashboard();
  const [delay, setDelay] = useState(initial);
  const [outcome, setOutcome] = useState("REACHED");
  const [note, setNote] = useState("");
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  /** Run a mutation on this delay; resolves to whether it succeeded. */
  const run = async (document: string, variables: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      const data = await request<Record<string, DelayPayload>>(document, {
        delayId: delay.id,
        ...variables,
      });
      const payload = Object.values(data)[0];
      raiseMutationErrors(payload);
      if (payload.delay) setDelay(payload.delay);
      return true;
    } catch (caught) {
      setError(caught as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const log = async () => {
    if (await run(LOG_CALL, { outcome, note })) setNote("");
  };
  const settle = (variables: SettleVariables) => run(SETTLE, variables);
  return (
    <Card testId={`delay-${delay.orderNumber}`}>
      <Text fontWeight="bold">
        {t("order", { number: delay.orderNumber })} · {delay.customerName}
      </Text>
      <Text display="block">
        {delay.phone} · {delay.email}
      </Text>
      <Text display="block" color="critical1">
        {t("daysLate", { days: delay.daysLate })}:{" "}
        {delay.causes.map((cause) => label(language, "delayCause", cause.cause)).join(", ")}
      </Text>
      <Text display="block">
        {delay.choice
          ? t("choice", { choice: `${label(language, "delayChoice", delay.choice)} (${formatDate(language, delay.chosenAt)})` })
          : t("noChoice")}
      </Text>
      {delay.refund && (
        <Box marginY={2} data-testid="delay-refund" data-status={delay.refund.status}>
          <Text display="block">
            {t("refundRecord")}: {label(language, "refundStatus", delay.refund.status)} ·{" "}
            {formatMoney(language, delay.refund.amount, delay.refund.currency)}
          </Text>
          {delay.refund.detail && (
            <Text display="block" size={2} color={needsSettling(delay.refund.status) ? "critical1" : "default2"}>
              {delay.refund.detail}
            </Text>
          )}
          {needsSettling(delay.refund.status) && <RefundSettle busy={busy} settle={settle} />}
        </Box>
      )}
      {delay.calls.length > 0 && (
        <Box marginTop={2}>
          <Text size={2} color="default2">
            {t("calls")}
          </Text>
          <Box as="ul" paddingLeft={4}>
            {delay.calls.map((call) => (
              <li key={call.id}>
                <Text size={2}>
                  {formatDate(language, call.createdAt)} — {label(language, "callOutcome", call.outcome)}
                  {call.note ? `: ${call.note}` : ""} {call.calledBy ? `(${call.calledBy})` : ""}
                </Text>
              </li>
            ))}
          </Box>
        </Box>
      )}
      {callable && (
        <Box display="flex" gap={2} alignItems="flex-end" marginTop={3} flexWrap="wrap">
          <Choice
            id={`call-outcome-${delay.id}`}
            label={t("callOutcome")}
            value={outcome}
            onChange={setOutcome}
            options={OUTCOMES.map((o) => ({ value: o, label: label(language, "callOutcome", o) }))}
          />
          <Input
            label={t("callNote")}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            size="small"
          />
          <Button disabled={busy} onClick={log}>
            {t("logCall")}
          </Button>
        </Box>
      )}
      {error && <Failure t={t} error={error} />}
    </Card>
  );
}
