import { QueryClientProvider } from "@tanstack/react-query";
import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { lazy, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { queryClient } from "./api/client";
import { PAGES } from "./pages";
import { Guard } from "./shell/Guard";
import Shell from "./shell/Shell";

dayjs.locale("zh-cn");

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
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: "#1f5fbf" } }}>
      <App>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </App>
    </ConfigProvider>
  </StrictMode>,
);
