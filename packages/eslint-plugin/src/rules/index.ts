import noMagicHttpStatus from './no-magic-http-status.js';

/** Every rule of the plugin, by id (the id is also the file name and the doc page name). */
export const rules = {
  'no-magic-http-status': noMagicHttpStatus,
};
