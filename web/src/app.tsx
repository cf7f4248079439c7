import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Session } from './api.js';
import { Link } from './components/link.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { EvidencePage } from './pages/evidence-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { ParticipantPage } from './pages/participant-page.js';
import { StudiesPage } from './pages/studies-page.js';
import { navigate, parseRoute, useHash, type Route } from './router.js';
import { SessionContext } from './session.js';
import { can } from '../../src/access/index.js';

// The screening and visit pages carry the eligibility and instrument modules: loaded when opened.
const ScreeningPage = lazy(() => import('./pages/screening-page.js').then((m) => ({ default: m.ScreeningPage })));
const DispensingPage = lazy(() => import('./pages/dispensing-page.js').then((m) => ({ default: m.DispensingPage })));
const AnalysisPage = lazy(() => import('./pages/analysis-page.js').then((m) => ({ default: m.AnalysisPage })));
const VisitFormPage = lazy(() => import('./pages/visit-form-page.js').then((m) => ({ default: m.VisitFormPage })));
// The Administration area and the password page serve the administrator, and each user now and then.
const AdminPage = lazy(() => import('./pages/admin/admin-page.js').then((m) => ({ default: m.AdminPage })));
const PasswordPage = lazy(() => import('./pages/admin/password-page.js').then((m) => ({ default: m.PasswordPage })));
// The review page (audit trail, exports) serves a few study-wide roles only.
const ReviewPage = lazy(() => import('./pages/review-page.js').then((m) => ({ default: m.ReviewPage })));
const CriteriaEditorPage = lazy(() => import('./pages/criteria-editor-page.js').then((m) => ({ default: m.CriteriaEditorPage })));

type Auth = { readonly kind: 'checking' } | { readonly kind: 'signed-out' } | { readonly kind: 'signed-in'; readonly session: Session };

export function App() {
  const route = parseRoute(useHash());
  const [auth, setAuth] = useState<Auth>({ kind: 'checking' });

  useEffect(() => {
    api.me().then(
      (session) => setAuth({ kind: 'signed-in', session }),
      (err: unknown) => {
        if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
        setAuth({ kind: 'signed-out' });
      },
    );
  }, []);

  const signOut = useCallback(() => {
    void api.logout().finally(() => {
      setAuth({ kind: 'signed-out' });
      navigate({ kind: 'login' });
    });
  }, []);

  if (auth.kind === 'checking') return <p role="status">Loading…</p>;
  if (auth.kind === 'signed-out') {
    return (
      <main id="main">
        <LoginPage
          onSignedIn={(session) => {
            setAuth({ kind: 'signed-in', session });
            if (route.kind === 'login') navigate({ kind: 'studies' });
          }}
        />
      </main>
    );
  }
  const { session } = auth;
  const reloadSession = () => void api.me().then((next) => setAuth({ kind: 'signed-in', session: next }));
  const forced = session.user.mustChangePassword === true;
  return (
    <SessionContext.Provider value={{ session, signOut }}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('page-title')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="top">
        <span className="brand">il2trials</span>
        <nav aria-label="Main">
          <Link to={{ kind: 'studies' }}>Studies</Link>
          <Link to={{ kind: 'evidence' }}>Evidence</Link>
          {can({ assignments: session.roles }, 'user.manage', {}) ? <Link to={{ kind: 'admin' }}>Administration</Link> : null}
          <Link to={{ kind: 'password' }}>Password</Link>
        </nav>
        <span className="who">
          Signed in as <strong>{session.user.displayName}</strong>
        </span>
        <button type="button" className="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        <Suspense fallback={<p role="status">Loading page…</p>}>{forced ? <PasswordPage forced onChanged={reloadSession} /> : <RoutedPage route={route} onPasswordChanged={reloadSession} />}</Suspense>
      </main>
    </SessionContext.Provider>
  );
}

function RoutedPage({ route, onPasswordChanged }: { route: Route; onPasswordChanged: () => void }) {
  switch (route.kind) {
    case 'login':
    case 'studies':
      return <StudiesPage />;
    case 'dashboard':
      return <DashboardPage key={route.studyId} studyId={route.studyId} />;
    case 'dispensing':
      return <DispensingPage key={route.studyId} studyId={route.studyId} />;
    case 'analysis':
      return <AnalysisPage key={route.studyId} studyId={route.studyId} />;
    case 'review':
      return <ReviewPage key={route.studyId} studyId={route.studyId} />;
    case 'criteria':
      return <CriteriaEditorPage key={route.studyId} studyId={route.studyId} />;
    case 'participant':
      return <ParticipantPage key={route.participantId} participantId={route.participantId} />;
    case 'screening':
      return <ScreeningPage key={route.participantId} participantId={route.participantId} />;
    case 'visit':
      return <VisitFormPage key={`${route.participantId}/${route.visitId}`} participantId={route.participantId} visitId={route.visitId} />;
    case 'evidence':
      return <EvidencePage />;
    case 'admin':
      return <AdminPage />;
    case 'password':
      return <PasswordPage forced={false} onChanged={onPasswordChanged} />;
    case 'not-found':
      return <NotFoundPage path={route.path} />;
  }
}
