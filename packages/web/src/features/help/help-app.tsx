import { lazy, Suspense, type ReactNode } from "react";
import { Spin } from "antd";
import { Navigate, Route, Routes } from "react-router";
import { HelpLayout } from "./components/help-layout";

// Each help page is its own chunk too; the whole help center loads only under /help.
const HomePage = lazy(() => import("./pages/home-page"));
const ProcessPage = lazy(() => import("./pages/process-page"));
const MaterialsPage = lazy(() => import("./pages/materials-page"));
const PhotoPage = lazy(() => import("./pages/photo-page"));
const SmsPage = lazy(() => import("./pages/sms-page"));
const ProvincesPage = lazy(() => import("./pages/provinces-page"));
const ProvincePage = lazy(() => import("./pages/province-page"));
const SiteNamesPage = lazy(() => import("./pages/site-names-page"));
const FindingsPage = lazy(() => import("./pages/findings-page"));

const page = (node: ReactNode) => <Suspense fallback={<Spin style={{ display: "block", margin: "10vh auto" }} />}>{node}</Suspense>;

/** /help/*: the public help center's own routes, mounted by the app router as one lazy route. */
export default function HelpApp() {
  return (
    <Routes>
      <Route element={<HelpLayout />}>
        <Route index element={page(<HomePage />)} />
        <Route path="process" element={page(<ProcessPage />)} />
        <Route path="materials" element={page(<MaterialsPage />)} />
        <Route path="photo" element={page(<PhotoPage />)} />
        <Route path="sms" element={page(<SmsPage />)} />
        <Route path="provinces" element={page(<ProvincesPage />)} />
        <Route path="provinces/:key" element={page(<ProvincePage />)} />
        <Route path="site-names" element={page(<SiteNamesPage />)} />
        <Route path="findings" element={page(<FindingsPage />)} />
        <Route path="*" element={<Navigate to="/help" replace />} />
      </Route>
    </Routes>
  );
}
