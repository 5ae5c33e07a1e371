// The error render() throws for a front-matter error or an input over the size limit (index.d.ts). Written
// once: index.js exports this class, and the build makes its CommonJS copy (dist/broadsheet-error.cjs) for
// index.cjs, which needs the class before the ES module is loaded.

/** A front-matter or input error reported by the core. */
export class BroadsheetError extends Error {
  constructor(reason, line = 0, column = 0) {
    super(line > 0 ? `${line}:${column}: ${reason}` : reason);
    this.name = 'BroadsheetError';
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}
