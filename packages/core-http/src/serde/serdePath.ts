const identifier = /^[A-Za-z_$][\w$]*$/;

/** @internal Formats a path as code would write it: `parameters.properties.accessPolicies[0]["odata.type"]`. */
export function formatPath(root: string, segments: readonly (string | number)[]): string {
  let path = root;
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (identifier.test(segment)) path += path === "" ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}
