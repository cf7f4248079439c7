import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: the URL after `#` names the page. Hash routes need nothing from the server
 * (any static host works), and a reload keeps the page.
 */
export type Route =
  | { readonly kind: 'login' }
  | { readonly kind: 'studies' }
  | { readonly kind: 'dashboard'; readonly studyId: string }
  | { readonly kind: 'dispensing'; readonly studyId: string }
  | { readonly kind: 'analysis'; readonly studyId: string }
  | { readonly kind: 'review'; readonly studyId: string }
  | { readonly kind: 'criteria'; readonly studyId: string }
  | { readonly kind: 'screening'; readonly participantId: string }
  | { readonly kind: 'participant'; readonly participantId: string }
  | { readonly kind: 'visit'; readonly participantId: string; readonly visitId: string }
  | { readonly kind: 'evidence' }
  | { readonly kind: 'admin' }
  | { readonly kind: 'password' }
  | { readonly kind: 'not-found'; readonly path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d] = parts;
  if (parts.length === 0) return { kind: 'studies' };
  if (parts.length === 1 && a === 'login') return { kind: 'login' };
  if (parts.length === 1 && a === 'studies') return { kind: 'studies' };
  if (parts.length === 1 && a === 'evidence') return { kind: 'evidence' };
  if (parts.length === 1 && (a === 'admin' || a === 'password')) return { kind: a };
  if (parts.length === 2 && a === 'studies' && b) return { kind: 'dashboard', studyId: b };
  if (parts.length === 3 && a === 'studies' && b && c === 'dispensing') return { kind: 'dispensing', studyId: b };
  if (parts.length === 3 && a === 'studies' && b && c === 'analysis') return { kind: 'analysis', studyId: b };
  if (parts.length === 3 && a === 'studies' && b && c === 'review') return { kind: 'review', studyId: b };
  if (parts.length === 3 && a === 'studies' && b && c === 'criteria') return { kind: 'criteria', studyId: b };
  if (parts.length === 2 && a === 'participants' && b) return { kind: 'participant', participantId: b };
  if (parts.length === 3 && a === 'participants' && b && c === 'screening') return { kind: 'screening', participantId: b };
  if (parts.length === 4 && a === 'participants' && b && c === 'visits' && d) {
    return { kind: 'visit', participantId: b, visitId: d };
  }
  return { kind: 'not-found', path };
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.kind) {
    case 'login':
      return '#/login';
    case 'studies':
      return '#/studies';
    case 'evidence':
      return '#/evidence';
    case 'admin':
      return '#/admin';
    case 'password':
      return '#/password';
    case 'dashboard':
      return `#/studies/${e(route.studyId)}`;
    case 'dispensing':
      return `#/studies/${e(route.studyId)}/dispensing`;
    case 'analysis':
      return `#/studies/${e(route.studyId)}/analysis`;
    case 'review':
      return `#/studies/${e(route.studyId)}/review`;
    case 'criteria':
      return `#/studies/${e(route.studyId)}/criteria`;
    case 'participant':
      return `#/participants/${e(route.participantId)}`;
    case 'screening':
      return `#/participants/${e(route.participantId)}/screening`;
    case 'visit':
      return `#/participants/${e(route.participantId)}/visits/${e(route.visitId)}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}
