"""`python -m segue` runs the command line."""

from segue.cli import main

if __name__ == "__main__":  # a spawned engine worker imports this module as `__mp_main__`: it must not run the CLI
    main()
