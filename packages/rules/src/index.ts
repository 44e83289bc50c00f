export type { PackErrorCode } from './pack-error.js';
export { PackError } from './pack-error.js';
export type { PackName } from './packs.js';
export { defaultPacks, isPackName, loadPack, loadPacks, packFixturePaths, packNames, packPath } from './packs.js';
