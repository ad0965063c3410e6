// The returns queue's data: GraphQL documents and what staff do next with a return.
import type { MessageKey } from "./i18n";
import { connectionOf } from "./cursors";

export const RETURN_STATUSES = [
  "REQUESTED",
  "APPROVED",
  "SHIPPED_BACK",
  "RECEIVED",
  "INSPECTED",
  "REFUND_REQUESTED",
  "REFUNDED",
  "CREDITED",
  "CLOSED",
  "REJECTED",
  "CANCELLED",
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_REASONS = [
  "SIZE",
  "DAMAGED",
  "DEFECTIVE",
  "WRONG_ITEM",
  "NOT_AS_DESCRIBED",
  "CHANGED_MIND",
  "OTHER",
] as const;

export const INSPECTION_OUTCOMES = ["RESELLABLE", "DEFECTIVE", "DAMAGED", "MISSING"] as const;

export type ReturnLine = {
  id: string;
  productName: string;
  sku: string | null;
  quantity: number;
  /** Null when inspection split the line's items: then `outcomes` says how. */
  outcome: string | null;
  outcomes: { outcome: string; quantity: number }[];
};

/** The refund's exactly-once record; `status` is any value of the API's ReturnRefundStatus. */
export type RefundRecord = {
  status: string;
  amount: string;
  currency: string;
  reference: string;
  error: string;
  attempts: number;
  updatedAt: string;
};

export type ReturnRecord = {
  id: string;
  rma: string;
  orderId: string;
  orderNumber: string;
  status: ReturnStatus;
  statusLabel: string;
  reason: string;
  comment: string;
  resolution: "REFUND" | "STORE_CREDIT";
  isOverdue: boolean;
  createdAt: string;
  decisionDueAt: string;
  /** What is owed, once inspected. */
  refundAmount: string | null;
  refundedAmount: string | null;
  /** Owed but not refunded, when the refund was capped by what was captured. */
  refundShortfall: string | null;
  closeReason: string;
  currency: string;
  lines: ReturnLine[];
  refund: RefundRecord | null;
};

export const PAGE_SIZE = 20;

const RETURN_FIELDS = `
  id rma orderId orderNumber status statusLabel reason comment resolution isOverdue
  createdAt decisionDueAt refundAmount refundedAmount refundShortfall closeReason currency
  lines { id productName sku quantity outcome outcomes { outcome quantity } }
  refund { status amount currency reference error attempts updatedAt }
`;

export const RETURNS_QUERY = `
query Returns($filter: ReturnFilterInput, $first: Int, $after: String) {
  returns(filter: $filter, first: $first, after: $after) { ${connectionOf(RETURN_FIELDS)} }
}`;

const payload = (call: string) => `{ ${call} { return { ${RETURN_FIELDS} } errors { field code message } } }`;

export const APPROVE = `mutation Approve($id: ID!) ${payload("returnApprove(id: $id)")}`;
export const REJECT = `mutation Reject($id: ID!, $reason: String!) ${payload(
  "returnReject(id: $id, reason: $reason)",
)}`;
export const RECEIVE = `mutation Receive($id: ID!) ${payload("returnMarkReceived(id: $id)")}`;
export const INSPECT = `mutation Inspect($id: ID!, $lines: [ReturnInspectionLineInput!]!) ${payload(
  "returnInspect(id: $id, lines: $lines)",
)}`;
export const REFUND = `mutation Refund($id: ID!, $resolution: ReturnResolution) ${payload(
  "returnRefund(id: $id, resolution: $resolution)",
)}`;

export const SETTLE = `mutation Settle($id: ID!, $action: RefundSettleAction!, $reference: String, $amount: Decimal) ${payload(
  "returnRefundSettle(id: $id, action: $action, reference: $reference, amount: $amount)",
)}`;
export const CLOSE = `mutation Close($id: ID!, $reason: String!) ${payload(
  "returnClose(id: $id, reason: $reason)",
)}`;

export type ReturnFilter = { status: string; reason: string; overdue: boolean };

/** The GraphQL filter of the queue's controls ("" means any). */
export function returnFilterInput(filter: ReturnFilter): Record<string, unknown> {
  return {
    ...(filter.status ? { status: [filter.status] } : {}),
    ...(filter.reason ? { reason: [filter.reason] } : {}),
    ...(filter.overdue ? { overdue: true } : {}),
  };
}

export type NextAction =
  | "decide"
  | "waitParcel"
  | "receive"
  | "inspect"
  | "refund"
  | "settle"
  | "waitPayment"
  | "none";

/** What staff do next with a return in `status` (follows the plugin's transitions), its
 * refund in `refundStatus`. */
export function nextAction(status: ReturnStatus, refundStatus?: string | null): NextAction {
  switch (status) {
    case "REQUESTED":
      return "decide";
    case "APPROVED":
      return "waitParcel";
    case "SHIPPED_BACK":
      return "receive";
    case "RECEIVED":
      return "inspect";
    case "INSPECTED":
      return needsSettling(refundStatus) ? "settle" : "refund";
    case "REFUND_REQUESTED":
      return "waitPayment";
    default:
      return "none";
  }
}

export const NEXT_ACTION_TEXT: Record<NextAction, MessageKey> = {
  decide: "actionDecide",
  waitParcel: "actionWaitParcel",
  receive: "actionReceive",
  inspect: "actionInspect",
  refund: "actionRefund",
  settle: "actionSettle",
  waitPayment: "actionWaitPayment",
  none: "actionNone",
};

/** Whether staff may mark the parcel received: approved (shop got it first) or shipped back. */
export function canMarkReceived(status: ReturnStatus): boolean {
  return status === "APPROVED" || status === "SHIPPED_BACK";
}

/** Refund states staff settle by hand: retry, or mark done with the gateway's reference. */
export function needsSettling(refundStatus: string | null | undefined): boolean {
  return refundStatus === "FAILED" || refundStatus === "UNKNOWN";
}

/** Whether staff may close the return without refund: its parcel never arrived, or nothing
 * found in it is owed (the plugin refuses to close a return whose items arrived). */
export function canClose(ret: Pick<ReturnRecord, "status" | "refundAmount">): boolean {
  return ret.status === "SHIPPED_BACK" || (ret.status === "INSPECTED" && !Number(ret.refundAmount));
}

/** Items of a line per inspection outcome, as staff split them. */
export type Split = Record<string, number>;

/** A line's split as the API's `outcomes` (only outcomes with items). */
export function outcomesInput(split: Split): { outcome: string; quantity: number }[] {
  return INSPECTION_OUTCOMES.filter((o) => (split[o] ?? 0) > 0).map((o) => ({
    outcome: o,
    quantity: split[o],
  }));
}

/** How many items a split counts (what must equal the returned quantity). */
export function splitTotal(split: Split): number {
  return Object.values(split).reduce((sum, n) => sum + n, 0);
}
