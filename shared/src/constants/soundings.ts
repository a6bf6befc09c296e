/** How many of a champion's own soundings their page lists (the total is always given). */
export const CONDUCTED_SOUNDINGS_SHOWN = 20;
