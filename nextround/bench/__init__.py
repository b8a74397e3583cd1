"""`make bench`: a heavy made-up account, served by the production server, measured."""
