// The returns queue's data: GraphQL documents and what staff do next with a return.
import type { MessageKey } from "./i18n";

export const RETURN_STATUSES = [
  "REQUESTED",
  "APPROVED",
  "SHIPPED_BACK",
  "RECEIVED",
  "INSPECTED",
  "REFUNDED",
  "CREDITED",
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
  outcome: string | null;
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
  refundAmount: string | null;
  currency: string;
  lines: ReturnLine[];
  refund: RefundRecord | null;
};

export const PAGE_SIZE = 20;

const RETURN_FIELDS = `
  id rma orderId orderNumber status statusLabel reason comment resolution isOverdue
  createdAt decisionDueAt refundAmount currency
  lines { id productName sku quantity outcome }
  refund { status amount currency reference error attempts updatedAt }
`;

export const RETURNS_QUERY = `
query Returns($filter: ReturnFilterInput, $first: Int, $offset: Int) {
  returns(filter: $filter, first: $first, offset: $offset) { ${RETURN_FIELDS} }
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

export type ReturnFilter = { status: string; reason: string; overdue: boolean };

/** The GraphQL filter of the queue's controls ("" means any). */
export function returnFilterInput(filter: ReturnFilter): Record<string, unknown> {
  return {
    ...(filter.status ? { status: [filter.status] } : {}),
    ...(filter.reason ? { reason: [filter.reason] } : {}),
    ...(filter.overdue ? { overdue: true } : {}),
  };
}

export type NextAction = "decide" | "waitParcel" | "receive" | "inspect" | "refund" | "none";

/** What staff do next with a return in `status` (follows the plugin's transitions). */
export function nextAction(status: ReturnStatus): NextAction {
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
      return "refund";
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
  none: "actionNone",
};

/** Whether staff may mark the parcel received: approved (shop got it first) or shipped back. */
export function canMarkReceived(status: ReturnStatus): boolean {
  return status === "APPROVED" || status === "SHIPPED_BACK";
}
