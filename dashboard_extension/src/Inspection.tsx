// The inspection of a received return: per line, how many items are resellable, defective,
// damaged or missing; the counts must add up to the items returned before it can be saved.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useDashboard } from "./dashboard";
import { label } from "./labels";
import {
  INSPECTION_OUTCOMES,
  outcomesInput,
  splitTotal,
  type ReturnLine,
  type Split,
} from "./returns";

export type InspectionLine = { lineId: string; outcomes: ReturnType<typeof outcomesInput> };

export function Inspection({
  lines,
  busy,
  inspect,
}: {
  lines: ReturnLine[];
  busy: boolean;
  inspect: (lines: InspectionLine[]) => void;
}) {
  const { t, language } = useDashboard();
  const [splits, setSplits] = useState<Record<string, Split>>({});
  // Until staff say otherwise, every item is resellable.
  const splitOf = (line: ReturnLine): Split => splits[line.id] ?? { RESELLABLE: line.quantity };
  const problems = lines
    .filter((line) => splitTotal(splitOf(line)) !== line.quantity)
    .map((line) =>
      t("splitMismatch", {
        product: line.productName,
        total: splitTotal(splitOf(line)),
        quantity: line.quantity,
      }),
    );
  return (
    <Box display="flex" flexDirection="column" gap={2} width="100%" data-testid="inspection">
      {lines.map((line) => (
        <Box key={line.id} display="flex" gap={3} alignItems="center" flexWrap="wrap">
          <Text fontWeight="bold">
            {line.quantity} × {line.productName}
          </Text>
          {INSPECTION_OUTCOMES.map((outcome) => {
            const name = label(language, "outcome", outcome);
            return (
              <Box as="label" key={outcome} display="flex" gap={1} alignItems="center">
                <Text size={2}>{name}</Text>
                <input
                  type="number"
                  min={0}
                  max={line.quantity}
                  style={{ width: "4em" }}
                  aria-label={t("splitOutcome", { outcome: name, product: line.productName })}
                  value={splitOf(line)[outcome] ?? 0}
                  onChange={(event) =>
                    setSplits({
                      ...splits,
                      [line.id]: {
                        ...splitOf(line),
                        [outcome]: Math.max(0, Math.floor(Number(event.target.value)) || 0),
                      },
                    })
                  }
                />
              </Box>
            );
          })}
        </Box>
      ))}
      {problems.map((problem) => (
        <Text key={problem} color="critical1" role="alert" data-testid="split-problem">
          {problem}
        </Text>
      ))}
      <Box>
        <Button
          disabled={busy || problems.length > 0}
          onClick={() =>
            inspect(lines.map((line) => ({ lineId: line.id, outcomes: outcomesInput(splitOf(line)) })))
          }
        >
          {t("inspect")}
        </Button>
      </Box>
    </Box>
  );
}
