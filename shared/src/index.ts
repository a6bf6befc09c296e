export * from './constants/commitment-ladder';
export * from './constants/enums';
export * from './types/api';
export * from './constants/briefings';
export * from './constants/meetings';
export * from './types/briefings';
export * from './types/meetings';
