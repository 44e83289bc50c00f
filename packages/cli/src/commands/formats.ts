import { ManifestFormatSchema } from '@cargorisk/manifest';

/** Every format the model names; whether this build reads one is the manifest package's answer. */
export const FORMATS = ManifestFormatSchema.options;
