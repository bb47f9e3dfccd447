declare const __APP_VERSION__: string;

/** package.json's version: webpack's DefinePlugin writes it into the bundle, jest's globals into the tests. */
export const APP_VERSION: string = __APP_VERSION__;
