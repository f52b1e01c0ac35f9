"""Entry point for `python -m generator`."""

from .cli import main

raise SystemExit(main())
