// Switchboard web chat. Embed it with one tag:
//   <script src="https://switchboard.example/widget.js" data-key="demo" data-locale="th" async></script>
// `data-key` names a `webchat` channel binding (its address); `data-locale` is `en` or `th`
// (default: the browser's language). Plain browser JavaScript, no build step; the only global is
// `window.SwitchboardWebchat`. This file holds the state and talks to the server; widget-view.js
// (loaded from beside it) draws the widget in a shadow root, so the host page's CSS cannot
// break it. The visitor id (random, kept in localStorage) is the visitor's identity: after a
// reload the widget shows the history and resumes the stream where it left off.
(() => {
  'use strict';

  const script = document.currentScript;
  // Inserted and removed again before it ran (a page switching language): nothing to mount.
  if (!(script instanceof HTMLScriptElement) || !script.isConnected) return;
  const key = script.dataset.key || '';
  const registry = (window.SwitchboardWebchat = window.SwitchboardWebchat || {});
  registry.instances = registry.instances || new Map();
  /** Removes the widget of a key: a page that mounts it again, or takes it away. */
  registry.destroy = (widgetKey) => {
    const widget = registry.instances.get(widgetKey);
    registry.instances.delete(widgetKey);
    if (widget) widget.destroy();
  };
  registry.destroy(key);
  registry.instances.set(key, mountWidget(key, pickLocale(script.dataset.locale), script.src, script.dataset.continue || ''));

  /** `continueToken`: from a continue link (/chat/continue/<token>): binds this visitor to that journey first. */
  function mountWidget(key, locale, scriptSrc, continueToken) {
    const api = new URL(`/api/webchat/${encodeURIComponent(key)}/`, scriptSrc).href;
    const store = storage(key);
    const visitorId = store.visitorId();
    /** Bot messages that arrive together are shown one by one, with the typing dots between. */
    const REVEAL_MS = 700;
    const state = { messages: [], lastId: 0, conversation: null, connection: 'idle', awaiting: false, loaded: false, loading: false, notice: '' };
    const queue = [];
    const timers = { reconnect: 0, pump: 0, awaiting: 0, reload: 0 };
    let view = null;
    let strings = null;
    let source = null;
    let retryMs = 2000;
    let lastReveal = 0;
    let localSeq = 0;
    let destroyed = false;

    const host = document.createElement('div');
    host.setAttribute('data-switchboard-webchat', key);
    // Inline and important, so no rule of the page (a transform, `div { display: none }`) reaches it.
    host.setAttribute('style', 'all: initial !important');
    const shadow = host.attachShadow({ mode: 'open' });
    Promise.all([fetchJson(`config?locale=${locale}`), loadView(scriptSrc), bodyReady()])
      .then(([config, createView]) => {
        if (destroyed) return;
        strings = config.strings;
        const actions = { send, retry: deliver, newChat: startConversation, endChat, opened, closed: () => store.rememberOpen(false) };
        view = createView({ shadow, strings, locale, cssHref: new URL('widget.css', scriptSrc).href, actions });
        document.body.appendChild(host);
        if (store.wasOpen() || continueToken) view.open(false);
      })
      .catch((error) => console.warn(`Switchboard web chat (key "${key}"): ${error.message}`));

    return { destroy, open: () => view && view.open(true) };

    function opened() {
      store.rememberOpen(true);
      if (!state.loaded) load();
    }

    async function load() {
      if (state.loading || destroyed) return;
      state.loading = true;
      update({ connection: 'connecting' });
      if (continueToken && !(await exchangeToken())) return;
      try {
        const history = await fetchJson(`history?visitor=${visitorId}`);
        state.loaded = true;
        state.conversation = history.conversation;
        for (const message of history.messages) addMessage(message);
        state.lastId = history.messages.reduce((max, message) => Math.max(max, message.id), state.lastId);
        update({ notice: '' });
        if (!state.conversation) await startConversation();
        else if (state.conversation.status !== 'ended') openStream();
        else update({ connection: 'idle' });
      } catch {
        update({ connection: 'idle', notice: strings.widgetUnavailable });
        timers.reload = setTimeout(load, 5000);
      } finally {
        state.loading = false;
      }
    }

    /**
     * Makes this browser's visitor id an identity of the journey's contact, so the history and
     * stream below are that conversation's. Refused (expired, ended): says so and stops.
     */
    async function exchangeToken() {
      try {
        await postJson('continue', { visitorId, token: continueToken });
        continueToken = '';
        return true;
      } catch (error) {
        state.loading = false;
        update({ connection: 'idle', notice: `${strings.widgetContinueFailed} ${error.message}` });
        return false;
      }
    }

    /** Opens a conversation so the bot greets first; also "Start a new chat". */
    async function startConversation() {
      setAwaiting(true);
      try {
        follow((await postJson('start', { visitorId, locale })).conversationId);
        update({ notice: '' });
      } catch {
        setAwaiting(false);
        update({ notice: strings.widgetUnavailable });
      }
    }

    /** "End chat": the visitor leaves; the stream then says the conversation ended. */
    async function endChat() {
      try {
        await postJson('end', { visitorId });
        update({ notice: '' });
      } catch {
        update({ notice: strings.widgetUnavailable });
      }
    }

    function send(text, payload) {
      const message = { key: `l${++localSeq}`, local: true, messageId: randomId(12), direction: 'in', author: 'customer', text: text.trim(), payload, at: new Date().toISOString() };
      state.messages.push(message);
      deliver(message);
    }

    /** Sends, or resends with the same id (which the server applies once), a visitor's message. */
    async function deliver(message) {
      message.status = 'sending';
      lastReveal = Date.now();
      setAwaiting(true);
      try {
        const body = { visitorId, messageId: message.messageId, text: message.text, locale };
        if (message.payload) body.payload = message.payload;
        const answer = await postJson('messages', body);
        message.status = 'sent';
        message.conversationId = answer.conversationId;
        follow(answer.conversationId);
      } catch {
        message.status = 'failed';
        setAwaiting(false);
      }
    }

    /** Streams the conversation the server put the visitor in: after an ended one, the new one. */
    function follow(conversationId) {
      if (!state.conversation || state.conversation.id !== conversationId) state.conversation = { id: conversationId, status: 'active' };
      if (!source || source.conversationId !== conversationId) openStream();
      render();
    }

    function openStream() {
      closeStream();
      const conversationId = state.conversation && state.conversation.id;
      if (!conversationId || destroyed) return;
      update({ connection: 'connecting' });
      // The browser resumes a dropped stream with Last-Event-ID; `after` covers the first connect.
      const events = new EventSource(`${api}stream?visitor=${visitorId}&after=${state.lastId}`);
      events.conversationId = conversationId;
      source = events;
      events.addEventListener('open', () => {
        retryMs = 2000;
        update({ connection: 'online' });
      });
      events.addEventListener('message', (event) => receive(JSON.parse(event.data), conversationId));
      events.addEventListener('state', (event) => enqueue({ kind: 'state', conversationId, state: JSON.parse(event.data) }));
      events.addEventListener('ended', () => {
        closeStream();
        enqueue({ kind: 'ended', conversationId });
      });
      events.addEventListener('error', () => {
        if (source !== events) return;
        update({ connection: 'reconnecting' });
        if (events.readyState !== EventSource.CLOSED) return;
        // Refused outright (the server down, an error answer): the browser gives up, we do not.
        closeStream();
        timers.reconnect = setTimeout(openStream, retryMs);
        retryMs = Math.min(retryMs * 2, 30000);
      });
    }

    function closeStream() {
      clearTimeout(timers.reconnect);
      if (source) source.close();
      source = null;
    }

    function receive(message, conversationId) {
      if (message.id <= state.lastId) return;
      state.lastId = message.id;
      enqueue({ kind: 'message', conversationId, message });
    }

    function enqueue(item) {
      queue.push(item);
      pump();
    }

    /** Applies stream events in order, pacing bot messages so each gets a moment of "typing". */
    function pump() {
      if (timers.pump || queue.length === 0) return;
      const paced = isPaced(queue[0]);
      const wait = paced ? Math.max(0, lastReveal + REVEAL_MS - Date.now()) : 0;
      timers.pump = setTimeout(() => {
        timers.pump = 0;
        apply(queue.shift());
        if (paced) lastReveal = Date.now();
        render();
        pump();
      }, wait);
      render();
    }

    function apply(item) {
      const current = state.conversation && state.conversation.id === item.conversationId ? state.conversation : null;
      if (item.kind === 'message') {
        addMessage({ ...item.message, conversationId: item.conversationId });
        if (item.message.direction === 'out') setAwaiting(false);
      } else if (item.kind === 'state' && current) {
        Object.assign(current, item.state);
      } else if (item.kind === 'ended' && current) {
        current.status = 'ended';
        setAwaiting(false);
        update({ connection: 'idle' });
      }
    }

    /**
     * Adds a transcript message; the visitor's own comes back confirming the bubble shown. Other
     * channels' messages (a journey that came here from a call or an SMS) are kept and labelled.
     */
    function addMessage(message) {
      if (state.messages.some((known) => known.id === message.id)) return;
      const local = message.direction === 'in' && state.messages.find((known) => known.local && known.text === message.text);
      if (local) return void Object.assign(local, { id: message.id, at: message.at, local: false, status: 'sent' });
      state.messages.push({ ...message, key: `p${message.id}` });
    }

    function render() {
      if (!view || destroyed) return;
      const confirmed = state.messages.filter((message) => !message.local).sort((a, b) => a.id - b.id);
      const pending = state.messages.filter((message) => message.local);
      view.render({
        messages: confirmed.concat(pending),
        conversation: state.conversation,
        connection: state.connection,
        typing: state.awaiting || queue.some(isPaced),
        pacing: queue.some(isPaced),
        sending: pending.length > 0,
        notice: state.notice,
      });
    }

    function update(patch) {
      Object.assign(state, patch);
      render();
    }

    /** The typing dots while the bot has not answered; never longer than 20 s (a flow may wait). */
    function setAwaiting(on) {
      clearTimeout(timers.awaiting);
      if (on) timers.awaiting = setTimeout(() => update({ awaiting: false }), 20000);
      update({ awaiting: on });
    }

    async function fetchJson(path, init) {
      const response = await fetch(api + path, { credentials: 'omit', ...init });
      const body = await response.json().catch(() => null);
      if (!response.ok) throw new Error(body && body.error ? body.error.message : `HTTP ${response.status}`);
      return body;
    }

    function postJson(path, body) {
      return fetchJson(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    }

    function destroy() {
      destroyed = true;
      closeStream();
      Object.values(timers).forEach(clearTimeout);
      host.remove();
    }
  }

  function isPaced(item) {
    return item.kind === 'message' && item.message.direction === 'out' && typeof item.message.text === 'string' && item.message.text !== '';
  }

  function pickLocale(value) {
    return (value || navigator.language || 'en').toLowerCase().startsWith('th') ? 'th' : 'en';
  }

  /** widget-view.js as a classic script (no CORS needed from other sites), once per page. */
  function loadView(scriptSrc) {
    const registry = window.SwitchboardWebchat;
    if (registry.createView) return Promise.resolve(registry.createView);
    registry.viewLoading =
      registry.viewLoading ||
      new Promise((resolve, reject) => {
        const tag = document.createElement('script');
        tag.src = new URL('widget-view.js', scriptSrc).href;
        tag.async = true;
        tag.addEventListener('load', () => (registry.createView ? resolve(registry.createView) : reject(new Error('widget-view.js did not load'))));
        tag.addEventListener('error', () => {
          registry.viewLoading = null;
          reject(new Error('widget-view.js did not load'));
        });
        document.head.appendChild(tag);
      });
    return registry.viewLoading;
  }

  function bodyReady() {
    if (document.body) return Promise.resolve();
    return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
  }

  /** Url-safe random ids (the server accepts letters, digits, "-" and "_"). */
  function randomId(bytes) {
    const values = crypto.getRandomValues(new Uint8Array(bytes));
    return btoa(String.fromCharCode(...values)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** The visitor id per key in localStorage; whether the panel was open, per tab. */
  function storage(key) {
    const visitorName = `switchboard-webchat:${key}:visitor`;
    const openName = `switchboard-webchat:${key}:open`;
    // Storage may be blocked (privacy settings): the chat still works, a reload starts afresh.
    const attempt = (action, fallback) => {
      try {
        return action();
      } catch {
        return fallback;
      }
    };
    return {
      visitorId() {
        const saved = attempt(() => localStorage.getItem(visitorName), null);
        if (saved && /^[A-Za-z0-9_-]{16,64}$/.test(saved)) return saved;
        const fresh = randomId(24);
        attempt(() => localStorage.setItem(visitorName, fresh));
        return fresh;
      },
      wasOpen: () => attempt(() => sessionStorage.getItem(openName) === '1', false),
      rememberOpen: (open) => attempt(() => (open ? sessionStorage.setItem(openName, '1') : sessionStorage.removeItem(openName))),
    };
  }
})();
