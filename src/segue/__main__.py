"""`python -m segue` runs the command line."""

if __name__ == "__main__":  # a spawned engine worker imports this module as `__mp_main__`: it must not run the CLI,
    # nor import it (typer, every command's module, the settings: BENCHMARKS.md, issue 14, cold start)
    import gc

    # The CLI's imports (typer, pydantic) make objects that live until the process ends: the collector's ~90
    # passes over them during the import would free nothing, nor would its passes after (BENCHMARKS.md, issue 14,
    # `segue ask`). Frozen, they are out of its view; what the command makes is collected as before.
    gc.disable()
    from segue.cli import main

    gc.freeze()
    gc.enable()
    main()
