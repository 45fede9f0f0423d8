/**
 * `node:fs` for the page. The report's modules the page reuses (dist/cli/snapshot.js, loanBook.js,
 * candles.js) import `readFileSync` for their Node `load…(file)` functions; the page calls only their
 * pure `parse…(text)` twins, on text it fetched or the user dropped. Vite's own stand-in for a Node
 * built-in throws as soon as the import is bound in the dev server, so the page config maps `node:fs`
 * here: the import binds, and a call (which the page never makes) fails with a clear message.
 */
export function readFileSync(path: unknown): never {
  throw new Error(`no file system in the browser (readFileSync(${String(path)})): pass the file's text to the parse… functions`);
}
