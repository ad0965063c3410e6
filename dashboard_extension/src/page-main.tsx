// Entry of the Post-purchase app page.
import "@saleor/macaw-ui/style";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { DashboardRoot } from "./dashboard";
import { PostPurchasePage } from "./PostPurchasePage";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <DashboardRoot>
      <PostPurchasePage />
    </DashboardRoot>
  </StrictMode>,
);
