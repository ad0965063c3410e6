// The "Post-purchase" app page under Orders: one tab per staff task.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { Broadcast } from "./Broadcast";
import { CarrierHealth } from "./CarrierHealth";
import { useDashboard } from "./dashboard";
import { DelayCallList } from "./DelayCallList";
import type { MessageKey } from "./i18n";
import { ReturnsQueue } from "./ReturnsQueue";

const TABS: { key: MessageKey; render: () => JSX.Element }[] = [
  { key: "tabReturns", render: () => <ReturnsQueue /> },
  { key: "tabDelays", render: () => <DelayCallList /> },
  { key: "tabBroadcast", render: () => <Broadcast /> },
  { key: "tabCarriers", render: () => <CarrierHealth /> },
];

export function PostPurchasePage() {
  const { t } = useDashboard();
  const [tab, setTab] = useState(0);
  return (
    <Box padding={6}>
      <Text as="h1" size={10} fontWeight="bold" display="block" marginBottom={4}>
        {t("pageTitle")}
      </Text>
      <Box display="flex" gap={2} marginBottom={5} role="tablist">
        {TABS.map(({ key }, index) => (
          <Button
            key={key}
            role="tab"
            aria-selected={index === tab}
            variant={index === tab ? "primary" : "secondary"}
            onClick={() => setTab(index)}
          >
            {t(key)}
          </Button>
        ))}
      </Box>
      <Box role="tabpanel">{TABS[tab].render()}</Box>
    </Box>
  );
}
