// The Playground: a small Discord in the browser, driven through the emulator's /playground/api.
// A visitor switches between the class's members; each sees the channels as that member would
// (their own ephemeral replies only) and their own DMs with StudyBot.
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

// What lasts across reloads (and is forgotten by "Reset the Playground").
const store = {
  get: (key, fallback) => { try { return JSON.parse(localStorage.getItem(`pg.${key}`)) ?? fallback; } catch { return fallback; } },
  set: (key, value) => localStorage.setItem(`pg.${key}`, JSON.stringify(value)),
  clear: () => Object.keys(localStorage).filter((k) => k.startsWith("pg.")).forEach((k) => localStorage.removeItem(k)),
};

let state = { commands: [], members: [], servers: [] };
let member = null;   // the member the page acts as
let channel = null;  // {id, name, dm, server}
let openModalId = null;
const dismissed = new Set(store.get("dismissed", []));
let errors = store.get("errors", []);
let suggestions = [];
let activeSuggestion = 0;
let navigated = false;
let autocompleteTimer = null;
let rendered = new Map(); // message id -> {key, node}
let reachable = true;

// ---------- text ----------
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const memberById = (id) => state.members.find((m) => m.id === id);
const nameOf = (user) => memberById(user.id)?.display_name || user.global_name || user.username;
const allChannels = () => state.servers.flatMap((s) => s.channels || [s.channel]);
const allRoles = () => state.servers.flatMap((s) => s.roles || []);
/** Inline Discord markdown: code, bold, underline, italics, strikethrough, spoilers, masked links, mentions, timestamps. */
function inline(html) {
  return html
    // Nothing inside a code span is markdown or a mention.
    .replace(/`([^`]+)`/g, (_, code) => `<code>${code.replace(/&lt;/g, "&#60;").replace(/[*_~|@\[]/g, (c) => `&#${c.charCodeAt(0)};`)}</code>`)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/__([^_]+)__/g, "<u>$1</u>")
    .replace(/\*([^*\s][^*]*)\*/g, "<em>$1</em>")
    .replace(/(^|[^\w])_([^_\s][^_]*)_(?!\w)/g, "$1<em>$2</em>")
    .replace(/~~([^~]+)~~/g, "<s>$1</s>")
    .replace(/\|\|([^|]+)\|\|/g, '<span class="spoiler">$1</span>')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
    .replace(/&lt;#(\d+)&gt;/g, (_, id) => `<span class="mention">#${escapeHtml(allChannels().find((c) => c.id === id)?.name || "unknown-channel")}</span>`)
    .replace(/&lt;@&amp;(\d+)&gt;/g, (_, id) => `<span class="mention">@${escapeHtml(allRoles().find((r) => r.id === id)?.name || "unknown-role")}</span>`)
    .replace(/&lt;@!?(\d+)&gt;/g, (_, id) => `<span class="mention">@${escapeHtml(memberById(id)?.display_name || "user")}</span>`)
    .replace(/&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g, (_, seconds, style) => {
      const live = (style || "f") === "R" ? ' class="live"' : "";
      return `<time${live} data-unix="${seconds}" data-style="${style || "f"}">${escapeHtml(discordTimestamp(Number(seconds), style || "f"))}</time>`;
    });
}
/** Discord markdown as Discord's client renders it: code blocks, block quotes (> and >>>), lists and headings, then inline marks. */
function markdown(text) {
  const blocks = [];
  const escaped = escapeHtml(text || "").replace(/```(?:[\w+-]*\n)?([\s\S]*?)```\n?/g, (_, code) => {
    blocks.push(`<pre class="codeblock"><code>${code.replace(/\n$/, "")}</code></pre>`);
    return `\u0000${blocks.length - 1}\u0000`;
  });
  const out = [];
  let list = null;
  let quote = null;
  const close = () => {
    if (list) { out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`); list = null; }
    if (quote) { out.push(`<blockquote>${quote.map(inline).join("\n")}</blockquote>`); quote = null; }
  };
  const lines = escaped.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^&gt;&gt;&gt; /.test(line)) {
      close();
      out.push(`<blockquote>${[line.slice(13), ...lines.slice(i + 1)].map(inline).join("\n")}</blockquote>`);
      break;
    }
    const quoted = /^&gt; ?(.*)$/.exec(line);
    if (quoted) { if (list) close(); (quote ||= []).push(quoted[1]); continue; }
    const bullet = /^\s*[-*] (.*)$/.exec(line);
    const numbered = /^\s*\d+\. (.*)$/.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? "ul" : "ol";
      if (quote || (list && list.tag !== tag)) close();
      (list ||= { tag, items: [] }).items.push((bullet || numbered)[1]);
      continue;
    }
    close();
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    out.push(heading ? `<span class="h${heading[1].length}">${inline(heading[2])}</span>` : inline(line));
  }
  close();
  // Block elements end their own line: no extra line break after them.
  return out.join("\n").replace(/(<\/(?:ul|ol|blockquote)>)\n/g, "$1")
    .replace(/\u0000(\d+)\u0000/g, (_, i) => blocks[Number(i)]);
}
// Discord shows <t:unix:style> in the reader's own time zone and locale; R counts live.
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
function tickTimestamps() {
  for (const node of document.querySelectorAll("time[data-style=R]")) {
    const text = discordTimestamp(Number(node.dataset.unix), "R");
    if (node.textContent !== text) node.textContent = text;
  }
}
const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const el = (tag, className, html) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (html !== undefined) node.innerHTML = html;
  return node;
};
function avatarFor(user, size) {
  const known = memberById(user.id);
  const node = el("div", `avatar${size ? " " + size : ""}${known ? " member-avatar" : ""}`);
  node.textContent = known?.avatar || (user.bot ? "🤖" : (user.username || "?")[0].toUpperCase());
  if (known) node.style.background = avatarColour(known.display_name);
  return node;
}
const avatarColour = (name) => ["#3ba55c", "#faa61a", "#ed4245", "#eb459e", "#5865f2"][[...name].reduce((sum, c) => sum + c.codePointAt(0), 0) % 5];

// ---------- images ----------
function image(src, alt, className) {
  const img = document.createElement("img");
  img.className = className;
  img.src = src;
  img.alt = alt;
  img.loading = "lazy";
  // A picture that loads after its message was scrolled into view makes the message taller; a reader
  // following the newest message keeps seeing its end (a card's answer buttons), as in Discord.
  img.onload = () => { if (followNewest) $("messages").scrollTop = $("messages").scrollHeight; };
  img.onclick = () => openLightbox(src, alt);
  return img;
}
function openLightbox(src, alt) {
  $("lightbox-image").src = src;
  $("lightbox-image").alt = alt;
  $("lightbox-open").href = src;
  $("lightbox").hidden = false;
}
$("lightbox").onclick = (event) => { if (event.target.tagName !== "A") $("lightbox").hidden = true; };
document.addEventListener("keydown", (event) => { if (event.key === "Escape") $("lightbox").hidden = true; });

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
    if (src && /^(https?:|\/)/.test(src)) box.append(image(src, name || "image", "embed-image"));
  }
  if (embed.footer?.text) box.append(el("div", "embed-footer", markdown(embed.footer.text)));
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
  const row = el("article", `message${message.ephemeral ? " ephemeral" : ""}`);
  row.dataset.id = message.id;
  row.append(avatarFor(message.author));
  const body = el("div", "body");
  // Discord marks a reply to a slash command with who used it; a button's reply carries no such line.
  if (message.interaction_metadata?.user && message.interaction_metadata.type === 2) {
    body.append(el("div", "reply-to", `${escapeHtml(nameOf(message.interaction_metadata.user))} used a command`));
  }
  const meta = el("div", "meta");
  meta.append(el("span", "author", escapeHtml(nameOf(message.author))));
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
    if ((attachment.content_type || "").startsWith("image/")) {
      body.append(image(attachment.url, attachment.filename, "attachment-image"));
    } else {
      body.append(el("div", "attachment", `Attachment: <a href="${escapeHtml(attachment.url)}" target="_blank">${escapeHtml(attachment.filename)}</a>`));
    }
  }
  for (const component of message.components || []) body.append(renderComponent(component, message));
  if (message.ephemeral) {
    const note = el("div", "ephemeral-note", "Only you can see this • ");
    const dismiss = el("a", "", "Dismiss message");
    dismiss.onclick = () => { dismissed.add(message.id); store.set("dismissed", [...dismissed].slice(-500)); row.remove(); rendered.delete(message.id); };
    note.append(dismiss);
    body.append(note);
  }
  row.append(body);
  return row;
}

/** Keeps each message's node while it is unchanged, so an edit replaces one message in place. */
// Whether the reader is at the newest message: only their own scrolling changes it, not content growing.
let followNewest = true;
$("messages").addEventListener("scroll", () => {
  const list = $("messages");
  followNewest = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
});

function renderMessages(data) {
  const list = $("messages");
  const atBottom = followNewest;
  const visible = data.messages.filter((m) => !dismissed.has(m.id));
  const next = new Map();
  let previous = null;
  list.querySelector(".empty")?.remove();
  for (const message of visible) {
    const key = JSON.stringify(message);
    let entry = rendered.get(message.id);
    if (!entry || entry.key !== key) {
      const node = renderMessage(message);
      if (entry) entry.node.replaceWith(node);
      entry = { key, node };
    }
    if (previous ? previous.nextSibling !== entry.node : list.firstChild !== entry.node) {
      if (previous) previous.after(entry.node); else list.prepend(entry.node);
    }
    previous = entry.node;
    next.set(message.id, entry);
  }
  for (const [id, entry] of rendered) if (!next.has(id)) entry.node.remove();
  rendered = next;
  if (!visible.length) {
    list.append(el("div", "empty", channel?.dm
      ? "No messages yet. StudyBot writes here: reminders (<code>/remind set</code>, or one now with <code>/remind test</code>) and notes."
      : "No messages yet. Type <code>/help</code> below to talk to StudyBot."));
  }
  tickTimestamps();
  if (atBottom) list.scrollTop = list.scrollHeight;
}

// Errors stay until dismissed, and a dismissal lasts across reloads.
function renderNotices(serverNotices) {
  const mine = errors.filter((e) => e.member === member?.id && e.channel === channel?.id);
  const items = [
    ...serverNotices.map((n) => ({ id: n.id, text: n.text, dismiss: () => api("notices/dismiss", { as: member.id, id: n.id }).then(poll) })),
    ...mine.map((e) => ({ id: e.id, text: e.text, dismiss: () => { errors = errors.filter((x) => x.id !== e.id); store.set("errors", errors); renderNotices(serverNotices); } })),
  ];
  const key = JSON.stringify(items.map((i) => [i.id, i.text]));
  const box = $("notices");
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.replaceChildren(...items.map((item) => {
    const row = el("div", "notice");
    row.setAttribute("role", "alert");
    row.append(el("span", "text", escapeHtml(item.text)));
    const dismiss = el("a", "", "Dismiss");
    dismiss.onclick = item.dismiss;
    row.append(dismiss);
    return row;
  }));
}
let lastNotices = [];

function showError(text) {
  errors.push({ id: `${Date.now()}-${Math.random().toString(36).slice(2)}`, member: member?.id, channel: channel?.id, text });
  errors = errors.slice(-50);
  store.set("errors", errors);
  renderNotices(lastNotices);
}

function setStatus(text, online) {
  const status = $("status");
  status.textContent = text;
  status.className = `status ${online ? "online" : "offline"}`;
}

async function poll() {
  if (!member || !channel) return;
  const asked = `${member.id}/${channel.id}`;
  let data;
  try {
    data = await api(`messages?as=${member.id}&channel=${channel.id}`);
  } catch (e) {
    reachable = false;
    setStatus("Playground unreachable", false);
    $("banner").hidden = false;
    $("banner").textContent = "The Playground is unreachable: is `dotnet run --project src/StudyBot` still running? Retrying…";
    return;
  }
  if (!reachable) { reachable = true; $("banner").hidden = true; loadState(); }
  if (asked !== `${member.id}/${channel.id}`) return;
  setStatus(data.connected ? "StudyBot online" : "StudyBot offline (reconnecting)", data.connected);
  renderMessages(data);
  lastNotices = data.notices;
  renderNotices(data.notices);
  if (data.modal && data.modal.interaction_id !== openModalId) openModal(data.modal);
  markSeen();
}

async function act(kind, body, control) {
  try {
    if (control) control.disabled = true;
    await api(kind, { as: member.id, ...body });
  } catch (e) {
    showError(e.message);
  } finally {
    if (control) setTimeout(() => { control.disabled = false; }, 500);
  }
  poll();
}

// ---------- members, servers, channels ----------
function markSeen() {
  const last = channel?.dm ? member.dm.last_message_id : state.servers.find((s) => s.channel.id === channel?.id)?.channel.last_message_id;
  if (last && store.get(`seen.${member.id}.${channel.id}`, null) !== last) {
    store.set(`seen.${member.id}.${channel.id}`, last);
    renderSidebar();
  }
}
const unread = (channelId, last) => last && store.get(`seen.${member.id}.${channelId}`, null) !== last && BigInt(last) > BigInt(store.get(`seen.${member.id}.${channelId}`, "0"));

function renderSidebar() {
  if (!member) return;
  const server = state.servers.find((s) => s.id === channel?.server) || state.servers[0];
  $("servers").replaceChildren(...state.servers.map((s) => {
    const button = el("button", `server${!channel?.dm && s.id === server.id ? " active" : ""}`);
    button.type = "button";
    button.title = s.name;
    button.setAttribute("aria-label", s.name);
    button.textContent = s.name.split(/\s+/).map((w) => w[0]).join("").slice(0, 3);
    button.onclick = () => go({ id: s.channel.id, name: s.channel.name, server: s.id });
    return button;
  }));
  $("guild-name").textContent = channel?.dm ? "Direct messages" : server.name;
  const channelButton = el("button", `channel${!channel?.dm ? " active" : ""}`);
  channelButton.type = "button";
  channelButton.innerHTML = `# ${escapeHtml(server.channel.name)}`;
  channelButton.onclick = () => go({ id: server.channel.id, name: server.channel.name, server: server.id });
  $("channels").replaceChildren(channelButton);
  const dm = el("button", `channel dm${channel?.dm ? " active" : ""}`);
  dm.type = "button";
  dm.dataset.channel = member.dm.id;
  dm.append(avatarFor(state.bot, "tiny"), el("span", "", "StudyBot"));
  if (!channel?.dm && unread(member.dm.id, member.dm.last_message_id)) dm.append(el("span", "unread", "new"));
  dm.onclick = () => go({ id: member.dm.id, name: "StudyBot", dm: true });
  $("dms").replaceChildren(dm);
  $("members").replaceChildren(el("span", "label", "View as"), ...state.members.map((m) => {
    const button = el("button", `member${m.id === member.id ? " active" : ""}`);
    button.type = "button";
    button.setAttribute("aria-label", m.display_name);
    button.setAttribute("aria-pressed", m.id === member.id);
    button.title = `View the Playground as ${m.display_name} (${m.instructor ? "instructor" : "student"})`;
    button.append(avatarFor(m, "tiny"), el("span", "", escapeHtml(m.display_name)), el("span", "role", m.instructor ? "instructor" : "student"));
    button.onclick = () => switchMember(m.id);
    return button;
  }));
  const me = $("me-avatar");
  me.replaceWith(Object.assign(avatarFor(member, "small"), { id: "me-avatar" }));
  $("me-name").textContent = member.display_name;
  $("me-role").textContent = member.instructor ? "Instructor" : "Student";
  $("channel-hash").textContent = channel?.dm ? "@" : "#";
  $("channel-title").textContent = channel?.name || "";
  $("input").placeholder = channel?.dm ? "Message @StudyBot (type / for commands)" : `Message #${channel?.name} as ${member.display_name} (type / for commands)`;
  $("input").setAttribute("aria-label", channel?.dm ? "Message @StudyBot" : `Message #${channel?.name}`);
}

function go(target) {
  channel = target;
  store.set("channel", target);
  rendered.forEach((entry) => entry.node.remove());
  rendered = new Map();
  $("app").classList.remove("nav-open");
  renderSidebar();
  poll();
}

function switchMember(id) {
  member = state.members.find((m) => m.id === id) || state.members[0];
  store.set("member", member.id);
  if (channel?.dm) channel = { id: member.dm.id, name: "StudyBot", dm: true };
  go(channel);
}

async function loadState() {
  try {
    state = await api("state");
  } catch (e) {
    setStatus("Playground unreachable", false);
    return;
  }
  member = state.members.find((m) => m.id === (member?.id || store.get("member", state.you))) || state.members.find((m) => m.id === state.you);
  if (!channel) {
    const saved = store.get("channel", null);
    const known = saved && (saved.dm ? saved.id === member.dm.id : state.servers.some((s) => s.channel.id === saved.id));
    channel = known ? saved : { id: state.servers[0].channel.id, name: state.servers[0].channel.name, server: state.servers[0].id };
  }
  $("reset").hidden = !state.can_reset;
  renderSidebar();
  renderTour();
}

$("menu").onclick = () => $("app").classList.toggle("nav-open");
$("scrim").onclick = () => $("app").classList.remove("nav-open");

// ---------- reset ----------
$("reset").onclick = () => { $("reset-confirm").hidden = false; };
$("reset-no").onclick = () => { $("reset-confirm").hidden = true; };
$("reset-yes").onclick = async () => {
  $("reset-confirm").hidden = true;
  setStatus("Resetting the Playground…", false);
  try {
    await api("reset", { confirm: "reset" });
    store.clear();
    dismissed.clear();
    errors = [];
    channel = null;
    member = null;
    await loadState();
    go(channel);
  } catch (e) {
    showError(`Reset failed: ${e.message}`);
  }
};

// ---------- guided tour ----------
function renderTour() {
  const tour = $("tour");
  tour.hidden = store.get("tour", "open") === "dismissed";
  if (tour.hidden) return;
  const byName = (name) => state.members.find((m) => m.display_name === name) || state.members[0];
  const first = state.servers[0];
  const inClass = { id: first.channel.id, name: first.channel.name, server: first.id };
  const has = (name) => state.commands.some((c) => c.name === name);
  const steps = [
    ["Review as a student: be Ana and try", "/review", byName("Ana"), inClass],
    ["Start a quiz as the instructor (pick a deck), then answer it as Ana and as Ben (each sees only their own feedback)", "/quiz start deck:", state.members.find((m) => m.instructor), inClass],
    ["Upload a deck as Prof. Lee (a .yaml, .csv or .apkg file); try the same as a student", "/deck upload", state.members.find((m) => m.instructor), inClass],
    ["Set a daily reminder as Ben (type a time, e.g. 19:30; a day with nothing due sends no DM)", "/remind set at:", byName("Ben"), inClass],
    ["Have Ben's reminder sent now, then look in his DMs (with nothing due, it says so)", "/remind test", byName("Ben"), inClass],
    [`See how the class does`, has("class") ? "/class show" : "/stats", state.members.find((m) => m.instructor), inClass],
  ];
  $("tour-steps").replaceChildren(...steps.map(([text, command, who, where]) => {
    const done = store.get("tried", []).includes(command.split(" ").slice(0, 2).join(" "));
    const li = el("li", done ? "done" : "", `${done ? "✅ " : ""}${escapeHtml(text)}: <code>${escapeHtml(command)}</code>`);
    const button = el("button", "btn secondary", "Try it");
    button.type = "button";
    button.onclick = () => {
      member = who;
      store.set("member", who.id);
      go(where);
      // "/remind set at:" is left for the value to be typed right after the colon.
      $("input").value = command.endsWith(":") ? command : `${command} `;
      $("input").focus();
      updateComposer();
    };
    li.append(button);
    return li;
  }));
}
$("tour-close").onclick = () => { store.set("tour", "dismissed"); $("tour").hidden = true; };
$("tour-open").onclick = () => { store.set("tour", "open"); renderTour(); $("app").classList.remove("nav-open"); };

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
    await api("modal", { as: member.id, interaction_id: openModalId, values });
    $("modal").close();
  } catch (e) {
    $("modal-error").textContent = e.message;
  }
  poll();
});
$("modal-cancel").onclick = async () => { $("modal").close(); await api("modal/cancel", { as: member.id }); };

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
  navigated = false;
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
      .map((c) => ({ kind: "command", label: `/${c.name}`, description: c.description, replace: () => `/${c.name} ` })));
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
    if (option.type >= 6 && option.type <= 9) {
      // As in Discord's client: a picker of this server's channels, roles or members; the pick (or a
      // #name / @name typed by hand) becomes an id before the interaction is sent.
      const server = state.servers.find((x) => x.id === channel?.server);
      const wanted = partial.replace(/^[#@]/, "");
      const picks = !server ? [] : [
        ...(option.type === 7 ? (server.channels || [server.channel]).map((c) => ({ label: `#${c.name}`, description: "channel", value: `#${c.name}` })) : []),
        ...(option.type === 8 || option.type === 9 ? (server.roles || []).map((r) => ({ label: `@${r.name}`, description: "role", value: `@${r.name}` })) : []),
        ...(option.type === 6 || option.type === 9 ? state.members.map((m) => ({ label: `@${m.display_name}`, description: m.username, value: `@${m.username}` })) : []),
      ];
      return showSuggestions(picks.filter((p) => p.label.slice(1).toLowerCase().includes(wanted))
        .map((p) => ({ kind: "choice", label: p.label, description: p.description, replace: () => `${base}${option.name}:${quote(p.value)} ` })));
    }
    if (option.choices?.length) {
      return showSuggestions(option.choices.filter((c) => String(c.name).toLowerCase().includes(partial))
        .map((c) => ({ kind: "choice", label: c.name, description: String(c.value), replace: () => `${base}${option.name}:${quote(c.value)} ` })));
    }
    if (option.autocomplete) {
      clearTimeout(autocompleteTimer);
      autocompleteTimer = setTimeout(async () => {
        const { choices } = await api("autocomplete", { as: member.id, channel: channel.id, text });
        if ($("input").value !== text) return;
        showSuggestions((choices || []).map((c) => ({ kind: "choice", label: c.name, description: String(c.value), replace: () => `${base}${option.name}:${quote(c.value)} ` })));
      }, 250);
      return;
    }
    return showSuggestions([{ kind: "option", label: `${option.name}:`, description: option.description, replace: (v) => v }]);
  }
  showSuggestions(options
    // An optional attachment is offered as name: (its file input appears then); a required one always has its input.
    .filter((o) => !typed.has(o.name) && o.name.startsWith(last) && !(o.type === 11 && o.required))
    .map((o) => (o.type === 1 || o.type === 2)
      ? { kind: "command", label: o.name, description: o.description, replace: () => `${base}${o.name} ` }
      : { kind: "option", label: `${o.name}${o.required ? "*" : ""}`, description: o.description, replace: () => `${base}${o.name}:` }));
}

