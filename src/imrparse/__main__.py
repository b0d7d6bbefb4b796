"""``python -m imrparse``: the same command line as ``imrparse``."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
