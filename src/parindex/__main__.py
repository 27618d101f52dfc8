"""``python -m parindex``: the same as the ``parindex`` command."""

import sys

from ._cli import main

sys.exit(main())
