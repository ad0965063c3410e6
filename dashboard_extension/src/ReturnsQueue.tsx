// The returns queue: filters, pages, and each return's next step.
import { Box, Button, Chip, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { type Connection, nodes, useCursorPages } from "./cursors";
import { raiseMutationErrors, type MutationError } from "./api";
import { useDashboard } from "./dashboard";
import { formatDate, formatMoney } from "./i18n";
import { label } from "./labels";
import { Inspection } from "./Inspection";
import { RefundSettle } from "./RefundSettle";
import { RefundState } from "./RefundState";
import {
  APPROVE,
  CLOSE,
  INSPECT,
  NEXT_ACTION_TEXT,
  PAGE_SIZE,
  RECEIVE,
  REFUND,
  REJECT,
  RETURN_REASONS,
  RETURN_STATUSES,
  RETURNS_QUERY,
  SETTLE,
  canClose,
  canMarkReceived,
  nextAction,
  returnFilterInput,
  type ReturnFilter,
  type ReturnRecord,
} from "./returns";
import { Async, Card, Choice, Failure, Paged, useLoad } from "./ui";

export function ReturnsQueue({ orderId }: { orderId?: string }) {
  const { request, t, language } = useDashboard();
  const [filter, setFilter] = useState<ReturnFilter>({ status: "", reason: "", overdue: false });
  const pages = useCursorPages();
  const variables = {
    filter: { ...returnFilterInput(filter), ...(orderId ? { orderId } : {}) },
    first: PAGE_SIZE,
    after: pages.after,
  };
  const loaded = useLoad(
    () => request<{ returns: Connection<ReturnRecord> }>(RETURNS_QUERY, variables),
    JSON.stringify(variables),
  );
  const change = (next: Partial<ReturnFilter>) => {
    setFilter({ ...filter, ...next });
    pages.reset();
  };
  return (
    <Box>
      {!orderId && (
        <Box display="flex" gap={4} alignItems="flex-end" marginBottom={4} flexWrap="wrap">
          <Choice
            id="return-status"
            label={t("status")}
            value={filter.status}
            onChange={(status) => change({ status })}
            options={[{ value: "", label: t("all") }].concat(
              RETURN_STATUSES.map((s) => ({ value: s, label: label(language, "returnStatus", s) })),
            )}
          />
          <Choice
            id="return-reason"
            label={t("reason")}
            value={filter.reason}
            onChange={(reason) => change({ reason })}
            options={[{ value: "", label: t("all") }].concat(
              RETURN_REASONS.map((r) => ({ value: r, label: label(language, "returnReason", r) })),
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
      )}
      <Async t={t} loaded={loaded}>
        {({ returns }) => (
          <Paged
            t={t}
            connection={returns}
            pages={pages}
            empty={t(orderId ? "noOrderReturns" : "noReturns")}
          >
            {(ret) => <ReturnCard key={ret.id} initial={ret} />}
          </Paged>
        )}
      </Async>
    </Box>
  );
}

type Payload = { return: ReturnRecord | null; errors: MutationError[] };

export function ReturnCard({ initial }: { initial: ReturnRecord }) {
  const { request, t, language } = useDashboard();
  const [ret, setRet] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [rejectReason, setRejectReason] = useState("");
  // null: the close form is hidden; a string: the reason being typed.
  const [closeReason, setCloseReason] = useState<string | null>(null);

  /** Run a mutation on this return; resolves to whether it succeeded. */
  const run = async (document: string, variables: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      const data = await request<Record<string, Payload>>(document, { id: ret.id, ...variables });
      const payload = Object.values(data)[0];
      raiseMutationErrors(payload);
      if (payload.return) setRet(payload.return);
      return true;
    } catch (caught) {
      setError(caught as Error);
      await reread();
      return false;
    } finally {
      setBusy(false);
    }
  };
  // A refused step may still have changed the return (a refund whose answer was lost is now
  // UNKNOWN, to settle): show it as it is now.
  const reread = async () => {
    try {
      const filter = { orderId: ret.orderId };
      const { returns } = await request<{ returns: Connection<ReturnRecord> }>(RETURNS_QUERY, {
        filter,
      });
      const found = nodes(returns).find((other) => other.id === ret.id);
      if (found) setRet(found);
    } catch {
      // The refusal already shows; the card keeps its last known state.
    }
  };

  const action = nextAction(ret.status, ret.refund?.status);
  const money = (value: string | null) => formatMoney(language, value, ret.currency);
  const amount = money(ret.refundAmount);
  return (
    <Card testId={`return-${ret.rma}`}>
      <Box display="flex" justifyContent="space-between" gap={3} flexWrap="wrap">
        <Box>
          <Text fontWeight="bold">{ret.rma}</Text>{" "}
          <Text color="default2">{t("order", { number: ret.orderNumber })}</Text>
        </Box>
        <Box display="flex" gap={2}>
          {ret.isOverdue && (
            <Chip backgroundColor="critical1" data-testid="overdue">
              <Text size={1}>{t("overdue")}</Text>
            </Chip>
          )}
          <Chip data-testid="status">
            <Text size={1}>{label(language, "returnStatus", ret.status)}</Text>
          </Chip>
        </Box>
      </Box>
      <Text size={2} color="default2" display="block">
        {label(language, "returnReason", ret.reason)} · {t("requestedAt", { date: formatDate(language, ret.createdAt) })}
      </Text>
      {ret.comment && (
        <Text size={2} display="block">
          {t("customerComment", { comment: ret.comment })}
        </Text>
      )}
      <Box as="ul" marginY={2} paddingLeft={4}>
        {ret.lines.map((line) => (
          <li key={line.id}>
            <Text>
              {line.quantity} × {line.productName}
              {line.outcomes.length > 0 &&
                ` — ${line.outcomes
                  .map((o) => `${o.quantity} ${label(language, "outcome", o.outcome)}`)
                  .join(", ")}`}
            </Text>
          </li>
        ))}
      </Box>
      {ret.refundAmount && (
        <Text display="block" data-testid="refund-state">
          {ret.status === "REFUNDED"
            ? t("refunded", { amount: money(ret.refundedAmount ?? ret.refundAmount) })
            : ret.status === "CREDITED"
              ? t("credited", { amount })
              : ret.status === "REFUND_REQUESTED"
                ? t("refundWaiting", { amount })
                : t("refundState", { amount })}
        </Text>
      )}
      {Number(ret.refundShortfall) > 0 && (
        <Text display="block" color="critical1" data-testid="shortfall">
          {t("shortfall", { amount: money(ret.refundShortfall) })}
        </Text>
      )}
      {ret.status === "CLOSED" && (
        <Text display="block" data-testid="close-reason">
          {t("closed", { reason: ret.closeReason })}
        </Text>
      )}
      {ret.refund && <RefundState refund={ret.refund} />}
      <Text display="block" color="default2" data-testid="next-action">
        {t("nextAction", { action: t(NEXT_ACTION_TEXT[action]) })}
      </Text>

      <Box display="flex" gap={2} marginTop={3} flexWrap="wrap" alignItems="flex-end">
        {action === "decide" && (
          <>
            <Button disabled={busy} onClick={() => run(APPROVE, {})}>
              {t("approve")}
            </Button>
            <Input
              label={t("rejectReason")}
              value={rejectReason}
              onChange={(event) => setRejectReason(event.target.value)}
              size="small"
            />
            <Button
              variant="error"
              disabled={busy || !rejectReason.trim()}
              onClick={() => run(REJECT, { reason: rejectReason.trim() })}
            >
              {t("reject")}
            </Button>
          </>
        )}
        {canMarkReceived(ret.status) && (
          <Button disabled={busy} onClick={() => run(RECEIVE, {})}>
            {t("markReceived")}
          </Button>
        )}
        {action === "inspect" && (
          <Inspection lines={ret.lines} busy={busy} inspect={(lines) => run(INSPECT, { lines })} />
        )}
        {action === "refund" && (
          <>
            <Button disabled={busy} onClick={() => run(REFUND, { resolution: "REFUND" })}>
              {t("refund")}
            </Button>
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => run(REFUND, { resolution: "STORE_CREDIT" })}
            >
              {t("storeCredit")}
            </Button>
          </>
        )}
        {action === "settle" && (
          <>
            <RefundSettle busy={busy} settle={(variables) => run(SETTLE, variables)} />
            {/* A refused refund may be given as store credit instead; a lost answer may not. */}
            {ret.refund?.status === "FAILED" && (
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => run(REFUND, { resolution: "STORE_CREDIT" })}
              >
                {t("storeCredit")}
              </Button>
            )}
          </>
        )}
        {canClose(ret) &&
          (closeReason === null ? (
            <Button variant="secondary" disabled={busy} onClick={() => setCloseReason("")}>
              {t("closeReturn")}
            </Button>
          ) : (
            <>
              <Input
                label={t("closeReasonInput")}
                value={closeReason}
                onChange={(event) => setCloseReason(event.target.value)}
                size="small"
              />
              <Button
                variant="error"
                disabled={busy || !closeReason.trim()}
                onClick={() => run(CLOSE, { reason: closeReason.trim() })}
              >
                {t("confirmClose")}
              </Button>
              <Button variant="secondary" disabled={busy} onClick={() => setCloseReason(null)}>
                {t("cancel")}
              </Button>
            </>
          ))}
      </Box>
      {error && <Failure t={t} error={error} />}
    </Card>
  );
}
