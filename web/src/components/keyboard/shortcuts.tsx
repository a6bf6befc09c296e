import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

// The list of keys is a dialog nobody needs until they press "?": it loads then.
const ShortcutHelp = lazy(() => import('./shortcut-help').then((module) => ({ default: module.ShortcutHelp })));

/** One key a page (or the app) answers to, and what it does in the product's words. */
export interface Shortcut {
  /** A single printable key as `KeyboardEvent.key` reports it: `n`, `?`. */
  keyName: string;
  description: string;
  run: () => void;
}

interface ShortcutRegistry {
  register: (id: symbol, shortcut: Shortcut) => () => void;
  openHelp: () => void;
}

const ShortcutContext = createContext<ShortcutRegistry | null>(null);

/** Keys shown in the help that the app itself handles (the palette listens for its own). */
export const APP_KEYS: { keys: string[]; description: string }[] = [
  { keys: ['Ctrl', 'K'], description: 'Jump to a person or a page (⌘ K on a Mac)' },
  { keys: ['?'], description: 'Show these shortcuts' },
];

/**
 * True when a key press belongs to what the person is typing or operating: a field, an editable area, a
 * listbox or menu, or a dialog. Single-key shortcuts then stay out of the way.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return target.closest('[role="dialog"], [role="listbox"], [role="menu"], [role="combobox"], [role="textbox"]') !== null;
}

/**
 * Listens for single-key shortcuts on the whole page: `?` opens the list of them, and each page adds its own
 * with `useShortcut`. Keys pressed with Ctrl, Alt or ⌘, or while typing, are left alone.
 */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const shortcuts = useRef(new Map<symbol, Shortcut>());
  const [listed, setListed] = useState<Shortcut[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);

  const register = useCallback((id: symbol, shortcut: Shortcut) => {
    shortcuts.current.set(id, shortcut);
    setListed([...shortcuts.current.values()]);
    return () => {
      shortcuts.current.delete(id);
      setListed([...shortcuts.current.values()]);
    };
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (isTypingTarget(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      const match = [...shortcuts.current.values()].find((shortcut) => shortcut.keyName === event.key);
      if (match) {
        event.preventDefault();
        match.run();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const registry = useMemo(() => ({ register, openHelp: () => setHelpOpen(true) }), [register]);
  return (
    <ShortcutContext.Provider value={registry}>
      {children}
      {helpOpen && (
        <Suspense>
          <ShortcutHelp opened onClose={() => setHelpOpen(false)} pageShortcuts={listed} />
        </Suspense>
      )}
    </ShortcutContext.Provider>
  );
}

/** Adds a key to the page while the calling component is on screen; outside the app shell it does nothing. */
export function useShortcut(shortcut: Shortcut) {
  const registry = useContext(ShortcutContext);
  const latest = useRef(shortcut);
  latest.current = shortcut;
  const { keyName, description } = shortcut;
  useEffect(() => {
    if (!registry) return undefined;
    return registry.register(Symbol(keyName), { keyName, description, run: () => latest.current.run() });
  }, [registry, keyName, description]);
}

/** `useShortcut` as an element, for a page that offers a key only in some states (after its early returns). */
export function PageShortcut(props: Shortcut) {
  useShortcut(props);
  return null;
}

/** Opens the list of shortcuts, for a button that offers it. */
export function useShortcutHelp(): (() => void) | undefined {
  return useContext(ShortcutContext)?.openHelp;
}

