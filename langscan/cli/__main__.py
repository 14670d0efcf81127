"""`python -m langscan.cli`: the same as the `langscan` command."""

from . import main

main()
