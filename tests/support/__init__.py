"""What tests share: fakes, builders and fixture helpers, importable as `support.<module>` (tests/ is on the path).

- `support.catalog`: `FakeCatalog`, a tiny in-memory catalog whose right answers are known.
- `support.bot`: the bot's fakes (keyword parser, service, limiter, deps, a fake `discord.Interaction`).
- `support.e2e`: running the real `SegueBot` against the Discord stand-in, and reading what users would see.
- `support.standin`: the Discord stand-in as pytest fixtures (`clock`, `fake`, `town`, `start_client`).
- `support.sources`: local HTTP stand-ins for the live music services, and the `wiring` fixture that connects a
  provider to them (one aiohttp session, an HttpClient + cache on a manual clock).
- `support.scripted`: scripted in-process live sources (exact answers and failures, no HTTP).
- `support.names`: a `NameResolver` over real dataset names, for the query-parser tests.
- `support.languages`: the request languages with checked rows, and reading a request as its English.
- `support.listening`: a small two-community listening matrix for the co-listening lists.
- `support.ci`: the one rule for prerequisites (skip outside CI, fail in CI).
"""
