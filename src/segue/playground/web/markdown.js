// Discord-flavoured markdown to DOM nodes, for text from untrusted users and catalogs.
// Nothing here ever parses HTML: every piece of text becomes a Text node (textContent), and links are made only
// for http(s) URLs after the URL parser has checked them. Unknown syntax stays literal, as in Discord.
"use strict";

const SegueMarkdown = (() => {
  const MAX_DEPTH = 6;
  const ESCAPABLE = /[\\*_~`|>#\-\[\]()<:@.!]/;
  const RULES = [
    ["escape", /\\([^A-Za-z0-9\s])/y],
    ["codeInline", /``([^`]+?)``|`([^`]+)`/y],
    ["bold", /\*\*(?=\S)([\s\S]+?)\*\*(?!\*)/y],
    ["underline", /__(?=\S)([\s\S]+?)__(?!_)/y],
    ["italic", /\*(?=[^\s*])([\s\S]*?[^\s\\])\*(?!\*)|\*(?=[^\s*])(\S)\*/y],
    ["italic", /_(?=\S)([\s\S]*?\S)_(?![A-Za-z0-9_])/y],
    ["strike", /~~(?=\S)([\s\S]+?)~~/y],
    ["spoiler", /\|\|([\s\S]+?)\|\|/y],
    ["maskedLink", /\[([^\[\]\n]{1,256})\]\(\s*<?(https?:\/\/[^\s<>()]+(?:\([^\s<>()]*\)[^\s<>()]*)*)>?\s*\)/y],
    ["angleLink", /<(https?:\/\/[^\s>]+)>/y],
    ["bareLink", /https?:\/\/[^\s<]*[^\s<.,:;"')\]!?]/y],
    ["user", /<@!?(\d{1,25})>/y],
    ["role", /<@&(\d{1,25})>/y],
    ["channel", /<#(\d{1,25})>/y],
    ["timestamp", /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y],
    ["emoji", /<a?:(\w{1,32}):(\d{1,25})>/y],
  ];
  const STARTERS = new Set(["\\", "`", "*", "_", "~", "|", "[", "<", "h"]);

  function el(tag, cls) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    return node;
  }

  // A link only for an http(s) URL the browser's own parser accepts; anything else stays text.
  function safeUrl(raw) {
    try {
      const url = new URL(raw);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  function link(url, labelNode, title) {
    const a = el("a", "md-link");
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer nofollow";
    a.title = title || url;
    a.append(labelNode);
    return a;
  }

  function relative(seconds) {
    const diff = seconds * 1000 - Date.now();
    const units = [["year", 31536e6], ["month", 2592e6], ["day", 864e5], ["hour", 36e5], ["minute", 6e4], ["second", 1e3]];
    const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
    for (const [unit, ms] of units) {
      if (Math.abs(diff) >= ms || unit === "second") return format.format(Math.round(diff / ms), unit);
    }
    return "";
  }

  function timestamp(seconds, style) {
    const node = el("time", "md-time");
    const date = new Date(seconds * 1000);
    if (Number.isNaN(date.getTime())) {
      node.textContent = `<t:${seconds}>`;
      return node;
    }
    node.dateTime = date.toISOString();
    node.title = date.toLocaleString();
    const options = {
      t: { timeStyle: "short" }, T: { timeStyle: "medium" }, d: { dateStyle: "short" }, D: { dateStyle: "long" },
      f: { dateStyle: "long", timeStyle: "short" }, F: { dateStyle: "full", timeStyle: "short" },
    };
    node.textContent = style === "R" ? relative(seconds) : date.toLocaleString(undefined, options[style || "f"]);
    return node;
  }

  function mention(kind, id, ctx) {
    const names = (ctx.names || {})[kind] || {};
    const node = el("span", `md-mention md-${kind}`);
    const name = Object.prototype.hasOwnProperty.call(names, id) ? names[id] : null;
    const prefix = kind === "channels" ? "#" : "@";
    node.textContent = prefix + (name || (kind === "channels" ? "unknown-channel" : "unknown"));
    return node;
  }

  function wrap(tag, cls, inner, parent, ctx, depth) {
    const node = el(tag, cls);
    inline(inner, node, ctx, depth + 1);
    parent.append(node);
  }

  function apply(kind, m, parent, ctx, depth) {
    switch (kind) {
      case "escape":
        parent.append(m[1]);
        return;
      case "codeInline": {
        const code = el("code", "md-code");
        code.textContent = m[1] !== undefined ? m[1] : m[2];
        parent.append(code);
        return;
      }
      case "bold": return wrap("strong", null, m[1], parent, ctx, depth);
      case "underline": return wrap("u", null, m[1], parent, ctx, depth);
      case "italic": return wrap("em", null, m[1] !== undefined ? m[1] : m[2], parent, ctx, depth);
      case "strike": return wrap("s", null, m[1], parent, ctx, depth);
      case "spoiler": return wrap("span", "md-spoiler", m[1], parent, ctx, depth);
      case "maskedLink": {
        const url = safeUrl(m[2]);
        const label = el("span");
        inline(m[1], label, { ...ctx, noLinks: true }, depth + 1);
        parent.append(url && !ctx.noLinks ? link(url, label, url) : m[0]);
        return;
      }
      case "angleLink":
      case "bareLink": {
        const raw = kind === "angleLink" ? m[1] : m[0];
        const url = safeUrl(raw);
        parent.append(url && !ctx.noLinks ? link(url, document.createTextNode(raw), url) : m[0]);
        return;
      }
      case "user": parent.append(mention("users", m[1], ctx)); return;
      case "role": parent.append(mention("roles", m[1], ctx)); return;
      case "channel": parent.append(mention("channels", m[1], ctx)); return;
      case "timestamp": parent.append(timestamp(Number(m[1]), m[2])); return;
      case "emoji": parent.append(`:${m[1]}:`); return;
      default: parent.append(m[0]);
    }
  }

  // Inline syntax on one line (or a run inside bold etc.): a left-to-right scan, first rule that matches wins.
  function inline(text, parent, ctx, depth) {
    if (depth > MAX_DEPTH) {
      parent.append(text);
      return;
    }
    let plain = "";
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      let matched = false;
      if (STARTERS.has(ch)) {
        for (const [kind, re] of RULES) {
          if (kind === "escape" && !ESCAPABLE.test(text[i + 1] || "")) continue;
          re.lastIndex = i;
          const m = re.exec(text);
          if (m && re.lastIndex > i) {
            // Read the end before `apply`: nested runs reuse these (stateful, sticky) regexes.
            const end = re.lastIndex;
            if (plain) parent.append(plain);
            plain = "";
            apply(kind, m, parent, ctx, depth);
            i = end;
            matched = true;
            break;
          }
        }
      }
      if (!matched) {
        plain += ch;
        i += 1;
      }
    }
    if (plain) parent.append(plain);
  }

  // Lines: "> " quotes become a block, "-# " small print, the rest are joined with line breaks.
  function blocks(text, parent, ctx) {
    let quote = null;
    let previous = null;
    text.split("\n").forEach((line) => {
      const quoted = /^> ?/.exec(line);
      if (quoted && !line.startsWith(">>>")) {
        if (!quote) {
          quote = el("blockquote", "md-quote");
          parent.append(quote);
        } else {
          quote.append(el("br"));
        }
        inline(line.slice(quoted[0].length), quote, ctx, 0);
        previous = "quote";
        return;
      }
      quote = null;
      if (previous === "line") parent.append(el("br"));
      const small = /^-# /.exec(line);
      if (small) {
        const node = el("small", "md-subtext");
        inline(line.slice(3), node, ctx, 0);
        parent.append(node);
      } else {
        inline(line, parent, ctx, 0);
      }
      previous = "line";
    });
  }

  // Markdown text to a fragment; ```code blocks``` first, then lines, then inline syntax.
  function render(text, ctx) {
    const fragment = document.createDocumentFragment();
    const parts = String(text || "").split("```");
    parts.forEach((part, index) => {
      const closed = index % 2 === 1 && index < parts.length - 1;
      if (closed) {
        const body = part.replace(/^[A-Za-z0-9_+-]*\n/, "").replace(/\n$/, "");
        const pre = el("pre", "md-codeblock");
        const code = el("code");
        code.textContent = body;
        pre.append(code);
        fragment.append(pre);
      } else if (part) {
        // A code block is a block of its own: the line breaks that separate it from the text are not kept.
        let text = index % 2 === 1 ? "```" + part : part;
        if (index > 0 && index % 2 === 0) text = text.replace(/^\n/, "");
        if (index + 1 < parts.length - 1 && index % 2 === 0) text = text.replace(/\n$/, "");
        if (text) blocks(text, fragment, ctx || {});
      }
    });
    return fragment;
  }

  return { render, safeUrl };
})();
