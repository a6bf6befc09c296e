import { lazy, Suspense, useState, type ComponentType } from 'react';

/**
 * A dialog whose code (its form, date picker, selects) loads the first time it opens instead of with the page
 * that offers it. Once loaded it stays mounted, so closing it animates and returns focus as any dialog does.
 */
export function lazyDialog<P extends { opened: boolean }>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Dialog = lazy(() => load().then((component) => ({ default: component })));
  function LazyDialog(props: P) {
    const [wanted, setWanted] = useState(props.opened);
    if (props.opened && !wanted) setWanted(true);
    if (!wanted) return null;
    return (
      <Suspense fallback={null}>
        <Dialog {...props} />
      </Suspense>
    );
  }
  return LazyDialog;
}
