// The playground page: pick a person and a channel, type a slash command or a message, and watch Segue answer.
// All text is inserted with textContent (or SegueMarkdown, which only makes Text nodes and checked links);
// nothing user- or catalog-supplied is ever parsed as HTML.
"use strict";

(() => {
  const S = {
    state: null,
    me: null,
    channel: null,
    replyTo: null,
    suggestions: [],
    active: -1,
    suggestSeq: 0,
    events: null,
    connectedOnce: false,
    pending: null,
    textEmoji: false,
  };
  const $ = (id) => document.getElementById(id);

  // -- emoji without an emoji font ----------------------------------------------------------------------------
  // A machine without a colour emoji font draws Segue's emoji as empty boxes; there they become short text.
  // `?emoji=text` (or `=font`) forces a mode, so the fallback can be seen and tested anywhere.
  // Pictographs (U+1F000 on, with their joins), emoji-styled symbols (FE0F), and the few drawn as emoji anyway.
  const EMOJI = /([\u{1F000}-\u{1FAFF}]\uFE0F?(?:\u200D[\u{1F000}-\u{1FAFF}]\uFE0F?)*|[\u2190-\u2BFF]\uFE0F|[✅⏳⌛⚠])( ?)/gu;
  // Segue's own emoji as the words of the buttons they stand for; any other emoji is left out.
  const EMOJI_TEXT = {
    "👍": "[like]", "👎": "[not for me]", "🙋": "[know it]", "🚫": "[never]", "🗑️": "[delete]", "🗑": "[delete]",
    "🔁": "[more]", "🧭": "[deeper]", "➡️": "→", "➡": "→", "⚠️": "!", "⚠": "!", "✅": "✓", "⏳": "…", "🎉": "!",
    "🏓": "", "📎": "", "👁": "",
  };

  function emojiFontMissing() {
    const forced = new URLSearchParams(location.search).get("emoji");
    if (forced === "text" || forced === "font") return forced === "text";
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 24;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) return false;
    ctx.fillStyle = "#000";
    ctx.textBaseline = "top";
    ctx.font = "20px sans-serif";
    ctx.fillText("👍", 0, 0);
    const pixels = ctx.getImageData(0, 0, 24, 24).data;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] > 0 && (pixels[i] !== pixels[i + 1] || pixels[i + 1] !== pixels[i + 2])) return false;
    }
    return true; // no colour drawn: no colour emoji font
  }

  function plain(text) {
    if (!S.textEmoji) return text;
    return text.replace(EMOJI, (_, emoji, space) => {
      const bare = emoji.replace(/\uFE0F/g, "");
      const shown = EMOJI_TEXT[emoji] ?? EMOJI_TEXT[bare] ?? (bare.codePointAt(0) < 0x1f000 ? bare : "");
      return shown ? shown + space : ""; // a dropped emoji takes its space with it
    });
  }

  function plainNodes(root) {
    if (!S.textEmoji) return root;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = plain(node.nodeValue);
    return root;
  }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = plain(String(text));
    return node;
  }

  function md(text) {
    return plainNodes(SegueMarkdown.render(text, { names: S.state ? S.state.names : {} }));
  }

  async function api(method, path, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let data = {};
    try {
      data = await response.json();
    } catch (err) {
      data = {};
    }
    if (!response.ok) throw new Error(data.error || `${response.status} ${response.statusText}`);
    return data;
  }

  function notice(text, kind) {
    const box = $("notice");
    box.textContent = text || "";
    box.className = kind || "";
  }

  // -- people and places --------------------------------------------------------------------------------------

  function person(id) {
    return S.state.people.find((p) => p.id === id);
  }

  function channelInfo(id) {
    const inGuild = S.state.channels.find((c) => c.id === id);
    if (inGuild) return { name: `# ${inGuild.name}`, topic: inGuild.topic, placeholder: `Message #${inGuild.name}` };
    return { name: `@ ${S.state.bot.name}`, topic: `Your direct messages with ${S.state.bot.name}.`, placeholder: `Message @${S.state.bot.name}` };
  }

  function renderSidebar() {
    $("server-name").textContent = S.state.server.name;
    const list = $("channels");
    list.replaceChildren();
    for (const channel of S.state.channels) {
      const item = el("li");
      const button = el("button", "channel", `# ${channel.name}`);
      button.dataset.channel = channel.id;
      if (channel.listening) button.append(el("span", "badge", "free text"));
      button.addEventListener("click", () => openChannel(channel.id));
      item.append(button);
      list.append(item);
    }
    const dms = $("dms");
    dms.replaceChildren();
    const me = person(S.me);
    const item = el("li");
    const button = el("button", "channel dm", `@ ${S.state.bot.name}`);
    button.dataset.channel = me.dm;
    button.addEventListener("click", () => openChannel(me.dm));
    item.append(button);
    dms.append(item);
    for (const node of document.querySelectorAll("button.channel")) {
      node.classList.toggle("active", node.dataset.channel === S.channel);
    }
  }

  function renderPeople() {
    const select = $("user");
    select.replaceChildren();
    for (const p of S.state.people) {
      const option = el("option", null, p.admin ? `${p.name} (admin)` : p.name);
      option.value = p.id;
      select.append(option);
    }
    select.value = S.me;
    renderLocale();
  }

  function renderLocale() {
    const select = $("locale");
    select.replaceChildren();
    for (const loc of S.state.locales) {
      const option = el("option", null, loc.name);
      option.value = loc.code;
      select.append(option);
    }
    select.value = person(S.me).locale;
  }

  async function changeLocale(code) {
    try {
      const result = await api("POST", "/api/locale", { user: S.me, locale: code });
      person(S.me).locale = result.locale;
    } catch (err) {
      notice(err.message, "error");
      renderLocale();
    }
  }

  async function openChannel(id) {
    S.channel = id;
    S.replyTo = null;
    renderReplying();
    renderSidebar();
    const info = channelInfo(id);
    $("channel-name").textContent = info.name;
    $("channel-topic").textContent = info.topic;
    $("input").placeholder = `${info.placeholder} — type / for commands`;
    hideSuggestions();
    await Promise.all([loadMessages(), loadCommands()]);
  }

  // Events that arrive while a channel loads are held and applied after it, so none is lost to the reload.
  async function loadMessages() {
    const channel = S.channel;
    const held = [];
    S.pending = held;
    let data;
    try {
      data = await api("GET", `/api/channels/${channel}/messages?viewer=${S.me}`);
    } catch (err) {
      if (S.pending === held) S.pending = null;
      throw err;
    }
    if (S.pending !== held) return; // a newer load (another channel or person) took over
    S.pending = null;
    const list = $("messages");
    list.replaceChildren();
    for (const message of data.messages) list.append(renderMessage(message));
    for (const message of held) upsert(message);
    list.dataset.loaded = channel;
    list.dataset.viewer = S.me;
    scrollDown(true);
  }

  async function loadCommands() {
    const data = await api("GET", `/api/commands?user=${S.me}&channel=${S.channel}`);
    const list = $("command-list");
    list.replaceChildren();
    for (const command of data.commands) {
      const item = el("li");
      const button = el("button", "command", `/${command.name}`);
      button.title = command.description;
      button.addEventListener("click", () => {
        $("input").value = `/${command.name} `;
        $("input").focus();
        requestSuggestions();
      });
      item.append(button, el("span", "command-description", command.description));
      list.append(item);
    }
  }

  // -- messages -----------------------------------------------------------------------------------------------

  function colour(value) {
    return typeof value === "number" ? `#${value.toString(16).padStart(6, "0")}` : null;
  }

  function renderEmbed(embed) {
    const box = el("div", "embed");
    const hex = colour(embed.color);
    if (hex) box.style.borderLeftColor = hex;
    if (embed.author) box.append(el("div", "embed-author", embed.author));
    if (embed.title) {
      const title = el("div", "embed-title");
      const url = embed.url ? SegueMarkdown.safeUrl(embed.url) : null;
      if (url) {
        const a = el("a", "md-link", embed.title);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer nofollow";
        title.append(a);
      } else {
        title.append(md(embed.title));
      }
      box.append(title);
    }
    if (embed.description) {
      const description = el("div", "embed-description");
      description.append(md(embed.description));
      box.append(description);
    }
    if (embed.fields.length) {
      const fields = el("div", "embed-fields");
      for (const field of embed.fields) {
        const node = el("div", field.inline ? "embed-field inline" : "embed-field");
        const name = el("div", "embed-field-name");
        name.append(md(field.name));
        const value = el("div", "embed-field-value");
        value.append(md(field.value));
        node.append(name, value);
        fields.append(node);
      }
      box.append(fields);
    }
    for (const [key, cls] of [["thumbnail", "embed-thumbnail"], ["image", "embed-image"]]) {
      const url = embed[key] ? SegueMarkdown.safeUrl(embed[key]) : null;
      if (url && url.startsWith("https:")) {
        const img = el("img", cls);
        img.src = url;
        img.alt = "";
        img.referrerPolicy = "no-referrer";
        box.append(img);
      }
    }
    if (embed.footer) box.append(el("div", "embed-footer", embed.footer));
    return box;
  }

  function renderComponent(component, message) {
    if (component.type === "row" || component.type === "group") {
      const row = el("div", component.type === "row" ? "component-row" : "component-group");
      for (const child of component.children) row.append(renderComponent(child, message));
      return row;
    }
    if (component.type === "text") {
      const text = el("div", "component-text");
      text.append(md(component.content));
      return text;
    }
    if (component.type === "button") return renderButton(component, message);
    if (component.type === "select") return renderSelect(component, message);
    return el("span");
  }

  function renderButton(component, message) {
    const emoji = S.textEmoji && component.label ? null : component.emoji;
    const label = [emoji, component.label].filter(Boolean).join(" ");
    if (component.style === "link") {
      const url = component.url ? SegueMarkdown.safeUrl(component.url) : null;
      const a = el("a", "btn link", `${label} ↗`);
      if (url) {
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer nofollow";
      }
      return a;
    }
    const button = el("button", `btn ${component.style}`, label);
    button.type = "button";
    button.disabled = component.disabled;
    button.addEventListener("click", () =>
      act(button, message, "/api/click", { user: S.me, message: message.id, custom_id: component.custom_id }),
    );
    return button;
  }

  function renderSelect(component, message) {
    const wrapper = el("div", "menu-wrapper");
    const select = el("select", "menu");
    select.disabled = component.disabled;
    const multi = component.max_values > 1;
    if (multi) select.multiple = true;
    else {
      const placeholder = el("option", null, component.placeholder || "Make a selection");
      placeholder.value = "";
      placeholder.disabled = true;
      placeholder.selected = true;
      select.append(placeholder);
    }
    for (const option of component.options) {
      const text = [option.emoji, option.label].filter(Boolean).join(" ");
      const node = el("option", null, option.description ? `${text} — ${option.description}` : text);
      node.value = option.value;
      select.append(node);
    }
    const send = () => {
      const values = Array.from(select.selectedOptions).map((o) => o.value).filter((v) => v !== "");
      if (!values.length) return;
      act(select, message, "/api/select", { user: S.me, message: message.id, custom_id: component.custom_id, values });
    };
    wrapper.append(select);
    if (multi) {
      const choose = el("button", "btn secondary", "Choose");
      choose.type = "button";
      choose.addEventListener("click", send);
      wrapper.append(choose);
    } else {
      select.addEventListener("change", send);
    }
    return wrapper;
  }

  // A click or a choice: a real component interaction through the stand-in; failures show under the message.
  async function act(control, message, path, body) {
    control.disabled = true;
    const row = document.querySelector(`li.message[data-id="${message.id}"] .interaction-status`);
    if (row) row.textContent = "";
    try {
      const result = await api("POST", path, body);
      if (result.failed) {
        const status = document.querySelector(`li.message[data-id="${message.id}"] .interaction-status`);
        if (status) status.textContent = "This interaction failed";
      }
    } catch (err) {
      notice(err.message, "error");
    } finally {
      if (document.body.contains(control)) {
        control.disabled = false;
        // A menu is an action, not a setting: back to its placeholder, so the same track can be picked again.
        if (control.tagName === "SELECT") {
          if (control.multiple) for (const option of control.options) option.selected = false;
          else control.selectedIndex = 0;
        }
      }
    }
  }

  function renderMessage(message) {
    const item = el("li", "message");
    item.dataset.id = message.id;
    item.dataset.version = String(message.version);
    if (message.ephemeral) item.classList.add("ephemeral");
    if (message.author.bot) item.classList.add("from-bot");
    if (message.reply_to) {
      const bar = el("div", "reply-bar");
      bar.append(el("span", "reply-arrow", "↱ "));
      if (message.reply_to.author) bar.append(el("span", "reply-author", `@${message.reply_to.author}`), " ");
      const text = el("span", "reply-text");
      text.append(md(message.reply_to.text));
      bar.append(text);
      bar.dataset.replyTo = message.reply_to.id;
      item.append(bar);
    } else if (message.command) {
      const bar = el("div", "command-bar");
      bar.append(el("span", "reply-author", message.command.user || "someone"), " used ", el("span", "command-name", `/${message.command.name}`));
      item.append(bar);
    }
    const head = el("div", "message-head");
    head.append(el("span", "author", message.author.name));
    if (message.author.bot) head.append(el("span", "tag", "APP"));
    if (message.timestamp) {
      const time = el("time", "when", new Date(message.timestamp).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
      time.dateTime = message.timestamp;
      head.append(time);
    }
    const reply = el("button", "reply-button", "Reply");
    reply.type = "button";
    reply.addEventListener("click", () => {
      S.replyTo = { id: message.id, author: message.author.name };
      renderReplying();
      $("input").focus();
    });
    if (!message.ephemeral) head.append(reply);
    item.append(head);
    const body = el("div", "message-content");
    if (message.loading) {
      body.classList.add("loading");
      body.textContent = `${message.author.name} is thinking…`;
    } else if (message.content) {
      body.append(md(message.content));
    }
    if (message.edited) body.append(el("span", "edited", " (edited)"));
    item.append(body);
    if (message.embeds.length) {
      const embeds = el("div", "embeds");
      for (const embed of message.embeds) embeds.append(renderEmbed(embed));
      item.append(embeds);
    }
    if (message.attachments.length) {
      item.append(el("div", "attachments", `📎 ${message.attachments.join(", ")}`));
    }
    if (message.components.length) {
      const components = el("div", "components");
      for (const component of message.components) components.append(renderComponent(component, message));
      item.append(components);
    }
    if (message.reactions.length) {
      const reactions = el("div", "reactions");
      for (const emoji of message.reactions) reactions.append(el("span", "reaction", `${emoji} 1`));
      item.append(reactions);
    }
    item.append(el("div", "interaction-status"));
    if (message.ephemeral) {
      const note = el("div", "ephemeral-note");
      note.append(el("span", null, "👁 Only you can see this · "));
      const dismiss = el("button", "dismiss", "Dismiss message");
      dismiss.type = "button";
      dismiss.addEventListener("click", () => item.remove());
      note.append(dismiss);
      item.append(note);
    }
    return item;
  }

  function nearBottom() {
    const box = $("scroller");
    return box.scrollHeight - box.scrollTop - box.clientHeight < 160;
  }

  function scrollDown(force) {
    const box = $("scroller");
    if (force || nearBottom()) box.scrollTop = box.scrollHeight;
  }

  // The viewer's own request, and whatever answers it (their command's answer, a reply to them, a private panel).
  function concernsMe(message) {
    const me = person(S.me);
    return (
      message.author.id === S.me ||
      message.visible_to === S.me ||
      (message.command !== null && message.command.user_id === S.me) ||
      (message.reply_to !== null && me !== undefined && message.reply_to.author === me.name)
    );
  }

  // Brings a message into view: all of it when it fits, else its start (a tall answer is read from the top).
  function reveal(node) {
    const box = $("scroller");
    const view = box.getBoundingClientRect();
    const rect = node.getBoundingClientRect();
    if (rect.height > view.height || rect.top < view.top) box.scrollTop += rect.top - view.top;
    else if (rect.bottom > view.bottom) box.scrollTop += rect.bottom - view.bottom;
  }

  function upsert(message) {
    if (message.channel_id !== S.channel) return;
    if (S.pending) {
      S.pending.push(message);
      return;
    }
    if (message.visible_to && message.visible_to !== S.me) return;
    const list = $("messages");
    const existing = list.querySelector(`li.message[data-id="${message.id}"]`);
    if (message.deleted) {
      if (existing) existing.remove();
      return;
    }
    const node = renderMessage(message);
    const near = nearBottom(); // measured before the message grows the list
    if (existing) {
      if (Number(existing.dataset.version) > message.version) return;
      existing.replaceWith(node);
    } else {
      list.append(node);
    }
    if (concernsMe(message)) reveal(node);
    else if (near && !existing) scrollDown(true);
  }

  // -- live updates -------------------------------------------------------------------------------------------

  function connect() {
    const events = new EventSource("/api/events");
    S.events = events;
    events.addEventListener("ready", () => {
      $("status").textContent = "● live";
      $("status").className = "live";
      // After a reconnect, anything missed is fetched again.
      if (S.connectedOnce && S.channel) loadMessages().catch((err) => notice(err.message, "error"));
      S.connectedOnce = true;
    });
    events.addEventListener("message", (event) => {
      const data = JSON.parse(event.data);
      upsert(data.message);
    });
    events.addEventListener("rejected", (event) => {
      const data = JSON.parse(event.data);
      notice(`Discord refused a request from the bot: ${data.status} ${data.message} (code ${data.code})`, "warn");
    });
    events.addEventListener("error", () => {
      $("status").textContent = "○ reconnecting…";
      $("status").className = "offline";
    });
  }

  // -- composer -----------------------------------------------------------------------------------------------

  function renderReplying() {
    const bar = $("replying");
    if (!S.replyTo) {
      bar.hidden = true;
      return;
    }
    $("replying-to").textContent = S.replyTo.author;
    bar.hidden = false;
  }

  function hideSuggestions() {
    S.suggestions = [];
    S.active = -1;
    $("suggestions").hidden = true;
    $("suggestions").replaceChildren();
  }

  function renderSuggestions() {
    const list = $("suggestions");
    list.replaceChildren();
    S.suggestions.forEach((suggestion, index) => {
      const item = el("li", index === S.active ? "suggestion active" : "suggestion");
      item.setAttribute("role", "option");
      item.append(el("span", "suggestion-label", suggestion.label));
      if (suggestion.description) item.append(el("span", "suggestion-description", suggestion.description));
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        accept(index);
      });
      list.append(item);
    });
    list.hidden = S.suggestions.length === 0;
  }

  function accept(index) {
    const suggestion = S.suggestions[index];
    if (!suggestion) return;
    $("input").value = suggestion.text;
    $("input").focus();
    hideSuggestions();
    requestSuggestions();
  }

  let suggestTimer = null;
  function requestSuggestions() {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(fetchSuggestions, 120);
  }

  async function fetchSuggestions() {
    const text = $("input").value;
    if (!text.trimStart().startsWith("/")) {
      hideSuggestions();
      $("usage").textContent = "";
      return;
    }
    const seq = ++S.suggestSeq;
    try {
      const data = await api("POST", "/api/suggest", { user: S.me, channel: S.channel, text });
      if (seq !== S.suggestSeq) return;
      S.suggestions = data.suggestions;
      S.active = -1;
      $("usage").textContent = data.usage || "";
      renderSuggestions();
    } catch (err) {
      if (seq === S.suggestSeq) hideSuggestions();
    }
  }

  async function send() {
    const input = $("input");
    const text = input.value.trim();
    if (!text) return;
    notice("");
    input.disabled = true;
    try {
      if (text.startsWith("/")) {
        const result = await api("POST", "/api/command", { user: S.me, channel: S.channel, text });
        if (result.failed) notice(result.failed, "error");
      } else {
        const body = { user: S.me, channel: S.channel, content: text };
        if (S.replyTo) body.reply_to = S.replyTo.id;
        await api("POST", "/api/messages", body);
        S.replyTo = null;
        renderReplying();
      }
      input.value = "";
      $("usage").textContent = "";
      hideSuggestions();
    } catch (err) {
      notice(err.message, "error");
    } finally {
      input.disabled = false;
      input.focus();
    }
  }

  function onKey(event) {
    const open = !$("suggestions").hidden && S.suggestions.length > 0;
    if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      S.active = (S.active + step + S.suggestions.length) % S.suggestions.length;
      renderSuggestions();
      return;
    }
    if (open && event.key === "Tab") {
      event.preventDefault();
      accept(Math.max(S.active, 0));
      return;
    }
    if (open && event.key === "Enter" && S.active >= 0) {
      event.preventDefault();
      accept(S.active);
      return;
    }
    if (event.key === "Escape") {
      hideSuggestions();
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      send();
    }
  }

  // -- start --------------------------------------------------------------------------------------------------

  async function start() {
    S.textEmoji = emojiFontMissing();
    document.body.dataset.emoji = S.textEmoji ? "text" : "font";
    S.state = await api("GET", "/api/state");
    S.me = S.state.people[0].id;
    renderPeople();
    $("user").addEventListener("change", async (event) => {
      S.me = event.target.value;
      renderLocale();
      const inGuild = S.state.channels.some((c) => c.id === S.channel);
      await openChannel(inGuild ? S.channel : person(S.me).dm);
    });
    $("locale").addEventListener("change", (event) => changeLocale(event.target.value));
    $("composer").addEventListener("submit", (event) => {
      event.preventDefault();
      send();
    });
    $("input").addEventListener("input", requestSuggestions);
    $("input").addEventListener("keydown", onKey);
    $("input").addEventListener("blur", () => setTimeout(hideSuggestions, 150));
    $("cancel-reply").addEventListener("click", () => {
      S.replyTo = null;
      renderReplying();
    });
    connect();
    await openChannel(S.state.channels[0].id);
    document.body.dataset.ready = "true";
  }

  start().catch((err) => notice(`The playground could not start: ${err.message}`, "error"));
})();
