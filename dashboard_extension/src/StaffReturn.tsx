// "Create a return for the customer": the same request as the customer's, under the same
// policy (window, returnable products, reasons), made by staff from the order page.
import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { raiseMutationErrors, type MutationError } from "./api";
import { useDashboard } from "./dashboard";
import { label } from "./labels";
import { Async, Choice, Failure, useLoad } from "./ui";

type EligibleLine = {
  orderLineId: string;
  productName: string;
  variantName: string;
  returnableQuantity: number;
  notReturnableReason: string | null;
};
type Options = {
  returnEligibility: { lines: EligibleLine[] } | null;
  returnPolicy: { reasons: { code: string }[]; resolutions: { code: string }[] };
};

const OPTIONS = `query ReturnOptions($id: ID!) {
  returnEligibility(id: $id) {
    lines { orderLineId productName variantName returnableQuantity notReturnableReason }
  }
  returnPolicy { reasons { code } resolutions { code } }
}`;
const REQUEST = `mutation StaffReturn($id: ID!, $input: RequestReturnInput!) {
  requestReturn(id: $id, input: $input) { return { rma } errors { field code message } }
}`;

/** The request's lines: each order line with a quantity above zero. */
export function requestedLines(quantities: Record<string, number>) {
  return Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
}

export function StaffReturn({ orderId, onCreated }: { orderId: string; onCreated: () => void }) {
  const { request, t } = useDashboard();
  const [created, setCreated] = useState<string[]>([]);
  // After each return the form starts again from what is still returnable.
  const loaded = useLoad(
    () => request<Options>(OPTIONS, { id: orderId }),
    `${orderId}:${created.length}`,
  );
  return (
    <Box data-testid="staff-return">
      {created.length > 0 && (
        <Text display="block" color="success1" data-testid="return-created">
          {t("returnCreated", { rma: created[created.length - 1] })}
        </Text>
      )}
      <Async t={t} loaded={loaded}>
        {(options) => (
          <StaffReturnForm
            key={created.length}
            orderId={orderId}
            options={options}
            onCreated={(rma) => {
              setCreated([...created, rma]);
              onCreated();
            }}
          />
        )}
      </Async>
    </Box>
  );
}

function StaffReturnForm({
  orderId,
  options,
  onCreated,
}: {
  orderId: string;
  options: Options;
  onCreated: (rma: string) => void;
}) {
  const { request, t, language } = useDashboard();
  const lines = options.returnEligibility?.lines ?? [];
  const reasons = options.returnPolicy.reasons.map((r) => r.code);
  const resolutions = options.returnPolicy.resolutions.map((r) => r.code);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState(reasons[0] ?? "");
  const [resolution, setResolution] = useState(resolutions[0] ?? "");
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const returnable = lines.filter((line) => line.returnableQuantity > 0);
  const wanted = requestedLines(quantities);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const input = { lines: wanted, reason, resolution, comment };
      const data = await request<{
        requestReturn: { return: { rma: string } | null; errors: MutationError[] };
      }>(REQUEST, { id: orderId, input });
      raiseMutationErrors(data.requestReturn);
      onCreated(data.requestReturn.return?.rma ?? "");
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box>
      {lines
        .filter((line) => line.returnableQuantity === 0 && line.notReturnableReason)
        .map((line) => (
          <Text key={line.orderLineId} size={2} color="default2" display="block">
            {t("notReturnable", {
              product: line.productName,
              reason: label(language, "notReturnable", line.notReturnableReason),
            })}
          </Text>
        ))}
      {returnable.length === 0 ? (
        <Text color="default2" display="block" data-testid="nothing-returnable">
          {t("nothingReturnable")}
        </Text>
      ) : (
        <Box display="flex" flexDirection="column" gap={3} marginTop={2}>
          {returnable.map((line) => (
            <Choice
              key={line.orderLineId}
              id={`quantity-${line.orderLineId}`}
              label={t("quantityOf", { product: line.productName, max: line.returnableQuantity })}
              value={String(quantities[line.orderLineId] ?? 0)}
              onChange={(value) => setQuantities({ ...quantities, [line.orderLineId]: Number(value) })}
              options={Array.from({ length: line.returnableQuantity + 1 }, (_, n) => ({
                value: String(n),
                label: String(n),
              }))}
            />
          ))}
          <Box display="flex" gap={3} flexWrap="wrap" alignItems="flex-end">
            <Choice
              id="staff-return-reason"
              label={t("reason")}
              value={reason}
              onChange={setReason}
              options={reasons.map((r) => ({ value: r, label: label(language, "returnReason", r) }))}
            />
            <Choice
              id="staff-return-resolution"
              label={t("resolution")}
              value={resolution}
              onChange={setResolution}
              options={resolutions.map((r) => ({ value: r, label: label(language, "resolution", r) }))}
            />
            <Input
              label={t("callNote")}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              size="small"
            />
            <Button disabled={busy || wanted.length === 0} onClick={submit}>
              {t("createReturnButton")}
            </Button>
          </Box>
          {wanted.length === 0 && (
            <Text size={2} color="default2">
              {t("chooseQuantity")}
            </Text>
          )}
        </Box>
      )}
      {error && <Failure t={t} error={error} />}
    </Box>
  );
}
