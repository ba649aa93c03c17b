// Usage: node expressions.mjs CASES.json — CASES is {"contexts": {...}, "expressions": [...]}; prints one JSON object per
// expression, in order: {"expression", "text", "truthy"} as GitHub's own expression library evaluates it, or {"expression", "error"}.
import { readFile } from "node:fs/promises";
import { Lexer, Parser, Evaluator, data } from "@actions/expressions";

const cases = JSON.parse(await readFile(process.argv[2], "utf8"));
const contexts = JSON.parse(JSON.stringify(cases.contexts), data.reviver);
const names = Object.keys(cases.contexts);
for (const expression of cases.expressions) {
  try {
    const lexed = new Lexer(expression).lex();
    const parsed = new Parser(lexed.tokens, names, []).parse();
    const result = new Evaluator(parsed, contexts).evaluate();
    console.log(JSON.stringify({ expression, text: result.coerceString(), truthy: truthy(result) }));
  } catch (e) {
    console.log(JSON.stringify({ expression, error: String(e.message ?? e) }));
  }
}

function truthy(value) {
  switch (value.kind) {
    case data.Kind.Null: return false;
    case data.Kind.Boolean: return value.value;
    case data.Kind.Number: return value.value !== 0 && !Number.isNaN(value.value);
    case data.Kind.String: return value.value.length > 0;
    default: return true;
  }
}
