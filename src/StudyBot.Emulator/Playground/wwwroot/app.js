// The Playground: a small Discord channel in the browser, driven through the emulator's /playground/api.
"use strict";

const $ = (id) => document.getElementById(id);
const api = async (path, body) => {
  const response = await fetch(`/playground/api/${path}`, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) throw new Error(json.error || `${response.status} ${response.statusText}`);
  return json;
};

let state = { commands: [] };
let lastMessages = "";
let openModalId = null;
const dismissed = new Set();
let suggestions = [];
let activeSuggestion = 0;
let autocompleteTimer = null;

// ---------- text ----------
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
function markdown(text) {
  return escapeHtml(text || "")
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/__([^_]+)__/g, "<u>$1</u>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>")
    .replace(/~~([^~]+)~~/g, "<s>$1</s>")
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
    .replace(/&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g, (_, seconds, style) => `<time>${escapeHtml(discordTimestamp(Number(seconds), style || "f"))}</time>`);
}
// Discord shows <t:unix:style> in the reader's own time zone and locale.
function discordTimestamp(seconds, style) {
  const date = new Date(seconds * 1000);
  const formats = {
    t: { timeStyle: "short" }, T: { timeStyle: "medium" }, d: { dateStyle: "short" }, D: { dateStyle: "long" },
    f: { dateStyle: "long", timeStyle: "short" }, F: { dateStyle: "full", timeStyle: "short" },
  };
  if (style !== "R") return date.toLocaleString([], formats[style]);
  const diff = (date.getTime() - Date.now()) / 1000;
  const units = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
  const [unit, size] = units.find(([, size]) => Math.abs(diff) >= size) || ["second", 1];
  return new Intl.RelativeTimeFormat([], { numeric: "auto" }).format(Math.round(diff / size), unit);
}
const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const el = (tag, className, html) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (html !== undefined) node.innerHTML = html;
  return node;
};

// ---------- messages ----------
function renderEmbed(embed, attachments) {
  const box = el("div", "embed");
  if (embed.color !== undefined && embed.color !== null) box.style.borderLeftColor = `#${embed.color.toString(16).padStart(6, "0")}`;
  if (embed.author?.name) box.append(el("div", "embed-author", escapeHtml(embed.author.name)));
  if (embed.title) box.append(el("div", "embed-title", markdown(embed.title)));
  if (embed.description) box.append(el("div", "embed-description", markdown(embed.description)));
  if (embed.fields?.length) {
    const fields = el("div", "embed-fields");
    for (const field of embed.fields) {
      const f = el("div", `embed-field${field.inline ? " inline" : ""}`);
      f.append(el("div", "embed-field-name", markdown(field.name)), el("div", "embed-field-value", markdown(field.value)));
      fields.append(f);
    }
    box.append(fields);
  }
  if (embed.image?.url) {
    // Discord resolves attachment://name to the message's attachment of that name.
    const name = embed.image.url.startsWith("attachment://") ? embed.image.url.slice("attachment://".length) : null;
    const src = name ? attachments.find((a) => a.filename === name)?.url : embed.image.url;
    if (src && /^(https?:|\/)/.test(src)) {
      const img = document.createElement("img");
      img.className = "embed-image";
      img.src = src;
      img.alt = name || "image";
      box.append(img);
    }
  }
  if (embed.footer?.text) box.append(el("div", "embed-footer", escapeHtml(embed.footer.text)));
  return box;
}

const buttonStyles = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "secondary" };

