"""The playground: Segue against a Discord that runs in-process.

`segue.playground.fakediscord` is the stand-in (REST API v10 + gateway) the real discord.py client connects to;
the E2E tests, the load benchmark and the playground page all drive it through `FakeDiscord`.
"""
