import type { Plugin } from 'vite';

export declare function mantineClasses(text: string): Set<string>;
export declare function missingMantineClasses(scripts: string[], stylesheets: string[]): string[];
export declare function sheetsFor(used: Set<string>, stylesDir: string): string[];
export declare function mantineCssGuard(): Plugin;
