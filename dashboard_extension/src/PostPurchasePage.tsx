// The "Post-purchase" app page under Orders: one tab per staff task.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { Broadcast } from "./Broadcast";
import { CarrierHealth } from "./CarrierHealth";
import { Complaints } from "./Complaints";
import { useDashboard } from "./dashboard";
import { DelayCallList } from "./DelayCallList";
import type { MessageKey } from "./i18n";
import { MetricsPage } from "./Metrics";
import { ReturnsQueue } from "./ReturnsQueue";
import { Settings } from "./Settings";

type Tab = { key: MessageKey; render: () => JSX.Element; needsPlugins?: boolean };

const TABS: Tab[] = [
  { key: "tabReturns", render: () => <ReturnsQueue /> },
  { key: "tabDelays", render: () => <DelayCallList /> },
  { key: "tabBroadcast", render: () => <Broadcast /> },
  { key: "tabCarriers", render: () => <CarrierHealth /> },
  { key: "tabComplaints", render: () => <Complaints /> },
  { key: "tabMetrics", render: () => <MetricsPage /> },
  // Only for staff who may manage plugins, as Saleor's plugin page.
  { key: "tabSettings", render: () => <Settings />, needsPlugins: true },
];

export function PostPurchasePage() {
  const { t, canManagePlugins } = useDashboard();
  const tabs = TABS.filter((tab) => !tab.needsPlugins || canManagePlugins);
  const [tab, setTab] = useState(0);
  return (
    <Box padding={6}>
      <Text as="h1" size={10} fontWeight="bold" display="block" marginBottom={4}>
        {t("pageTitle")}
      </Text>
      <Box display="flex" gap={2} marginBottom={5} role="tablist" flexWrap="wrap">
        {tabs.map(({ key }, index) => (
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
      <Box role="tabpanel">{tabs[tab].render()}</Box>
    </Box>
  );
}
