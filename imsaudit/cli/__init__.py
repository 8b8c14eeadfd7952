"""The command-line interface: click commands over the library. Nothing imports this package."""
