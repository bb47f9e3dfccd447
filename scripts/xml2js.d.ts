// xml2js comes with office-addin-manifest; only the one function the manifest checks use is declared.
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: { strict?: boolean }): Promise<unknown>;
}
