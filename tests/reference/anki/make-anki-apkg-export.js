// Makes anki-apkg-export.apkg with anki-apkg-export: its one note type (Front/Back, one card),
// HTML in fields, tags, and an image reference with the image added as media.
const fs = require("node:fs");
const path = require("node:path");
const AnkiExport = require("anki-apkg-export").default;

const apkg = new AnkiExport("Peninsula Basics");
apkg.addMedia("map.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
apkg.addCard("What is the capital of North Korea?", "<b>Pyongyang</b>", { tags: ["capitals"] });
apkg.addCard("Which sea lies <i>east</i> of the peninsula?", "The East Sea<br>(Sea of Japan)", { tags: ["geography", "seas"] });
apkg.addCard("Where is the DMZ? <img src=\"map.png\" />", "Along the 38th parallel &amp; the 1953 ceasefire line");

apkg
  .save()
  .then((zip) => {
    // The output folder is the first argument (default: this folder), so tests can remake the package elsewhere.
    const out = path.join(process.argv[2] ?? ".", "anki-apkg-export.apkg");
    fs.writeFileSync(out, zip, "binary");
    console.log(`wrote ${out}`);
  })
  .catch((err) => {
    console.error(err.stack || err);
    process.exit(1);
  });
