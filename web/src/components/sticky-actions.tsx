import { Card } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

const HEIGHT_VARIABLE = '--sticky-actions-height';

/**
 * A form's save bar, kept in view at the bottom of the window. Its height (which grows at 200 % zoom or when
 * it wraps on a phone) is written to the page's scroll padding, so a field reached by Tab scrolls clear of the
 * bar instead of hiding under it.
 */
export function StickyActions({ children }: { children: ReactNode }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element) return undefined;
    const root = document.documentElement;
    const measure = () => root.style.setProperty(HEIGHT_VARIABLE, `${Math.ceil(element.getBoundingClientRect().height) + 12}px`);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      root.style.removeProperty(HEIGHT_VARIABLE);
    };
  }, []);
  return (
    <Card ref={bar} data-sticky-actions padding="sm" style={{ position: 'sticky', bottom: 12, zIndex: 5, boxShadow: 'var(--mantine-shadow-md)' }}>
      {children}
    </Card>
  );
}
