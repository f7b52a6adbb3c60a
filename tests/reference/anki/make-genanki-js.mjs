// Makes genanki-js.apkg with genanki-js: Basic, Basic (and reversed card), Basic (type in the
// answer) and Cloze notes, HTML in fields, and a sound reference. genanki-js ships an ES module
// written for browsers: run with `node --experimental-detect-module` (see package.json). Its
// Package.writeToFile fills the sql.js database and then hands a Blob to a browser download; under
// node that download is a no-op, so this script zips the filled database the way writeToFile does.
import fs from "node:fs";
import path from "node:path";
import initSqlJs from "sql.js";
import JSZip from "jszip";
import { Model, ClozeModel, Deck, Package } from "genanki-js";

const SQL = await initSqlJs();
const db = new SQL.Database();

const basic = new Model({
  name: "Basic",
  id: "1607392319",
  flds: [{ name: "Front" }, { name: "Back" }],
  req: [[0, "all", [0]]],
  tmpls: [{ name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}" }],
});

const reversed = new Model({
  name: "Basic (and reversed card)",
  id: "1543634829843",
  flds: [{ name: "Front" }, { name: "Back" }],
  req: [[0, "all", [0]], [1, "all", [1]]],
  tmpls: [
    { name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" },
    { name: "Card 2", qfmt: "{{Back}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}" },
  ],
});

const typed = new Model({
  name: "Basic (type in the answer)",
  id: "1607392320",
  flds: [{ name: "Front" }, { name: "Back" }],
  req: [[0, "all", [0]]],
  tmpls: [{ name: "Card 1", qfmt: "{{Front}}\n\n{{type:Back}}", afmt: "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}" }],
});

const cloze = new ClozeModel({
  name: "Cloze",
  id: "998877661",
  flds: [{ name: "Text" }, { name: "Back Extra" }],
  req: [[0, "all", [0]]],
  tmpl: { name: "Cloze", qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>{{Back Extra}}" },
});

const deck = new Deck(1700000000001, "Korean Peninsula Facts");
deck.addNote(basic.note(["Which river marks much of the China&ndash;North Korea border?", "The <b>Yalu</b> River"], ["geography"], "gk-basic-yalu"));
deck.addNote(basic.note(["Say the word for <i>peace</i>", "pyeonghwa [sound:pyeonghwa.mp3]"], ["audio"], "gk-basic-audio"));
deck.addNote(reversed.note(["Capital of South Korea", "Seoul"], ["capitals"], "gk-reversed-seoul"));
deck.addNote(typed.note(["In which year did the Korean War armistice get signed?", "1953"], [], "gk-typed-1953"));
deck.addNote(cloze.note(["The armistice was signed at {{c1::Panmunjom}} in {{c2::1953::year}}.", "It ended the <u>fighting</u>, not the war."], ["history"], "gk-cloze-armistice"));
deck.addNote(cloze.note(["{{c1::Kim Il Sung}} founded the state; his grandson {{c2::Kim Jong Un}} rules it; {{c1::he}} died in 1994.", ""], [], "gk-cloze-kims"));

const pkg = new Package();
pkg.setSqlJs(db);
pkg.addDeck(deck);
pkg.addMedia(new Uint8Array([0x49, 0x44, 0x33]), "pyeonghwa.mp3");
pkg.writeToFile("unused.apkg");

const zip = new JSZip();
zip.file("collection.anki2", db.export());
zip.file("0", new Uint8Array([0x49, 0x44, 0x33]));
zip.file("media", JSON.stringify({ 0: "pyeonghwa.mp3" }));
// The output folder is the first argument (default: this folder), so tests can remake the package elsewhere.
const out = path.join(process.argv[2] ?? ".", "genanki-js.apkg");
fs.writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
console.log(`wrote ${out}`);
