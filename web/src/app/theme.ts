import { createTheme, defaultVariantColorsResolver, type CSSVariablesResolver, type MantineColor, type VariantColorsResolver } from '@mantine/core';

/** Hues whose shade 9 still reads at 4.5:1 on their own light tint; the others take the text colour. */
const DEEP_HUES = new Set(['indigo', 'blue', 'violet', 'grape', 'pink', 'red', 'dark']);

/** Hues so light that white never reads on them: a filled one keeps its colour and takes black text. */
const BRIGHT_HUES = new Set(['yellow', 'lime', 'orange']);

const FILLED_GREEN = '#237a36';

export const SYSTEM_SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * White on a filled shade 7 is below AA for most hues (cyan 3.4:1, red 3.9:1, lime 2.4:1). Indigo (the primary
 * colour, 5.9:1) stays; bright hues take black text on shade 6 (8:1 and more); the rest fill with shade 9 (teal 4.9:1, cyan 5.6:1, red 5.9:1).
 */
function filledColors(hue: string, resolved: ReturnType<VariantColorsResolver>) {
  if (hue === 'indigo' || hue === 'dark') return resolved;
  if (BRIGHT_HUES.has(hue)) {
    const background = `var(--mantine-color-${hue}-6)`;
    return { ...resolved, background, hover: `var(--mantine-color-${hue}-7)`, color: 'var(--mantine-color-black)', hoverColor: 'var(--mantine-color-black)' };
  }
  // Hover stays on shade 9: white on shade 8 drops below AA for green, teal and cyan. Green's shade 9
  // (#2b8a3e) is itself 4.4:1 under white, so a filled green takes a deeper green (5.4:1).
  const background = hue === 'green' ? FILLED_GREEN : `var(--mantine-color-${hue}-9)`;
  return { ...resolved, background, hover: background, color: 'var(--mantine-color-white)' };
}

/**
 * A light or subtle button's label in shade 6 of its colour is below WCAG AA on its tint (indigo 3.8:1, red
 * 2.9:1, teal 2.3:1). Deep hues read in shade 9 (indigo 6.0:1, red 4.9:1); the rest in the text colour, with the
 * tint carrying the hue.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  const hue = input.color ?? input.theme.primaryColor;
  if (!(hue in input.theme.colors)) return resolved;
  if (input.variant === 'filled') return filledColors(hue, resolved);
  if (input.variant !== 'light' && input.variant !== 'subtle') return resolved;
  const color = DEEP_HUES.has(hue) ? `var(--mantine-color-${hue}-9)` : 'var(--mantine-color-text)';
  return { ...resolved, color, hoverColor: color };
};

const PAGINATION_CONTROL_NAMES = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const;

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  // The system's own sans-serif: no font file to fetch before the text can settle, so the largest text paints once.
  fontFamily: SYSTEM_SANS,
  headings: {
    fontFamily: SYSTEM_SANS,
    fontWeight: '650',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  variantColorResolver,
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    // A link inside a sentence must stand out by more than its colour (WCAG 1.4.1): always underlined.
    Anchor: { defaultProps: { underline: 'always' } },
    // A toast's text in Mantine's grey (gray.6, 3.3:1) is below AA; it reads in the text colour.
    Notification: { styles: { description: { color: 'var(--mantine-color-text)' } } },
    Paper: { defaultProps: { radius: 'md' } },
    // A light or outline badge's label in its own colour is below WCAG AA for most ladder colours (green, lime and
    // teal even at shade 9); the tint or the border carries the colour, the label reads in the text colour.
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: (_theme: unknown, props: { variant?: string }) =>
        props.variant === 'light' || props.variant === 'outline' ? { root: { color: 'var(--mantine-color-text)' } } : {},
    },
    // The active item's tint leaves the description's own colour below AA; dimmed text stays above it.
    NavLink: { styles: { description: { color: 'var(--mantine-color-dimmed)' } } },
    // A light alert's title in its own colour (orange, even at shade 9) is below WCAG AA on the tinted
    // background; the icon and the tint carry the colour, the title reads in the text colour.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
    // Every dialog's close button is an icon: it needs a name a screen reader can say.
    Modal: {
      defaultProps: {
        radius: 'md',
        centered: true,
        overlayProps: { backgroundOpacity: 0.4, blur: 2 },
        closeButtonProps: { 'aria-label': 'Close' },
      },
    },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    CloseButton: { defaultProps: { 'aria-label': 'Close' } },
    // The arrows and page numbers are icons and bare digits: name them.
    Pagination: {
      defaultProps: {
        getControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({ 'aria-label': PAGINATION_CONTROL_NAMES[control] }),
        getItemProps: (page: number) => ({ 'aria-label': `Page ${page}` }),
      },
    },
  },
});

/**
 * Mantine's dimmed text (gray.6 on white, 3.3:1) is below WCAG AA for body text; gray.7 keeps the
 * quieter look at 7:1. Its field-error red (red.6, 3.3:1) is too; red.9 reads at 5.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  // Links in indigo.8 stay above AA on the grey toolbars and tints too (indigo.7 is 4.47:1 on gray.0/1).
  light: { '--mantine-color-dimmed': resolved.colors.gray[7], '--mantine-color-error': resolved.colors.red[9], '--mantine-color-anchor': resolved.colors.indigo[8] },
  dark: {},
});

/** The commitment ladder names its colours; this turns one into a Mantine colour key. */
export function ladderColor(color: string): MantineColor {
  return color as MantineColor;
}