function renderComponent(component, message) {
  if (component.type === 1) {
    const row = el("div", "row");
    for (const child of component.components || []) row.append(renderComponent(child, message));
    return row;
  }
  if (component.type === 2) {
    const label = `${component.emoji?.name ? component.emoji.name + " " : ""}${component.label || ""}`;
    const button = el("button", `btn ${buttonStyles[component.style] || "secondary"}`, escapeHtml(label));
    button.type = "button";
    button.disabled = !!component.disabled;
    if (component.style === 5) button.onclick = () => window.open(component.url, "_blank", "noopener");
    else button.onclick = () => act("click", { message_id: message.id, custom_id: component.custom_id }, button);
    return button;
  }
  if (component.type === 3) {
    const wrap = el("div", "row");
    const select = el("select", "menu");
    const multiple = (component.max_values || 1) > 1;
    select.multiple = multiple;
    select.disabled = !!component.disabled;
    if (!multiple) select.append(new Option(component.placeholder || "Make a selection", "", true, true));
    select.options[0] && (select.options[0].disabled = !multiple);
    for (const option of component.options || []) select.append(new Option(option.label, option.value, false, !!option.default));
    const send = () => {
      const values = [...select.selectedOptions].map((o) => o.value).filter((v) => v !== "");
      if (values.length) act("select", { message_id: message.id, custom_id: component.custom_id, values }, select);
    };
    wrap.append(select);
    if (multiple) {
      const choose = el("button", "btn primary", "Choose");
      choose.type = "button";
      choose.onclick = send;
      wrap.append(choose);
    } else {
      select.onchange = send;
    }
    return wrap;
  }
  if (component.type === 10) return el("div", "content", markdown(component.content));
  if (component.type === 17 || component.type === 9) {
    const box = el("div", "embed");
    for (const child of component.components || []) box.append(renderComponent(child, message));
    if (component.accessory?.type === 2) box.append(renderComponent(component.accessory, message));
    return box;
  }
  return el("div", "time", `(component type ${component.type})`);
}

function renderMessage(message) {
  const you = message.author.id === state.you?.id;
  const row = el("article", `message${message.ephemeral ? " ephemeral" : ""}`);
  row.dataset.id = message.id;
  row.append(el("div", `avatar${you ? " user" : ""}`, escapeHtml(message.author.username[0].toUpperCase())));
  const body = el("div", "body");
  if (message.interaction_metadata?.user) {
    body.append(el("div", "reply-to", `${escapeHtml(message.interaction_metadata.user.username)} used a command`));
  }
  const meta = el("div", "meta");
  meta.append(el("span", "author", escapeHtml(message.author.global_name || message.author.username)));
  if (message.author.bot) meta.append(el("span", "tag", "APP"));
  meta.append(el("span", "time", time(message.timestamp)));
  if (message.edited_timestamp) meta.append(el("span", "edited", "(edited)"));
  body.append(meta);
  if (message.loading) body.append(el("div", "thinking", `${escapeHtml(message.author.username)} is thinking…`));
  if (message.content) body.append(el("div", "content", markdown(message.content)));
  const attachments = message.attachments || [];
  const shown = new Set((message.embeds || []).map((e) => e.image?.url).filter((u) => u?.startsWith("attachment://")).map((u) => u.slice("attachment://".length)));
  for (const embed of message.embeds || []) body.append(renderEmbed(embed, attachments));
  for (const attachment of attachments.filter((a) => !shown.has(a.filename))) {
    body.append(el("div", "attachment", `Attachment: <a href="${escapeHtml(attachment.url)}" target="_blank">${escapeHtml(attachment.filename)}</a>`));
  }
  for (const component of message.components || []) body.append(renderComponent(component, message));
  if (message.ephemeral) {
    const note = el("div", "ephemeral-note", "Only you can see this • ");
    const dismiss = el("a", "", "Dismiss message");
    dismiss.onclick = () => { dismissed.add(message.id); lastMessages = ""; poll(); };
    note.append(dismiss);
    body.append(note);
  }
  row.append(body);
  return row;
}

