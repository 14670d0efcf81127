"""`python -m langscan`: the same as the `langscan` command."""

from .cli import main

main()
