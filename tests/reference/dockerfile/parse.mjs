// Reads a Dockerfile with dockerfile-ast (the parser behind the VS Code Docker extension) and
// prints its build stages and instructions as JSON for StudyBot's image test.
// Usage: node parse.mjs PATH/TO/Dockerfile
import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';

const path = process.argv[2];
if (!path) {
  console.error('usage: node parse.mjs DOCKERFILE');
  process.exit(2);
}

const dockerfile = DockerfileParser.parse(readFileSync(path, 'utf8'));
const stages = [];
for (const instruction of dockerfile.getInstructions()) {
  const keyword = instruction.getKeyword();
  if (keyword === 'FROM') {
    stages.push({ image: instruction.getImage(), name: instruction.getBuildStage(), instructions: [] });
    continue;
  }
  if (stages.length === 0) {
    continue;
  }
  const entry = {
    keyword,
    line: instruction.getRange().start.line + 1,
    arguments: instruction.getArguments().map((a) => a.getValue()),
  };
  if (typeof instruction.getFlags === 'function') {
    entry.flags = Object.fromEntries(instruction.getFlags().map((f) => [f.getName(), f.getValue()]));
  }
  if (typeof instruction.getJSONStrings === 'function' && instruction.getJSONStrings().length > 0) {
    entry.exec = instruction.getJSONStrings().map((s) => s.getJSONValue());
  }
  if (typeof instruction.getProperties === 'function') {
    entry.properties = Object.fromEntries(instruction.getProperties().map((p) => [p.getName(), p.getValue()]));
  }
  if (keyword === 'HEALTHCHECK') {
    const sub = instruction.getSubcommand();
    entry.subcommand = sub ? sub.getValue() : null;
    // The exec-form command after CMD, as Docker reads it (a JSON array).
    const raw = instruction.getRawArgumentsContent() ?? '';
    const at = raw.indexOf('[');
    entry.exec = at >= 0 ? JSON.parse(raw.slice(at).replace(/\\\r?\n/g, ' ')) : null;
  }
  stages[stages.length - 1].instructions.push(entry);
}

console.log(JSON.stringify({ stages }, null, 2));
