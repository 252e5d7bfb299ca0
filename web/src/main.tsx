import { QueryClientProvider } from "@tanstack/react-query";
import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { lazy, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { queryClient } from "./api/client";
import "./index.css";
import { PAGES } from "./pages";
import { Guard } from "./shell/Guard";
import Shell from "./shell/Shell";

dayjs.locale("zh-cn");

// antd's default greys, link blue and error red (a field's error message) fall below WCAG AA
// contrast (4.5:1) on white; these pass.
// Motion follows the device's "reduce motion" setting (WCAG 2.3.3).
const THEME = {
  token: {
    motion: !matchMedia("(prefers-reduced-motion: reduce)").matches,
    colorPrimary: "#1a56b0",
    colorLink: "#1a56b0",
    colorInfo: "#1a56b0",
    colorError: "#cf1322",
    colorTextSecondary: "rgba(0, 0, 0, 0.72)",
    colorTextTertiary: "rgba(0, 0, 0, 0.66)",
    colorTextDescription: "rgba(0, 0, 0, 0.66)",
  },
};

const Home = lazy(() => import("./shell/Home"));
const SignIn = lazy(() => import("./auth/SignIn"));
const Callback = lazy(() => import("./auth/Callback"));
const NotFound = lazy(() => import("./shell/NotFound"));

const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: "/", element: <Home /> },
      { path: "/sign-in", element: <SignIn /> },
      { path: "/auth/callback", element: <Callback /> },
      ...PAGES.map((p) => ({ path: p.path, element: <Guard page={p}>{<p.component />}</Guard> })),
      { path: "*", element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <App>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </App>
    </ConfigProvider>
  </StrictMode>,
);
