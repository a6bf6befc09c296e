export * from './constants/commitment-ladder';
export * from './constants/enums';
export * from './types/api';
