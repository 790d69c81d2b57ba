import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { homePath, type Role } from '../auth/session';
import { SignIn } from '../auth/SignIn';
import { Loading } from '../ui/states';
import { Layout } from './Layout';

// Each screen is its own chunk: the first load carries only the frame and the sign-in.
const QueueScreen = lazy(() => import('../queue/QueueScreen'));
const RequestScreen = lazy(() => import('../requests/RequestScreen'));
const PartnerRequestsScreen = lazy(() => import('../requests/PartnerRequestsScreen'));
const NewRequestScreen = lazy(() => import('../requests/NewRequestScreen'));
const SearchScreen = lazy(() => import('../search/SearchScreen'));
const ProfessionalsScreen = lazy(() => import('../professionals/ProfessionalsScreen'));
const ProfessionalScreen = lazy(() => import('../professionals/ProfessionalScreen'));
const CapacityScreen = lazy(() => import('../capacity/CapacityScreen'));
const StatementScreen = lazy(() => import('../statements/StatementScreen'));
const NotificationsScreen = lazy(() => import('../notifications/NotificationsScreen'));
const WebhooksScreen = lazy(() => import('../webhooks/WebhooksScreen'));
const WebhookScreen = lazy(() => import('../webhooks/WebhookScreen'));
const NotFound = lazy(() => import('./NotFound'));

/** Signed in with one of `roles`, or sent to sign-in (and back here after). */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  if (!roles.includes(session.role)) return <NotFound />;
  return children;
}

const coordinator: Role[] = ['coordinator'];
const partner: Role[] = ['partner'];
const both: Role[] = ['coordinator', 'partner'];

function Home() {
  const { session } = useAuth();
  return <Navigate to={session ? homePath(session.role) : '/signin'} replace />;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/signin" element={<SignIn />} />
        <Route
          element={
            <RequireRole roles={both}>
              <Layout />
            </RequireRole>
          }
        >
          <Route index element={<Home />} />
          <Route path="queue" element={<RequireRole roles={coordinator}><QueueScreen /></RequireRole>} />
          <Route path="requests" element={<RequireRole roles={partner}><PartnerRequestsScreen /></RequireRole>} />
          <Route path="requests/new" element={<RequireRole roles={partner}><NewRequestScreen /></RequireRole>} />
          <Route path="requests/:id" element={<RequestScreen />} />
          <Route path="search" element={<RequireRole roles={coordinator}><SearchScreen /></RequireRole>} />
          <Route path="professionals" element={<RequireRole roles={coordinator}><ProfessionalsScreen /></RequireRole>} />
          <Route path="professionals/new" element={<RequireRole roles={coordinator}><ProfessionalScreen /></RequireRole>} />
          <Route path="professionals/:id" element={<RequireRole roles={coordinator}><ProfessionalScreen /></RequireRole>} />
          <Route path="capacity" element={<RequireRole roles={coordinator}><CapacityScreen /></RequireRole>} />
          <Route path="statements" element={<StatementScreen />} />
          <Route path="notifications" element={<RequireRole roles={coordinator}><NotificationsScreen /></RequireRole>} />
          <Route path="webhooks" element={<RequireRole roles={partner}><WebhooksScreen /></RequireRole>} />
          <Route path="webhooks/:id" element={<RequireRole roles={partner}><WebhookScreen /></RequireRole>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
