"""One module per top-level command; each exposes ``command`` (a click command or group).

Modules are discovered with ``pkgutil`` by ``imsaudit.cli.main``: adding a command
touches its own module only.
"""
