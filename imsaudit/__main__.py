"""``python -m imsaudit`` runs the CLI."""

from imsaudit.cli.main import run

run()
