// Usage: node cyclonedx.mjs FILE... — validates CycloneDX 1.6 JSON with the CycloneDX library's own strict validator
// (its bundled published schemas); prints one JSON object per file: {"file", "errors": [...]}; exits 1 when any is invalid.
import { readFile } from "node:fs/promises";
import { Spec, Validation } from "@cyclonedx/cyclonedx-library";

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
let failed = false;
for (const file of process.argv.slice(2)) {
  const result = await validator.validate(await readFile(file, "utf8"));
  const errors = result === null ? [] : result.map(e => `${e.instancePath || "/"} ${e.message}`);
  if (errors.length > 0) failed = true;
  console.log(JSON.stringify({ file, errors }));
}
process.exit(failed ? 1 : 0);
