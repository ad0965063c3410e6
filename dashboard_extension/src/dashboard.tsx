// The extension's link to the Saleor dashboard: App Bridge's token, locale and theme.
import { AppBridge, AppBridgeProvider, useAppBridge } from "@saleor/app-sdk/app-bridge";
import { ThemeProvider } from "@saleor/macaw-ui";
import { createContext, useContext, useMemo, type ReactNode } from "react";

import { createRequest, tokenHasPermission, tokenUserId, type Request } from "./api";
import { languageOf, translator, type Language, type Translate } from "./i18n";
import { NoPermission, Waiting } from "./ui";

export type Dashboard = {
  /** The plugin's GraphQL endpoint. */
  request: Request;
  language: Language;
  t: Translate;
  /** Saleor's own API (settings are saved through its `pluginUpdate`). */
  saleor?: Request;
  /** The token carries MANAGE_PLUGINS: the settings screen is offered. */
  canManagePlugins?: boolean;
  userId?: string;
};

const DashboardContext = createContext<Dashboard | null>(null);

/** The dashboard's context for components under `<DashboardRoot>`. */
export function useDashboard(): Dashboard {
  const dashboard = useContext(DashboardContext);
  if (!dashboard) throw new Error("useDashboard used outside <DashboardRoot>");
  return dashboard;
}

/** For tests and the root: provide a ready context. */
export function DashboardProvider({ value, children }: { value: Dashboard; children: ReactNode }) {
  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}

function Connected({ children }: { children: ReactNode }) {
  const { appBridge, appBridgeState } = useAppBridge();
  const language = languageOf(appBridgeState?.locale);
  const t = useMemo(() => translator(language), [language]);
  const request = useMemo(
    // The token stays in App Bridge's memory; each call reads the current (refreshed) one.
    () => createRequest(() => appBridge?.getState().token),
    [appBridge],
  );
  const saleorApiUrl = appBridgeState?.saleorApiUrl;
  const saleor = useMemo(
    () =>
      saleorApiUrl
        ? createRequest(() => appBridge?.getState().token, undefined, saleorApiUrl)
        : undefined,
    [appBridge, saleorApiUrl],
  );
  const token = appBridgeState?.token;
  const value = useMemo(
    () => ({
      request,
      saleor,
      language,
      t,
      canManagePlugins: tokenHasPermission(token, "MANAGE_PLUGINS"),
      userId: tokenUserId(token),
    }),
    [request, saleor, language, t, token],
  );
  const theme = appBridgeState?.theme === "dark" ? "defaultDark" : "defaultLight";
  let content: ReactNode;
  if (!appBridgeState?.ready || !appBridgeState.token) {
    content = <Waiting t={t} />;
  } else if (!tokenHasPermission(appBridgeState.token, "MANAGE_ORDERS")) {
    content = <NoPermission t={t} />;
  } else {
    content = <DashboardProvider value={value}>{children}</DashboardProvider>;
  }
  return (
    <ThemeProvider defaultTheme={theme} key={theme}>
      <div lang={language}>{content}</div>
    </ThemeProvider>
  );
}

/** Wait for the dashboard's handshake, then render `children` with its context. */
export function DashboardRoot({ children }: { children: ReactNode }) {
  const appBridge = useMemo(() => new AppBridge(), []);
  return (
    <AppBridgeProvider appBridgeInstance={appBridge}>
      <Connected>{children}</Connected>
    </AppBridgeProvider>
  );
}
