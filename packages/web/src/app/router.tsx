import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { Spin } from "antd";
import { ApplicantLayout } from "../components/applicant-layout";
import { ConsoleLayout } from "../components/console-layout";
import { RequireAuth } from "../features/auth/components/require-auth";
import { RequireAdmin } from "../features/console/components/require-admin";

// Pages load per route: the login page does not carry the console's code.
const LoginPage = lazy(() => import("../features/auth/pages/login-page"));
const RegisterPage = lazy(() => import("../features/auth/pages/register-page"));
const ForgotPasswordPage = lazy(() => import("../features/auth/pages/forgot-password-page"));
const ResetPasswordPage = lazy(() => import("../features/auth/pages/reset-password-page"));
const AccountPage = lazy(() => import("../features/auth/pages/account-page"));
const DashboardPage = lazy(() => import("../features/dashboard/pages/dashboard-page"));
const NewFilingPage = lazy(() => import("../features/dashboard/pages/new-filing-page"));
const FilingEditPage = lazy(() => import("../features/filing/pages/filing-edit-page"));
const FilingStatusPage = lazy(() => import("../features/filing/pages/filing-status-page"));
const SpecialWebsitesPage = lazy(() => import("../features/special-websites/pages/special-websites-page"));
const QueuePage = lazy(() => import("../features/console/pages/queue-page"));
const UsersPage = lazy(() => import("../features/console/pages/users-page"));
const ReviewPage = lazy(() => import("../features/console/pages/review-page"));
const SpecialWebsitesReviewListPage = lazy(() => import("../features/console/pages/special-websites-page"));
const SpecialWebsiteReviewPage = lazy(() => import("../features/console/pages/special-website-page"));
const ReasonTemplatesPage = lazy(() => import("../features/console/pages/reason-templates-page"));
const ProvincePoliciesPage = lazy(() => import("../features/console/pages/province-policies-page"));
const NotificationTemplatesPage = lazy(() => import("../features/console/pages/notification-templates-page"));
const DeliveriesPage = lazy(() => import("../features/console/pages/deliveries-page"));
// The public help center (R-HELP-1): its own chunk, with its own nested routes.
const HelpApp = lazy(() => import("../features/help/help-app"));

const page = (node: ReactNode) => <Suspense fallback={<Spin style={{ display: "block", margin: "20vh auto" }} />}>{node}</Suspense>;
const adminPage = (node: ReactNode) => page(<RequireAdmin>{node}</RequireAdmin>);

export const router = createBrowserRouter([
  { path: "/login", element: page(<LoginPage />) },
  { path: "/register", element: page(<RegisterPage />) },
  { path: "/forgot-password", element: page(<ForgotPasswordPage />) },
  { path: "/reset-password", element: page(<ResetPasswordPage />) },
  { path: "/help/*", element: page(<HelpApp />) },
  {
    path: "/",
    element: (
      <RequireAuth area="portal">
        <ApplicantLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: page(<DashboardPage />) },
      { path: "filings/new", element: page(<NewFilingPage />) },
      { path: "filings/:id/edit", element: page(<FilingEditPage />) },
      { path: "filings/:id", element: page(<FilingStatusPage />) },
      { path: "special-websites", element: page(<SpecialWebsitesPage />) },
      { path: "account", element: page(<AccountPage />) },
    ],
  },
  {
    path: "/console",
    element: (
      <RequireAuth area="console">
        <ConsoleLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: page(<QueuePage />) },
      { path: "users", element: adminPage(<UsersPage />) },
      { path: "reason-templates", element: adminPage(<ReasonTemplatesPage />) },
      { path: "provinces", element: adminPage(<ProvincePoliciesPage />) },
      { path: "notification-templates", element: adminPage(<NotificationTemplatesPage />) },
      { path: "notifications", element: adminPage(<DeliveriesPage />) },
      { path: "filings/:id", element: page(<ReviewPage />) },
      { path: "special-websites", element: page(<SpecialWebsitesReviewListPage />) },
      { path: "special-websites/:id", element: page(<SpecialWebsiteReviewPage />) },
    ],
  },
  { path: "*", element: <Navigate to="/" replace /> },
]);