const quote = (value) => (/\s/.test(String(value)) ? `"${value}"` : String(value));

function renderFileInputs(text) {
  const box = $("files");
  const command = text.startsWith("/") ? currentCommand(text) : null;
  // As in Discord, an optional attachment option gets its file input once it is chosen (typed as name:).
  const named = new Set(text.split(/\s+/).filter((t) => t.includes(":")).map((t) => t.slice(0, t.indexOf(":"))));
  const wanted = command ? scope(command, text.slice(1).split(/\s+/).slice(1)).options.filter((o) => o.type === 11 && (o.required || named.has(o.name))) : [];
  const key = wanted.map((o) => o.name).join(",");
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  // A file already chosen stays chosen when another option's input comes or goes.
  const kept = new Map([...box.querySelectorAll("input[type=file]")].map((input) => [input.dataset.option, input.parentElement]));
  box.replaceChildren(...wanted.map((o) => {
    if (kept.has(o.name)) return kept.get(o.name);
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
    navigated = true;
    [...list.children].forEach((li, i) => li.classList.toggle("active", i === activeSuggestion));
  } else if (event.key === "Tab") {
    event.preventDefault();
    complete(suggestions[activeSuggestion]);
  } else if (event.key === "Enter") {
    // As in Discord, Enter picks the highlighted command or choice (an optional option only when
    // chosen with the arrow keys); when the pick would change nothing, Enter sends.
    const item = suggestions[activeSuggestion];
    const input = $("input");
    if (item && (item.kind !== "option" || navigated) && item.replace(input.value).trim() !== input.value.trim()) {
      event.preventDefault();
      complete(item);
    }
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
    await api("command", { as: member.id, channel: channel.id, text, files: await readFiles() });
    // The tour ticks off a step once its command (e.g. "/quiz start") has been sent.
    const words = text.split(/\s+/);
    store.set("tried", [...new Set([...store.get("tried", []), words[0], words.slice(0, 2).join(" ")])].slice(-100));
    if (!$("tour").hidden) renderTour();
    input.value = "";
    $("files").replaceChildren();
    $("files").dataset.key = "";
    showSuggestions([]);
  } catch (e) {
    showError(e.message);
  }
  poll();
});

loadState().then(poll);
setInterval(poll, 700);
setInterval(loadState, 3000);
setInterval(tickTimestamps, 1000);
