import type { ReactNode } from 'react';
import { href, type Route } from '../router.js';

export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  return (
    <a href={href(to)} className={className}>
      {children}
    </a>
  );
}
