"""`python -m segue.i18n`: check the shipped catalogs (run by `make lint`); exit 1 and list what is wrong."""

import sys

from ._check import problems

found = problems()
for line in found:
    sys.stderr.write(line + "\n")
sys.stdout.write("catalogs: " + (f"{len(found)} problems\n" if found else "complete\n"))
sys.exit(1 if found else 0)
