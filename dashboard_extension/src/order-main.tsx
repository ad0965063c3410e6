// Entry of the order page's extension (widget, or popup on Saleor 3.21).
import "@saleor/macaw-ui/style";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { DashboardRoot } from "./dashboard";
import { OrderWidget, orderIdFromUrl } from "./OrderWidget";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <DashboardRoot>
      <OrderWidget orderId={orderIdFromUrl(window.location.href)} />
    </DashboardRoot>
  </StrictMode>,
);
