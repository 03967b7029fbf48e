// The Switchboard web chat's view, loaded by widget.js (which holds the state and talks to the
// server): the launcher, the panel and the transcript, inside the widget's shadow root. It only
// draws what it is given and reports what the visitor does. Text always goes into the page as
// text nodes, never as HTML.
(() => {
  'use strict';

  const registry = (window.SwitchboardWebchat = window.SwitchboardWebchat || {});

  /**
   * Builds the widget in `shadow`. `actions`: send(text, payload), retry(message), newChat(), endChat(),
   * opened(), closed(). Returns render(model), open(focus) and isOpen().
   */
  registry.createView = ({ shadow, strings: s, locale, cssHref, actions }) => {
    const nodes = new Map();
    const signatures = new WeakMap();
    const link = h('link', { rel: 'stylesheet', href: cssHref });
    const root = h('div', { class: 'root', lang: locale, style: 'visibility:hidden' });
    // Shown once styled, so the host page never flashes an unstyled widget.
    link.addEventListener('load', () => root.style.removeProperty('visibility'));
    link.addEventListener('error', () => root.style.removeProperty('visibility'));
    const launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'sb-panel', 'aria-label': s.widgetOpen }, [icon(CHAT, 'when-closed'), icon(CLOSE, 'when-open')]);
    const status = h('p', { class: 'status', role: 'status', 'data-state': 'idle' });
    const close = h('button', { type: 'button', class: 'close', 'aria-label': s.widgetClose }, icon(CLOSE));
    const endChat = h('button', { type: 'button', class: 'end-chat', hidden: true }, s.widgetEndChat);
    const log = h('div', { class: 'log', role: 'log', 'aria-label': s.widgetTranscript, 'aria-live': 'polite', tabindex: '0' });
    const typing = h('div', { class: 'typing', hidden: true }, [h('div', { class: 'dots', 'aria-hidden': 'true' }, [h('span'), h('span'), h('span')]), h('span', { class: 'visually-hidden' }, s.widgetTyping)]);
    const replies = h('div', { class: 'replies', role: 'group', 'aria-label': s.widgetQuickReplies, hidden: true });
    const newChat = h('button', { type: 'button', class: 'new-chat' }, s.widgetNewChat);
    const ended = h('div', { class: 'ended', hidden: true }, newChat);
    const notice = h('p', { class: 'notice', role: 'alert', hidden: true });
    const input = h('input', { id: 'sb-input', type: 'text', autocomplete: 'off', maxlength: '2000', placeholder: s.widgetPlaceholder });
    const form = h('form', { class: 'composer' }, [h('label', { class: 'visually-hidden', for: 'sb-input' }, s.widgetInputLabel), input, h('button', { type: 'submit', class: 'send', 'aria-label': s.widgetSend }, icon('M4 12l16-8-6 16-2-7z'))]);
    const head = h('header', { class: 'head' }, [h('div', { class: 'head-text' }, [h('h2', { class: 'title' }, s.widgetTitle), status]), endChat, close]);
    const panel = h('section', { id: 'sb-panel', class: 'panel', role: 'dialog', 'aria-label': s.widgetTitle, hidden: true }, [head, log, typing, replies, ended, notice, form, h('p', { class: 'brand' }, s.widgetPoweredBy)]);
    root.append(launcher, panel);
    shadow.append(link, root);

    launcher.addEventListener('click', () => (panel.hidden ? open(true) : hide(false)));
    close.addEventListener('click', () => hide(true));
    panel.addEventListener('keydown', (event) => event.key === 'Escape' && hide(true));
    // The button goes away once used: focus stays in the chat rather than falling to the page.
    const keepFocus = () => log.focus({ preventScroll: true });
    endChat.addEventListener('click', () => {
      keepFocus();
      actions.endChat();
    });
    newChat.addEventListener('click', () => {
      keepFocus();
      actions.newChat();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      actions.send(text);
    });

    return { render, open, isOpen: () => !panel.hidden };

    function open(focus) {
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      launcher.setAttribute('aria-label', s.widgetClose);
      if (focus) input.focus();
      log.scrollTop = log.scrollHeight;
      actions.opened();
    }

    function hide(returnFocus) {
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-label', s.widgetOpen);
      if (returnFocus) launcher.focus();
      actions.closed();
    }

    /**
     * model: messages (in order, each with key, author, direction, text, quickReplies,
     * conversationId, status for the visitor's own), conversation ({ id, status } or null),
     * connection (connecting, online, reconnecting, idle), typing, pacing (bot messages still
     * to show), sending (a message of the visitor not yet confirmed), notice.
     */
    function render(model) {
      const shown = model.messages.filter((message) => typeof message.text === 'string' && message.text !== '');
      const current = model.conversation;
      const isEnded = (id) => !current || id !== current.id || current.status === 'ended';
      syncLog(shown, isEnded);
      const last = shown[shown.length - 1];
      const live = !!current && current.status !== 'ended' && !model.pacing;
      renderReplies(live && last && last.direction === 'out' && last.conversationId === current.id ? last.quickReplies || [] : []);
      const over = !!current && current.status === 'ended';
      endChat.hidden = !current || over;
      typing.hidden = !model.typing || over;
      ended.hidden = !over || model.sending;
      notice.hidden = !model.notice;
      notice.textContent = model.notice;
      const agentSpoke = shown.some((message) => message.author === 'agent' && current && message.conversationId === current.id);
      const waiting = model.connection === 'online' && current && current.status === 'handoff' && !agentSpoke;
      const texts = { connecting: s.widgetConnecting, online: waiting ? s.widgetWaitingAgent : s.widgetOnline, reconnecting: s.widgetReconnecting, idle: '' };
      status.textContent = texts[model.connection];
      status.dataset.state = model.connection;
      log.scrollTop = log.scrollHeight;
    }

    /** Updates the transcript in place (keyed), so a screen reader announces only what is new. */
    function syncLog(shown, isEnded) {
      const items = [];
      const lastCustomer = [...shown].reverse().find((message) => message.author === 'customer');
      shown.forEach((message, index) => {
        const previous = shown[index - 1];
        const next = shown[index + 1];
        const firstOfRun = !previous || previous.author !== message.author || previous.conversationId !== message.conversationId;
        const withStatus = message === lastCustomer || message.status === 'failed';
        items.push({ key: message.key, signature: [message.text, message.status, firstOfRun, withStatus, message.channel], build: () => messageNode(message, firstOfRun, withStatus) });
        if (message.conversationId && isEnded(message.conversationId) && (!next || next.conversationId !== message.conversationId)) {
          items.push({ key: `end-${message.conversationId}`, signature: [], build: () => h('p', { class: 'divider' }, s.widgetEnded) });
        }
      });
      let cursor = log.firstChild;
      const keep = new Set();
      for (const item of items) {
        keep.add(item.key);
        const signature = JSON.stringify(item.signature);
        let node = nodes.get(item.key);
        if (!node || signatures.get(node) !== signature) {
          const fresh = item.build();
          if (node === cursor) cursor = fresh;
          if (node) node.replaceWith(fresh);
          node = fresh;
          nodes.set(item.key, node);
          signatures.set(node, signature);
        }
        if (node === cursor) cursor = cursor.nextSibling;
        else log.insertBefore(node, cursor);
      }
      for (const [key, node] of nodes) {
        if (keep.has(key)) continue;
        node.remove();
        nodes.delete(key);
      }
    }

    function messageNode(message, firstOfRun, withStatus) {
      const who = message.author === 'customer' ? s.widgetYou : message.author === 'agent' ? s.widgetAgent : s.widgetBot;
      const row = h('div', { class: `row ${message.author}${message.status === 'failed' ? ' failed' : ''}` });
      if (firstOfRun && message.author !== 'customer') row.append(h('p', { class: 'author', 'aria-hidden': 'true' }, who));
      const via = message.channel && message.channel !== 'webchat' ? s[`widgetVia${message.channel[0].toUpperCase()}${message.channel.slice(1)}`] : '';
      if (via) row.append(h('p', { class: 'via' }, via));
      const at = message.at ? new Date(message.at).toLocaleString(locale === 'th' ? 'th-TH' : 'en-US') : '';
      row.append(h('div', { class: 'bubble', title: at }, [h('span', { class: 'visually-hidden' }, `${who}: `), ...linkify(message.text)]));
      if (message.author === 'customer' && withStatus) row.append(statusLine(message));
      return row;
    }

    function statusLine(message) {
      if (message.status === 'failed') {
        const retry = h('button', { type: 'button', class: 'link-button' }, s.widgetRetry);
        retry.addEventListener('click', () => actions.retry(message));
        return h('p', { class: 'meta' }, [s.widgetFailed, retry]);
      }
      return h('p', { class: 'meta' }, message.status === 'sending' ? s.widgetSending : s.widgetSent);
    }

    /** Buttons for the latest bot message's quick replies; a tap sends the id, shows the label. */
    function renderReplies(list) {
      const signature = JSON.stringify(list);
      if (signatures.get(replies) === signature) return;
      signatures.set(replies, signature);
      replies.replaceChildren(
        ...list.map((reply) => {
          const button = h('button', { type: 'button', class: 'reply' }, reply.label);
          button.addEventListener('click', () => {
            keepFocus();
            actions.send(reply.label, reply.id);
          });
          return button;
        }),
      );
      replies.hidden = list.length === 0;
    }
  };

  const CHAT = 'M4 4h16v12H7l-3 3z';
  const CLOSE = 'M6 6l12 12M18 6L6 18';

  function h(tag, attributes = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === true) node.setAttribute(name, '');
      else if (value !== false && value !== undefined) node.setAttribute(name, value);
    }
    node.append(...[].concat(children));
    return node;
  }

  function icon(path, className) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const attributes = { class: className || '', viewBox: '0 0 24 24', 'aria-hidden': 'true', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' };
    for (const [name, value] of Object.entries(attributes)) svg.setAttribute(name, value);
    const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    shape.setAttribute('d', path);
    svg.append(shape);
    return svg;
  }

  /** Text with its web addresses as links that open in a new tab. */
  function linkify(text) {
    const parts = [];
    const pattern = /https?:\/\/[^\s<>"']+/g;
    let last = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const url = match[0].replace(/[.,;:!?)\]]+$/, '');
      parts.push(text.slice(last, match.index), h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url));
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    parts.push(text.slice(last));
    return parts;
  }
})();
