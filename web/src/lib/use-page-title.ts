import { useDocumentTitle } from '@mantine/hooks';

/** "Rajiv Menon · Soundings" in the tab and the history list. */
export function usePageTitle(title: string | undefined) {
  useDocumentTitle(title ? `${title} · Soundings` : 'Soundings');
}
