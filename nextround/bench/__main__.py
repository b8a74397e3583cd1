"""`python -m nextround.bench`: see nextround/bench/run.py."""

import sys

from nextround.bench.run import main

sys.exit(main())
