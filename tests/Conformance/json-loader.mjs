// @actions/workflow-parser imports its JSON schema without an import attribute, which bundlers accept and Node does not;
// this hook gives .json modules the attribute.
export async function load(url, context, nextLoad) {
  if (url.endsWith(".json")) return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  return nextLoad(url, context);
}
