"""The playground: Segue against a Discord that runs in-process.

The stand-in itself (REST API v10 + gateway, which the real discord.py client connects to) is the top-level
`fakediscord` package; this package keeps the page, the session (the preset server and its people) and the runner.
"""
