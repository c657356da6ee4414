/**
 * Where the worker finds a class: a module and one of its exports.
 * @public
 */
export interface SyncModuleLocation {
  /**
   * The module the worker imports: a package name (`"@azkit/storage-blob"`), a `file:` URL, or
   * a relative specifier resolved from `resolveFrom`. Give this or `modulePath`.
   */
  moduleSpecifier?: string | URL;
  /** An absolute file path of the module, instead of `moduleSpecifier`. */
  modulePath?: string;
  /**
   * Where a package name or relative specifier is resolved from: pass `import.meta.url` of the
   * module calling this. Defaults to the current directory.
   */
  resolveFrom?: string | URL;
  /** The module's export that is the class. */
  exportName: string;
}