function renderMessages(data) {
  const list = $("messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren();
  const visible = data.messages.filter((m) => !dismissed.has(m.id));
  if (!visible.length) list.append(el("div", "empty", "No messages yet. Type <code>/help</code> below to talk to StudyBot."));
  for (const message of visible) list.append(renderMessage(message));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function renderNotices(notices) {
  const box = $("notices");
  box.replaceChildren(...notices.map((n) => el("div", "notice", `${escapeHtml(n.text)}`)));
}

async function poll() {
  try {
    const data = await api("messages");
    const status = $("status");
    status.textContent = data.connected ? "StudyBot online" : "StudyBot offline (not connected to the gateway)";
    status.className = `status ${data.connected ? "online" : "offline"}`;
    const key = JSON.stringify(data.messages) + dismissed.size;
    if (key !== lastMessages) {
      lastMessages = key;
      renderMessages(data);
    }
    renderNotices(data.notices);
    if (data.modal && data.modal.interaction_id !== openModalId) openModal(data.modal);
  } catch (e) {
    $("status").textContent = `emulator unreachable: ${e.message}`;
  }
}

async function act(kind, body, control) {
  try {
    if (control) control.disabled = true;
    await api(kind, body);
  } catch (e) {
    showError(e.message);
  } finally {
    if (control) setTimeout(() => { control.disabled = false; }, 500);
  }
  poll();
}

function showError(text) {
  const box = $("notices");
  box.append(el("div", "notice", `${escapeHtml(text)}`));
}

// ---------- modal ----------
function modalInput(component, field) {
  if (component.type === 4) {
    const input = component.style === 2 ? el("textarea") : el("input");
    input.name = component.custom_id;
    input.placeholder = component.placeholder || "";
    input.value = component.value || "";
    input.required = component.required !== false;
    if (component.min_length) input.minLength = component.min_length;
    if (component.max_length) input.maxLength = component.max_length;
    return input;
  }
  const select = el("select");
  select.name = component.custom_id;
  select.multiple = (component.max_values || 1) > 1;
  for (const option of component.options || []) select.append(new Option(option.label, option.value, false, !!option.default));
  return select;
}

function openModal(modal) {
  openModalId = modal.interaction_id;
  const data = modal.data;
  $("modal-title").textContent = data.title;
  $("modal-error").textContent = "";
  const fields = $("modal-fields");
  fields.replaceChildren();
  for (const top of data.components || []) {
    const inner = top.type === 1 ? top.components?.[0] : top.type === 18 ? top.component : null;
    if (top.type === 10) { fields.append(el("div", "content", markdown(top.content))); continue; }
    if (!inner) continue;
    const label = el("label", "", escapeHtml(top.label || inner.label || inner.custom_id));
    fields.append(label);
    if (top.description) fields.append(el("div", "description", escapeHtml(top.description)));
    fields.append(modalInput(inner));
  }
  $("modal").showModal();
}

$("modal-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const values = {};
  for (const control of $("modal-fields").querySelectorAll("input, textarea, select")) {
    values[control.name] = control.tagName === "SELECT" ? [...control.selectedOptions].map((o) => o.value).join(",") : control.value;
  }
  try {
    await api("modal", { interaction_id: openModalId, values });
    $("modal").close();
  } catch (e) {
    $("modal-error").textContent = e.message;
  }
  poll();
});
$("modal-cancel").onclick = async () => { $("modal").close(); await api("modal/cancel", {}); };

// ---------- composer ----------
function currentCommand(text) {
  const name = text.slice(1).split(/\s+/)[0].toLowerCase();
  return state.commands.find((c) => c.name === name);
}

/** The option list in scope after the command name and any subcommands typed so far. */
function scope(command, words) {
  let options = command.options || [];
  const path = [command.name];
  for (const word of words) {
    const sub = options.find((o) => (o.type === 1 || o.type === 2) && o.name === word);
    if (!sub) break;
    options = sub.options || [];
    path.push(sub.name);
  }
  return { options, path };
}

function showSuggestions(items) {
  suggestions = items;
  activeSuggestion = 0;
  const list = $("suggestions");
  list.hidden = items.length === 0;
  list.replaceChildren(...items.map((item, i) => {
    const li = el("li", i === 0 ? "active" : "");
    li.append(el("span", "name", escapeHtml(item.label)), el("span", "desc", escapeHtml(item.description || "")));
    li.onmousedown = (e) => { e.preventDefault(); complete(item); };
    return li;
  }));
}

function complete(item) {
  const input = $("input");
  input.value = item.replace(input.value);
  input.focus();
  updateComposer();
}

function updateComposer() {
  const text = $("input").value;
  renderFileInputs(text);
  if (!text.startsWith("/")) return showSuggestions([]);
  const words = text.slice(1).split(/\s+/);
  if (words.length === 1) {
    return showSuggestions(state.commands
      .filter((c) => c.name.startsWith(words[0].toLowerCase()))
      .map((c) => ({ label: `/${c.name}`, description: c.description, replace: () => `/${c.name} ` })));
  }
  const command = currentCommand(text);
  if (!command) return showSuggestions([]);
  const { options } = scope(command, words.slice(1));
  const last = words[words.length - 1];
  const typed = new Set(words.slice(1, -1).map((w) => w.split(":")[0]));
  const base = text.slice(0, text.length - last.length);
  const colon = last.indexOf(":");
  if (colon > 0) {
    const option = options.find((o) => o.name === last.slice(0, colon));
    if (!option) return showSuggestions([]);
    const partial = last.slice(colon + 1).toLowerCase();
    if (option.choices?.length) {
      return showSuggestions(option.choices.filter((c) => String(c.name).toLowerCase().includes(partial))
        .map((c) => ({ label: c.name, description: String(c.value), replace: () => `${base}${option.name}:${quote(c.value)} ` })));
    }
    if (option.autocomplete) {
      clearTimeout(autocompleteTimer);
      autocompleteTimer = setTimeout(async () => {
        const { choices } = await api("autocomplete", { text });
        if ($("input").value !== text) return;
        showSuggestions((choices || []).map((c) => ({ label: c.name, description: String(c.value), replace: () => `${base}${option.name}:${quote(c.value)} ` })));
      }, 250);
      return;
    }
    return showSuggestions([{ label: `${option.name}:`, description: option.description, replace: (v) => v }]);
  }
  showSuggestions(options
    .filter((o) => !typed.has(o.name) && o.name.startsWith(last) && o.type !== 11)
    .map((o) => (o.type === 1 || o.type === 2)
      ? { label: o.name, description: o.description, replace: () => `${base}${o.name} ` }
      : { label: `${o.name}${o.required ? "*" : ""}`, description: o.description, replace: () => `${base}${o.name}:` }));
}

const quote = (value) => (/\s/.test(String(value)) ? `"${value}"` : String(value));

function renderFileInputs(text) {
  const box = $("files");
  const command = text.startsWith("/") ? currentCommand(text) : null;
  const wanted = command ? scope(command, text.slice(1).split(/\s+/).slice(1)).options.filter((o) => o.type === 11) : [];
  const key = wanted.map((o) => o.name).join(",");
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.replaceChildren(...wanted.map((o) => {
    const label = el("label", "", `Attach ${escapeHtml(o.name)}${o.required ? "*" : ""} `);
    const input = el("input");
    input.type = "file";
    input.dataset.option = o.name;
    label.append(input);
    return label;
  }));
}

async function readFiles() {
  const files = {};
  for (const input of $("files").querySelectorAll("input[type=file]")) {
    const file = input.files[0];
    if (!file) continue;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    files[input.dataset.option] = { filename: file.name, content_type: file.type, base64: btoa(binary) };
  }
  return files;
}

$("input").addEventListener("input", updateComposer);
$("input").addEventListener("keydown", (event) => {
  const list = $("suggestions");
  if (list.hidden) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    activeSuggestion = (activeSuggestion + (event.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length;
    [...list.children].forEach((li, i) => li.classList.toggle("active", i === activeSuggestion));
  } else if (event.key === "Tab") {
    event.preventDefault();
    complete(suggestions[activeSuggestion]);
  } else if (event.key === "Escape") {
    showSuggestions([]);
  }
});

$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = $("input");
  const text = input.value.trim();
  if (!text) return;
  if (!text.startsWith("/")) {
    showError("The Playground talks to StudyBot through slash commands: type / to see them.");
    return;
  }
  try {
    await api("command", { text, files: await readFiles() });
    input.value = "";
    $("files").replaceChildren();
    $("files").dataset.key = "";
    showSuggestions([]);
    await api("notices/dismiss", {});
  } catch (e) {
    showError(e.message);
  }
  poll();
});

async function loadState() {
  try {
    state = await api("state");
    $("guild-name").textContent = state.guild.name;
    $("channel-name").textContent = state.channel.name;
    $("channel-title").textContent = state.channel.name;
    $("me-name").textContent = state.you.username;
  } catch (e) {
    $("status").textContent = `emulator unreachable: ${e.message}`;
  }
}

loadState().then(poll);
setInterval(poll, 700);
setInterval(loadState, 3000);
