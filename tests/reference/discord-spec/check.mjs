// Checks every request body the Discord emulator recorded (JSON lines, one file per emulator
// instance) against the Zod schemas of discord-api-spec, generated from Discord's OpenAPI
// description. Usage: node check.mjs <record-dir> [--strict]
//   --strict  also reject keys the spec does not know (the spec's strictObject mode).
// Bodies the emulator refused with 400/413 are Discord's refusals already reported by the tests,
// so they are counted apart; everything else the bot sent must match.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as z from "zod/mini";
import { en } from "zod/locales";

// zod/mini ships without messages; load the English ones so mismatches say what is wrong.
z.config(en());

const [dir, ...flags] = process.argv.slice(2);
const strict = flags.includes("--strict");
if (!dir) {
  console.error("usage: node check.mjs <record-dir> [--strict]");
  process.exit(2);
}

const spec = await loadSpec(strict);

// Route templates as the emulator records them (without the /api/v10 prefix).
const routes = {
  "POST /channels/{channel_id}/messages": () => spec.MessageCreateRequestSchema,
  "PATCH /channels/{channel_id}/messages/{message_id}": () => spec.MessageEditRequestPartialSchema,
  "PUT /applications/{application_id}/commands": () => z.array(spec.ApplicationCommandCreateRequestSchema),
  "PUT /applications/{application_id}/guilds/{guild_id}/commands": () => z.array(spec.ApplicationCommandCreateRequestSchema),
  "POST /users/@me/channels": () => spec.CreatePrivateChannelRequestSchema,
  "POST /interactions/{interaction_id}/{interaction_token}/callback": (body) => callbackSchema(body?.type),
  "POST /webhooks/{application_id}/{interaction_token}": () => spec.IncomingWebhookRequestPartialSchema,
  "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}": () => spec.IncomingWebhookUpdateRequestPartialSchema,
};

function callbackSchema(type) {
  switch (type) {
    case 1: return spec.PongInteractionCallbackRequestSchema;
    case 4: case 5: return spec.CreateMessageInteractionCallbackRequestSchema;
    case 6: case 7: return spec.UpdateMessageInteractionCallbackRequestSchema;
    case 8: return spec.ApplicationCommandAutocompleteCallbackRequestSchema;
    case 9: return spec.ModalInteractionCallbackRequestSchema;
    default: return null;
  }
}

// strictObject mode has to be chosen before the schemas are built, so strict runs load a copy
// of the package's module whose default is flipped.
async function loadSpec(strictMode) {
  if (!strictMode) return import("discord-api-spec/zod");
  const source = fileURLToPath(import.meta.resolve("discord-api-spec/zod"));
  const strictCopy = join(dirname(source), "discord-api-spec.strict.zod.js");
  const text = readFileSync(source, "utf8").replace("let zObject = z.object;", "let zObject = z.strictObject;");
  writeFileSync(strictCopy, text);
  return import(pathToFileURL(strictCopy).href);
}

if (!existsSync(dir)) {
  console.log(`conformance: 0 bodies checked, 0 mismatches (no record directory ${dir})`);
  process.exit(0);
}
const files = readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort();
let checked = 0;
let refused = 0;
const mismatches = [];
const unmapped = new Map();

for (const file of files) {
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      mismatches.push({ where: `${file}:${index + 1}`, route: "?", issues: ["the record line is not JSON"] });
      return;
    }
    if (record.body === null || record.body === undefined) return;
    const key = `${record.method} ${record.route}`;
    if (record.status === 400 || record.status === 413) {
      refused++;
      return;
    }
    const pick = routes[key];
    if (!pick) {
      unmapped.set(key, (unmapped.get(key) ?? 0) + 1);
      return;
    }
    checked++;
    const schema = pick(record.body);
    if (!schema) {
      mismatches.push({ where: `${file}:${index + 1}`, route: key, issues: [`unknown interaction callback type ${JSON.stringify(record.body?.type)}`] });
      return;
    }
    const result = schema.safeParse(record.body);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
      mismatches.push({ where: `${file}:${index + 1}`, route: key, issues });
    }
  });
}

for (const m of mismatches.slice(0, 20)) {
  console.log(`mismatch ${m.where} ${m.route}`);
  for (const issue of m.issues.slice(0, 5)) console.log(`  ${issue}`);
}
if (mismatches.length > 20) console.log(`... and ${mismatches.length - 20} more mismatches`);
for (const [key, count] of unmapped) console.log(`note: no schema mapped for ${key} (${count} bodies not checked)`);
if (refused > 0) console.log(`note: ${refused} bodies were refused by the emulator (400/413) and not checked again`);

console.log(`conformance: ${checked} bodies checked, ${mismatches.length} mismatches${strict ? " (strict)" : ""}`);
if (checked === 0 && files.length > 0) {
  console.log(`conformance: ${files.length} record file(s) in ${dir} hold no request body to check; the tests recorded nothing the bot sent`);
  process.exit(1);
}
process.exit(mismatches.length > 0 ? 1 : 0);
