"""`python -m segue` runs the command line."""

if __name__ == "__main__":  # a spawned engine worker imports this module as `__mp_main__`: it must not run the CLI,
    # nor import it (typer, every command's module, the settings: BENCHMARKS.md, issue 14, cold start)
    from segue.cli import main

    main()
